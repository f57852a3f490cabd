import path from 'node:path';
import { REPO_ROOT } from '../../src/lib/paths';

export const DIST = path.join(REPO_ROOT, 'dist');
export const SUBPATH_BASE = '/awesome-mllm/';
export const SUBPATH_OUT_DIR = './dist-subpath';
export const SUBPATH_DIST = path.join(REPO_ROOT, 'dist-subpath');
/** What `npm run build` printed for dist/ (tests/build/build-log.test.ts reads it). */
export const BUILD_LOG = path.join(REPO_ROOT, 'dist-build.log');
