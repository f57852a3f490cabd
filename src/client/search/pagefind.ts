import { NEWEST_FIRST_PATH, PAGEFIND_DIR, SEARCH_FILTERS, SEARCH_META } from '../../lib/routes';
import { ranksOf } from '../../lib/search-order';
import { withBase } from '../../lib/urls';
import { pagefindQuery } from './query';

/** The part of Pagefind's JS API (1.6) this site uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string>;
}

export interface PagefindResponse {
  results: PagefindResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResultData {
  url: string;
  /** Escaped text (`<` and `>` only) with the matched words in `<mark>`. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

/** What the paper page records for search (see data-pagefind-* in src/pages/[section]/[id].astro). */
export type PaperFilter = keyof typeof SEARCH_FILTERS;
export type PaperOrder = 'relevance' | 'added';

export interface PaperQuery {
  text: string;
  filters?: Partial<Record<PaperFilter, string>>;
  order?: PaperOrder;
}

export interface PaperHit {
  url: string;
  title: string;
  section: string;
  added: string;
  excerpt: string;
}

/** A search's matches; their texts are fetched a page at a time. */
export interface PaperResults {
  total: number;
  hits(start: number, count: number): Promise<PaperHit[]>;
}

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

/** Each indexed paper's place, newest first (see src/lib/search-order.ts); smaller is newer. */
export type DateRanks = ReadonlyMap<string, number>;

const newestFirst = new Map<string, Promise<DateRanks>>();

/** Loads the date order on first use, once per URL; the first search does not need it. */
export function loadDateRanks(url = withBase(NEWEST_FIRST_PATH)): Promise<DateRanks> {
  let ranks = newestFirst.get(url);
  if (!ranks) {
    ranks = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return ranksOf((await response.json()) as string[]);
    });
    ranks.catch(() => newestFirst.delete(url)); // let the next search try again
    newestFirst.set(url, ranks);
  }
  return ranks;
}

/**
 * Runs a search the way every search UI here does; tests pass the Pagefind and the date order
 * they loaded in Node.
 */
export async function searchPapers(
  query: PaperQuery,
  pagefind: Promise<PagefindApi> | PagefindApi = loadPagefind(),
  dateRanks: () => Promise<DateRanks> = loadDateRanks,
): Promise<PaperResults> {
  const api = await pagefind;
  const term = pagefindQuery(query.text);
  const filters = Object.fromEntries(Object.entries(query.filters ?? {}).filter(([, value]) => value));
  if (!term && Object.keys(filters).length === 0) return { total: 0, hits: async () => [] };
  // Without words there is no relevance, so a filter-only search lists the newest first.
  const byDate = query.order === 'added' || !term;
  const [{ results }, ranks] = await Promise.all([api.search(term || null, { filters }), byDate ? dateRanks() : undefined]);
  const ordered = ranks ? [...results].sort((a, b) => rankOf(ranks, a) - rankOf(ranks, b)) : results;
  return {
    total: ordered.length,
    hits: (start, count) => Promise.all(ordered.slice(start, start + count).map(async (result) => toHit(await result.data()))),
  };
}

/** A page missing from the order (an index and order file from different builds) goes last. */
function rankOf(ranks: DateRanks, result: PagefindResult): number {
  return ranks.get(result.id) ?? ranks.size;
}

function toHit(data: PagefindResultData): PaperHit {
  return {
    url: data.url,
    title: data.meta[SEARCH_META.title] ?? data.url,
    section: data.meta[SEARCH_META.section] ?? '',
    added: data.meta[SEARCH_META.added] ?? '',
    excerpt: data.excerpt,
  };
}
