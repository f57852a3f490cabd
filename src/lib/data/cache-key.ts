import { createHash } from 'node:crypto';
import { incrementalBuild } from '../paths';

/**
 * A page's `cacheKey` for Astro's incremental build (`experimental.incrementalBuild`): a digest of
 * everything the page shows that its code does not fix. Astro reuses the page from the last build
 * while the key and the page's code are unchanged, so a part left out of the key is a page that
 * goes stale: tests/slow/incremental.test.ts holds a warm build to a clean one, byte for byte.
 */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/**
 * A route's `cacheKey` for one page: `cacheKey(...parts())` when the build keeps the incremental
 * cache, none when it does not (`BUILD_CACHE=off`: Astro reads no key, so none is hashed). `parts`
 * is a function so that what it reads (digests, keys shared by pages) is computed only then.
 */
export function pageCacheKey(parts: () => readonly unknown[]): string | undefined {
  return incrementalBuild() ? cacheKey(...parts()) : undefined;
}
