import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { writeFileAtomic } from '../../src/lib/content/entry-files';
import { REPO_ROOT } from '../../src/lib/paths';
import { childEnv } from '../../scripts/lib/bench/processes';
import { BUILD_LOG, BUILDS_STATE, DIST, FIXTURE_CONTENT, outDirOf, SUBPATH_BASE, SUBPATH_DIST } from './dist';

/**
 * Before the build-output, search and browser suites: builds the fixture content with
 * `npm run build` twice, at the root (DIST) and under a sub-path (SUBPATH_DIST). SKIP_BUILD=1
 * reuses what is there, for quick local reruns. (The real list's build: tests/setup/build-list.ts.)
 *
 * The builds run while the unit suite does (Vitest runs every global setup before any test file,
 * so awaiting them here would hold both workers idle for the minute they take): the setup starts
 * them and returns, the unit files go first (tests/setup/sequencer.ts), and each site test file
 * waits until BUILDS_STATE says the builds are done (tests/setup/wait-for-builds.ts).
 */
export default function setup(): () => Promise<void> {
  rmSync(BUILDS_STATE, { force: true });
  const builds = process.env.SKIP_BUILD === '1' ? Promise.resolve() : buildAll();
  const done = builds.then(
    () => writeFileAtomic(BUILDS_STATE, JSON.stringify({ state: 'built' })),
    (error: unknown) => {
      writeFileAtomic(BUILDS_STATE, JSON.stringify({ state: 'failed' }));
      throw error;
    },
  );
  // Caught here so that a failed build is not an unhandled rejection before the teardown reports it.
  done.catch(() => {});
  return async () => {
    await done;
  };
}

async function buildAll(): Promise<void> {
  // One after another: they share the checkout's .astro/ and node_modules/.astro (Astro's content
  // store and MDX module map), which two builds at once overwrite under each other.
  writeFileSync(BUILD_LOG, await buildFixtureSite({ OUT_DIR: outDirOf(DIST) }));
  await buildFixtureSite({ BASE_PATH: SUBPATH_BASE, OUT_DIR: outDirOf(SUBPATH_DIST) });
}

/** `npm run build` of the fixture content, with `env` added (OUT_DIR, BASE_PATH). */
export function buildFixtureSite(env: NodeJS.ProcessEnv): Promise<string> {
  return buildLikeNpmRunBuild({ ...env, CONTENT_DIR: FIXTURE_CONTENT });
}

/**
 * `npm run build` with `env` added, quiet unless it fails (then its whole log is printed); resolves
 * with its standard output. Every test that needs a real build of the checkout builds this way.
 * Never a synchronous spawn: a test worker blocked for the minutes a build takes on a busy machine
 * cannot answer Vitest ("Timeout calling onTaskUpdate"), which fails the run.
 */
export async function buildLikeNpmRunBuild(env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'build'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: buildEnv(env),
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    process.stderr.write(`${stdout ?? ''}${stderr ?? ''}`);
    throw error;
  }
}

/** The environment for a child build: without the variables Vitest adds (see TEST_RUNNER_VARIABLES). */
export function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return childEnv(extra);
}
