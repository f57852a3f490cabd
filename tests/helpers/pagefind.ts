import { NEWEST_FIRST_PATH } from '../../src/lib/routes';
import { loadDateRanks } from '../../src/client/search/load';
import type { DateRanks } from '../../src/client/search/types';
import { siteUrl } from '../../scripts/lib/pagefind-node';

/** The build's real Pagefind in Node, shared with the benchmark (see scripts/lib/pagefind-node.ts). */
export { loadPagefind, type NodePagefind } from '../../scripts/lib/pagefind-node';

/** The date order of a build (dist/ or dist-subpath/), fetched the way its pages fetch it. */
export function loadDateRanksOf(distDir: string, { base = '/' } = {}): () => Promise<DateRanks> {
  const url = siteUrl(distDir, NEWEST_FIRST_PATH, { base });
  return () => loadDateRanks(url);
}
