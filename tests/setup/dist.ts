import path from 'node:path';
import { REPO_ROOT } from '../../src/lib/paths';

/**
 * The content the build, search and browser suites run on (tests/fixtures/site/README.md): made
 * for them, so they test every shape the site handles and stay green whatever the list holds.
 * The site project of vitest.config.ts sets CONTENT_DIR to it, so `contentRoot()` in a test is it.
 */
export const FIXTURE_CONTENT = path.join(REPO_ROOT, 'tests/fixtures/site');
/** The fixture's build at the root, and under a sub-path as a GitHub Pages project site is served. */
export const DIST = path.join(REPO_ROOT, 'dist-fixture');
export const SUBPATH_BASE = '/awesome-mllm/';
export const SUBPATH_DIST = path.join(REPO_ROOT, 'dist-fixture-subpath');
/** What `npm run build` printed for DIST (tests/build/build-log.test.ts reads it). */
export const BUILD_LOG = path.join(REPO_ROOT, 'dist-build.log');
/**
 * Where the suites' builds say they are done (tests/setup/build-site.ts writes it, each site test
 * file waits on it: tests/setup/wait-for-builds.ts): `{"state":"built"}` or `{"state":"failed"}`.
 */
export const BUILDS_STATE = path.join(REPO_ROOT, 'dist-builds.state');

/** The real list and its build, as `npm run build` writes it: the one smoke check (tests/list/). */
export const LIST_CONTENT = path.join(REPO_ROOT, 'content');
export const LIST_DIST = path.join(REPO_ROOT, 'dist');

/** `OUT_DIR` for a folder under the project root (as astro.config.mjs reads it). */
export const outDirOf = (dir: string) => `./${path.relative(REPO_ROOT, dir)}`;
