import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';
import { runScriptHere } from '../helpers/run';
import { escapeRegExp } from '../../src/lib/regexp';

/** Every npm script that runs `tsx scripts/<name>.ts`, read from package.json so a new one is covered too. */
const scripts = Object.entries(
  (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
).flatMap(([name, command]) => {
  const match = /^tsx (scripts\/[\w-]+\.ts)$/.exec(command);
  return match ? [[name, match[1]!] as const] : [];
});

/** Each script once, with every npm name that runs it (import and sync run the same one). */
const byScript = [...Map.groupBy(scripts, ([, script]) => script)].map(
  ([script, named]) => [named.map(([name]) => name).join(', '), script, named.map(([name]) => name)] as const,
);

describe('--help on every script', () => {
  it('finds the scripts', () => expect(scripts.length).toBeGreaterThanOrEqual(10));

  // In this worker (runScriptHere): a process of its own per script would cost a second of CPU each.
  it.each(byScript)('npm run %s -- --help prints its usage and exits 0', async (_, script, names) => {
    const { status, stdout, stderr } = await runScriptHere(script, ['--help']);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    // A script run by several npm names may name any of them.
    expect(stdout.split('\n')[0]).toMatch(new RegExp(`^usage: npm run (?:${names.map(escapeRegExp).join('|')})( |$)`));
  });
});
