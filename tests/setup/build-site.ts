import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../../src/lib/paths';
import { SUBPATH_BASE, SUBPATH_OUT_DIR } from './dist';

/**
 * Builds the real site (`npm run build`) twice before the build-output, search and browser suites: at the root
 * (dist/) and under a sub-path (dist-subpath/), as a GitHub Pages project site is served.
 * SKIP_BUILD=1 reuses what is there, for quick local reruns.
 */
export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  const run = (env: NodeJS.ProcessEnv) =>
    execFileSync('npm', ['run', '--silent', 'build', '--', '--silent'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...buildEnv(), ...env },
    });
  run({});
  run({ BASE_PATH: SUBPATH_BASE, OUT_DIR: SUBPATH_OUT_DIR });
}

/**
 * Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test…) into process.env; a child
 * `astro build` would take BASE_URL=/ from there and ignore the configured base.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[key];
  return env;
}
