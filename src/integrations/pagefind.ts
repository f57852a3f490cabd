import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { fragmentId, NEWEST_FIRST_PATH, newestFirst, parseFragment } from '../lib/search-order';

/**
 * The language the whole index is built in. Pages say `<html lang="en">` (the site's interface is
 * English) while notes are Chinese (`lang="zh-Hans"` on their elements). Pagefind picks the index
 * language from `<html lang>` only, and splits Chinese into words only for zh/ja/th indexes, so an
 * English index would keep a whole note as one "word" and 幻觉 inside it would never match.
 * Forcing "zh" merges every page into one index whose Chinese is segmented; English words are
 * indexed as they are (no stemming, but Pagefind prefix-matches). The search client loads this
 * index from English pages (Pagefind falls back to the only index) and segments the Chinese of
 * the query itself, see src/scripts/search/query.ts.
 */
export const SEARCH_INDEX_LANGUAGE = 'zh';

/**
 * Text inside the indexed paper article that would match every paper: the field labels of the
 * facts list and the link chips ("Paper", "arxiv.org"). Filters, metadata and sort keys inside
 * these elements are still read.
 */
const NOT_SEARCHABLE = ['.facts dt', '.links'];

/** Where paper pages are in the build: `<section>/<id>/index.html`. */
const PAPER_PAGES = '*/*/index.html';

/** Files written at once: enough to keep the disk busy, few enough not to run out of handles. */
const WRITES_AT_ONCE = 64;

/** Builds the Pagefind index over the build output, as `npm run build`'s last step. */
export function pagefindSearch(): AstroIntegration {
  return {
    name: 'pagefind-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildIndex(fileURLToPath(dir), logger);
      },
    },
  };
}

async function buildIndex(siteDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  try {
    const { index } = checked(
      await pagefind.createIndex({ forceLanguage: SEARCH_INDEX_LANGUAGE, excludeSelectors: NOT_SEARCHABLE }),
      logger,
    );
    // Paper pages live at <section>/<id>/: reading only those halves indexing time and memory
    // (listing pages carry no data-pagefind-body and would be skipped after parsing anyway).
    const { page_count } = checked(await index.addDirectory({ path: siteDir, glob: PAPER_PAGES }), logger);
    // The files come back in memory (instead of writeFiles) so the date order is read from the
    // fragments as they are written, not by reading thousands of files back.
    const { files } = checked(await index.getFiles(), logger);
    await writeAll(path.join(siteDir, 'pagefind'), files);
    const papers = files.flatMap((file) => (fragmentId(file.path) ? [parseFragment(file.path, gunzipSync(file.content).toString('utf8'))] : []));
    if (papers.length === 0) throw new Error('Pagefind indexed no papers: is data-pagefind-body still on the paper page?');
    await writeAll(siteDir, [{ path: NEWEST_FIRST_PATH, content: JSON.stringify(newestFirst(papers)) }]);
    logger.info(`Search index: ${papers.length} papers from ${page_count} pages read, in ${Math.round(performance.now() - started)} ms.`);
  } finally {
    await pagefind.close();
  }
}

async function writeAll(dir: string, files: readonly { path: string; content: Uint8Array | string }[]): Promise<void> {
  for (const folder of new Set(files.map((file) => path.dirname(path.join(dir, file.path))))) await mkdir(folder, { recursive: true });
  for (let start = 0; start < files.length; start += WRITES_AT_ONCE) {
    await Promise.all(files.slice(start, start + WRITES_AT_ONCE).map((file) => writeFile(path.join(dir, file.path), file.content)));
  }
}

/** Pagefind reports problems in `errors` instead of throwing; any of them fails the build. */
function checked<T extends { errors: string[] }>(response: T, logger: AstroIntegrationLogger): Required<T> {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(`Pagefind: ${error}`);
    throw new Error(`Pagefind failed with ${response.errors.length} error(s) (listed above)`);
  }
  return response as Required<T>;
}
