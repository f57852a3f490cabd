import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntrySource } from '../../src/lib/content/entry-files';
import { addGeneratedPapers, contributingArgv, contributingBlock, promisedFile } from '../helpers/newcomer';
import { cleanUp, copyEnv, copyProject, runIn, type CommandRun } from '../helpers/project-copy';

/**
 * The newcomer's path, for real: in a clean copy of the project, the `npm run new` block of
 * CONTRIBUTING.md runs word for word in a shell, other newcomers add a batch of papers, and then
 * what CONTRIBUTING, the README and CI run on the list must pass there: validate, export:readme,
 * the build, check:counts and the real list's smoke check (tests/list/). The other site suites run
 * on fixture content, so no paper added to content/ can change them; the unit tests use fixtures
 * too (tests/unit/newcomer.test.ts runs the content checks on the same papers in-process). This
 * project never runs inside the copy (NEWCOMER_COPY), so the copy cannot start another copy.
 */
let copy: string;
afterAll(() => cleanUp(copy));
beforeAll(() => {
  copy = copyProject('newcomer-path-');
});

const npm = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => runIn(copy, 'npm', args, copyEnv(env));
/** The command's whole output when it failed: the assertion message is the log to read. */
const succeeded = (run: CommandRun) => expect(run.status, run.output).toBe(0);

const MINUTE = 60_000;
/** A flag's value in CONTRIBUTING's command (`title` → its --title). */
const given = (flag: string) => {
  const argv = contributingArgv();
  return argv[argv.indexOf(`--${flag}`) + 1];
};

describe('a newcomer, following CONTRIBUTING.md in a clean copy of the project', () => {
  it('adds a paper with the exact `npm run new` command it shows', { timeout: 5 * MINUTE }, async () => {
    const run = await runIn(copy, 'sh', ['-c', contributingBlock()], copyEnv());
    succeeded(run);
    // npm prints its own lines first; the command's last line is the new file.
    expect(run.output.trim().split('\n').at(-1)).toBe(promisedFile());
    const file = path.join(copy, promisedFile());
    expect(parseEntrySource(file, readFileSync(file, 'utf8')).data).toMatchObject({
      title: given('title'),
      venue: given('venue'),
    });
    // Then others add theirs, in every section.
    expect(addGeneratedPapers(path.join(copy, 'content')).length).toBeGreaterThan(20);
  });

  it('passes npm run validate', { timeout: 5 * MINUTE }, async () => {
    const run = await npm(['run', 'validate']);
    succeeded(run);
    expect(run.output).toMatch(/ 0 errors/);
  });

  it('exports the list with npm run export:readme, the new paper in it', { timeout: 5 * MINUTE }, async () => {
    const run = await npm(['run', '--silent', 'export:readme']);
    succeeded(run);
    expect(run.output).toContain(`[${given('title')}](${given('url')})`);
  });

  it('builds with npm run build', { timeout: 15 * MINUTE }, async () => {
    succeeded(await npm(['run', 'build']));
  });

  it('passes npm run check:counts', { timeout: 5 * MINUTE }, async () => {
    succeeded(await npm(['run', 'check:counts']));
  });

  it('passes the real list’s smoke check on that build', { timeout: 10 * MINUTE }, async () => {
    // The build above is the one the check reads (SKIP_BUILD), as after `npm run build` locally.
    const run = await npm(['exec', '--', 'vitest', 'run', '--project', 'list'], {
      SKIP_BUILD: '1',
      NEWCOMER_COPY: '1',
    });
    succeeded(run);
    expect(run.output).toMatch(/^Tests: [1-9]\d* passed, 0 failed, 0 skipped$/m);
  });
});
