import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';
import { runScript } from '../helpers/run';
import { escapeRegExp } from '../../src/lib/regexp';

/** Every npm script that runs `tsx scripts/<name>.ts`, read from package.json so a new one is covered too. */
const scripts = Object.entries(
  (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
).flatMap(([name, command]) => {
  const match = /^tsx (scripts\/[\w-]+\.ts)$/.exec(command);
  return match ? [[name, match[1]!] as const] : [];
});

describe('--help on every script', () => {
  it('finds the scripts', () => expect(scripts.length).toBeGreaterThanOrEqual(10));

  it.each(scripts)(
    'npm run %s -- --help prints its usage and exits 0',
    async (name, script) => {
      const { status, stdout, stderr } = await runScript(script, ['--help']);
      expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
      // A script run by several npm names (import and sync) may name any of them.
      const names = scripts.filter(([, other]) => other === script).map(([alias]) => escapeRegExp(alias));
      expect(stdout.split('\n')[0]).toMatch(new RegExp(`^usage: npm run (?:${names.join('|')})( |$)`));
    },
    120_000,
  );
});
