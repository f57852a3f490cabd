import { FOLD_TABLE_PATH, NEWEST_FIRST_PATH, PAGEFIND_DIR, SEARCH_GLOSSARY_PATH, SEARCH_VOCABULARY_PATH } from '../../lib/routes';
import { parseFoldTable, type FoldTable } from '../../lib/search/chinese-fold';
import { compileGlossary, type CompiledConcept, type Concept } from '../../lib/search/glossary';
import { ranksOf } from '../../lib/search/search-order';
import { parseVocabulary, type Vocabulary } from '../../lib/search/spelling';
import { withBase } from '../../lib/render/urls';
import type { DateRanks, PagefindApi } from './types';

/**
 * Loading what search reads, each once per page: Pagefind itself, and the site's own search
 * files (date order, glossary, Chinese table, vocabulary), each fetched only when a search needs it.
 */

/** The index exists only in a build: `astro dev` serves no /pagefind/. */
export class SearchUnavailable extends Error {}

let pagefind: Promise<PagefindApi> | undefined;

/** Loads Pagefind (its script, WebAssembly and index metadata) on first use, once per page. */
export function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    try {
      // A runtime URL, not a module of this build: the bundle is written after Vite has run.
      const api = (await import(/* @vite-ignore */ withBase(`${PAGEFIND_DIR}/pagefind.js`))) as PagefindApi;
      await api.options({ baseUrl: withBase(''), excerptLength: 26 });
      await api.init();
      return api;
    } catch (error) {
      pagefind = undefined; // let the next keystroke try again
      throw new SearchUnavailable(String(error));
    }
  })();
  return pagefind;
}

const fetched = new Map<string, Promise<unknown>>();

/**
 * A file of the build, fetched and read once per URL on first use; a failure lets the next search
 * try again.
 */
function fetchOnce<T>(url: string, read: (json: unknown) => T): Promise<T> {
  let file = fetched.get(url) as Promise<T> | undefined;
  if (!file) {
    file = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return read(await response.json());
    });
    file.catch(() => fetched.delete(url));
    fetched.set(url, file);
  }
  return file;
}

/** The date order, needed only when a reader sorts by date. */
export const loadDateRanks = (url = withBase(NEWEST_FIRST_PATH)): Promise<DateRanks> =>
  fetchOnce(url, (json) => ranksOf(json as string[]));

export const loadSearchGlossary = (url = withBase(SEARCH_GLOSSARY_PATH)): Promise<CompiledConcept[]> =>
  fetchOnce(url, (json) => compileGlossary(json as Concept[]));

/** The Traditional → Simplified table, loaded by the first query with Chinese in it. */
export const loadFoldTable = (url = withBase(FOLD_TABLE_PATH)): Promise<FoldTable> => fetchOnce(url, parseFoldTable);

/** The index's words, loaded only when a query word finds too little (lib/search/spelling). */
export const loadVocabulary = (url = withBase(SEARCH_VOCABULARY_PATH)): Promise<Vocabulary> => fetchOnce(url, parseVocabulary);

/** A file that helps search but is not needed for it: without it, search finds the words as typed. */
export function optional<T>(what: string, load: () => Promise<T>, fallback: T): Promise<T> {
  return load().catch((error: unknown) => {
    console.warn(`Search ${what} could not load:`, error);
    return fallback;
  });
}
