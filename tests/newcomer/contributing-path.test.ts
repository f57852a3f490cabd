import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntrySource } from '../../src/lib/entry-files';
import { addGeneratedPapers, contributingArgv, contributingBlock, promisedFile } from '../helpers/newcomer';
import { cleanUp, copyEnv, copyProject, runIn, type CommandRun } from '../helpers/project-copy';
import { SUBPATH_BASE, SUBPATH_OUT_DIR } from '../setup/dist';

/**
 * The newcomer's path, for real: in a clean copy of the project, the `npm run new` block of
 * CONTRIBUTING.md runs word for word in a shell, other newcomers add a batch of papers, and then
 * what CONTRIBUTING, the README and CI run must pass there: validate, export:readme, the build
 * (at the root and under a sub-path, as the site tests need), check:counts, and the suites that
 * read the content or its build (build output, search index, browser).
 *
 * Left out of the copy's suite, to keep `npm test` within its time: the unit tests (they use
 * fixtures; tests/unit/newcomer.test.ts runs the content checks on the same papers in-process),
 * and the site tests that build content of their own or read the setup's build log, so a new paper cannot change them:
 * SITE_TESTS_LEFT_OUT below. This project never runs inside the copy (NEWCOMER_COPY), so the
 * copy cannot start another copy.
 */
export const SITE_TESTS_LEFT_OUT = [
  // Fixture entries written like an attack, in a project copy of its own.
  'tests/build/hostile-content.test.ts',
  // Builds the same sources again and compares bytes: no expectation comes from the content.
  'tests/build/reproducible.test.ts',
  // Reads the log of the build the suites' setup makes, which the copy's own builds do not write.
  'tests/build/build-log.test.ts',
];

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

  it('builds with npm run build, at the root and under a sub-path', { timeout: 15 * MINUTE }, async () => {
    succeeded(await npm(['run', 'build']));
    succeeded(await npm(['run', 'build'], { BASE_PATH: SUBPATH_BASE, OUT_DIR: SUBPATH_OUT_DIR }));
  });

  it('passes npm run check:counts', { timeout: 5 * MINUTE }, async () => {
    succeeded(await npm(['run', 'check:counts']));
  });

  it('passes the suites that read the content or its build', { timeout: 30 * MINUTE }, async () => {
    const exclude = SITE_TESTS_LEFT_OUT.flatMap((file) => ['--exclude', file]);
    // The builds above are the ones the suites read (SKIP_BUILD), as after `npm run build` locally.
    // `npm test` runs the unit suite too: the site suites alone, through the project's vitest.
    const run = await npm(['exec', '--', 'vitest', 'run', '--project', 'site', ...exclude], {
      SKIP_BUILD: '1',
      NEWCOMER_COPY: '1',
    });
    succeeded(run);
    expect(run.output).toMatch(/^Tests: [1-9]\d* passed, 0 failed, \d+ skipped$/m);
  });
});
