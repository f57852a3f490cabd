import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { REPO_ROOT } from '../../src/lib/paths';
import { childEnv } from '../../scripts/lib/bench/processes';
import { BUILD_LOG, DIST, FIXTURE_CONTENT, LIST_CONTENT, outDirOf, SUBPATH_BASE, SUBPATH_DIST } from './dist';

/**
 * Before the build-output, search and browser suites: builds the fixture content with
 * `npm run build` twice, at the root (DIST) and under a sub-path (SUBPATH_DIST), and the real list
 * once into dist/ for its smoke check. SKIP_BUILD=1 reuses what is there, for quick local reruns.
 */
export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  writeFileSync(BUILD_LOG, buildFixtureSite({ OUT_DIR: outDirOf(DIST) }));
  buildFixtureSite({ BASE_PATH: SUBPATH_BASE, OUT_DIR: outDirOf(SUBPATH_DIST) });
  buildLikeNpmRunBuild({ CONTENT_DIR: LIST_CONTENT });
}

/** `npm run build` of the fixture content, with `env` added (OUT_DIR, BASE_PATH). */
export function buildFixtureSite(env: NodeJS.ProcessEnv): string {
  return buildLikeNpmRunBuild({ ...env, CONTENT_DIR: FIXTURE_CONTENT });
}

/**
 * `npm run build` with `env` added, quiet unless it fails (then its whole log is printed); returns
 * its standard output. Every test that needs a real build of the checkout builds this way.
 */
export function buildLikeNpmRunBuild(env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync('npm', ['run', '--silent', 'build'], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
      encoding: 'utf8',
      env: buildEnv(env),
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${stdout ?? ''}${stderr ?? ''}`);
    throw error;
  }
}

/** The environment for a child build: without the variables Vitest adds (see TEST_RUNNER_VARIABLES). */
export function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return childEnv(extra);
}
