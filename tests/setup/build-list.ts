import { buildLikeNpmRunBuild } from './build-site';
import { LIST_CONTENT } from './dist';

/**
 * Before the real list's smoke check (tests/list/, `npm run test:slow`): builds content/ into
 * dist/ exactly as `npm run build` does. SKIP_BUILD=1 reuses the dist/ there (the newcomer's path
 * runs the check on the build it just made).
 */
export default async function setup(): Promise<void> {
  if (process.env.SKIP_BUILD !== '1') await buildLikeNpmRunBuild({ CONTENT_DIR: LIST_CONTENT });
}
