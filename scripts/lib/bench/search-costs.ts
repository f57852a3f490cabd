import { addBytes, servedBytes, type Bytes } from './output';
import { loadPagefind, type NodePagefind } from '../pagefind-node';

/** What searches cost a reader: the files each one downloads and how long it takes. */

export interface SearchCost {
  query: string;
  results: number;
  /** Files fetched for this search (for the first: the scripts, the index entry, WebAssembly…). */
  files: FetchedFile[];
  bytes: Bytes;
  ms: number;
}

export interface FetchedFile extends Bytes {
  /** Path under the site root, e.g. `pagefind/index/zh_1a2b.pf_index`. */
  file: string;
}

/**
 * Runs `queries` one after the other through the build's real `pagefind/pagefind.js` in Node
 * (scripts/lib/pagefind-node.ts), as a page would: each search also loads the excerpts of the
 * first `shownResults` results. Downloads are counted; a file fetched once is not fetched again,
 * as a browser caches it. The first search counts loading Pagefind too: `pagefind.js`,
 * `pagefind-worker.js`, the index entry, WebAssembly and metadata.
 */
export async function searchCosts(
  distDir: string,
  queries: readonly string[],
  { shownResults = 5, htmlLang = 'en' } = {},
): Promise<SearchCost[]> {
  const fetched: FetchedFile[] = [];
  const onFetch = (file: string, content: Buffer) => fetched.push({ file, ...servedBytes(file, content) });
  let pagefind: NodePagefind | undefined;
  try {
    const costs: SearchCost[] = [];
    for (const query of queries) {
      const before = fetched.length;
      const started = performance.now();
      pagefind ??= await loadPagefind(distDir, { htmlLang, onFetch });
      const { results } = await pagefind.search(query);
      await Promise.all(results.slice(0, shownResults).map((result) => result.data()));
      const ms = performance.now() - started;
      const files = fetched.slice(before);
      costs.push({ query, results: results.length, files, bytes: addBytes(...files), ms });
    }
    return costs;
  } finally {
    await pagefind?.destroy();
  }
}
