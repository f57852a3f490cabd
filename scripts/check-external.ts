/** npm run check:external: requests every external URL of the content (needs the network; never in CI). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  checkUrls,
  collectContentUrls,
  collectDistUrls,
  dedupeUrls,
  DEFAULT_CHECK_OPTIONS,
  formatCheck,
  formatSummary,
  type CheckOptions,
} from './lib/checks/check-external';
import { displayPath } from '../src/lib/paths';
import { asInputError, CliError, EXIT, runCommand } from './lib/cli';

const USAGE =
  'npm run check:external [-- --dist DIR] [--content DIR] [--concurrency N] [--per-host N] [--timeout SECONDS] [--retries N]';

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min)
    throw new CliError(`--${name}: "${value}" is not a whole number of at least ${min}`);
  return number;
}

await runCommand(
  {
    usage: USAGE,
    help: `Requests every external URL in content/ (entry links, notes, MDX bodies, about.md) and, with
--dist, in a build's pages; prints the dead ones with the files citing them. It needs the
network and the answers change from day to day, so it is run by hand (or on a schedule), never
in CI or npm test. Exit 0: none dead (blocked ones are listed to check by hand); 1: some dead;
2: bad arguments or unreadable input.`,
    options: {
      dist: { type: 'string' },
      concurrency: { type: 'string' },
      'per-host': { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
    },
    content: 'registry',
  },
  async ({ values, content }) => {
    const options: CheckOptions = {
      ...DEFAULT_CHECK_OPTIONS,
      concurrency: wholeNumber('concurrency', values.concurrency, DEFAULT_CHECK_OPTIONS.concurrency, 1),
      perHost: wholeNumber('per-host', values['per-host'], DEFAULT_CHECK_OPTIONS.perHost, 1),
      timeoutMs: wholeNumber('timeout', values.timeout, DEFAULT_CHECK_OPTIONS.timeoutMs / 1000, 1) * 1000,
      retries: wholeNumber('retries', values.retries, DEFAULT_CHECK_OPTIONS.retries, 0),
    };
    const dist = values.dist === undefined ? undefined : path.resolve(values.dist);
    if (dist !== undefined && !existsSync(path.join(dist, 'index.html')))
      throw new CliError(`no build at ${dist}: run npm run build first`);

    // A registry that does not load is reported with its file and field.
    const sources = asInputError(() => [
      ...collectContentUrls(content.dir),
      ...(dist === undefined ? [] : collectDistUrls(dist)),
    ]);
    const urls = dedupeUrls(sources);
    console.error(`checking ${urls.length} URLs, ${options.concurrency} at a time (${options.perHost} per host)…`);
    let done = 0;
    const checks = await checkUrls(
      urls.map(({ url }) => url),
      options,
      () => {
        done++;
        if (process.stderr.isTTY) process.stderr.write(`\r${done}/${urls.length}`);
      },
    );
    if (process.stderr.isTTY) process.stderr.write('\n');

    const whereOf = new Map(urls.map(({ url, where }) => [url, where.map((file) => displayPath(file))]));
    for (const verdict of ['dead', 'blocked'] as const) {
      for (const check of checks.filter((candidate) => candidate.verdict === verdict))
        console.log(formatCheck(check, whereOf.get(check.url)!));
    }
    console.log(formatSummary(checks));
    return checks.some((check) => check.verdict === 'dead') ? EXIT.problems : EXIT.ok;
  },
);
