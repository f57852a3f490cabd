import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../../src/lib/paths';
import { childEnv } from '../../scripts/lib/bench/processes';
import { BUILD_LOG, SUBPATH_BASE, SUBPATH_OUT_DIR } from './dist';
import { writeFileSync } from 'node:fs';

/**
 * Builds the real site (`npm run build`: Astro, then the search index) twice before the
 * build-output, search and browser suites: at the root (dist/) and under a sub-path
 * (dist-subpath/), as a GitHub Pages project site is served. SKIP_BUILD=1 reuses what is there,
 * for quick local reruns.
 */
export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  writeFileSync(BUILD_LOG, buildLikeNpmRunBuild());
  buildLikeNpmRunBuild({ BASE_PATH: SUBPATH_BASE, OUT_DIR: SUBPATH_OUT_DIR });
}

/**
 * `npm run build` with `env` added, quiet unless it fails (then its whole log is printed); returns
 * its standard output. Every
 * test that needs a real build of the checkout builds this way.
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
