/**
 * The suggestion workflow's publishing step: `node scripts/suggestion-publish.ts <result folder>`
 * with GITHUB_TOKEN, GITHUB_REPOSITORY, ISSUE_NUMBER and DEFAULT_BRANCH set. It runs on plain
 * Node 24 without `npm ci` (the job holds a write token, so it installs and runs no package), which
 * is why it is not on lib/cli.ts and imports only Node's modules and ./lib/suggestion/{github,publish}.
 */
import { fetchRequest, restGitHub } from './lib/suggestion/github.ts';
import { publish, readResult } from './lib/suggestion/publish.ts';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

try {
  const issue = Number(setting('ISSUE_NUMBER'));
  if (!Number.isSafeInteger(issue) || issue < 1) throw new Error('ISSUE_NUMBER is not an issue number');
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/suggestion-publish.ts <result folder>');
  const result = await readResult(dir, issue);
  const request = fetchRequest({ token: setting('GITHUB_TOKEN'), apiUrl: process.env.GITHUB_API_URL });
  for (const line of await publish(restGitHub(setting('GITHUB_REPOSITORY'), request), result, setting('DEFAULT_BRANCH')))
    console.log(line);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 1;
}
