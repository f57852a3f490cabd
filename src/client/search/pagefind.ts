import {
  FOLD_TABLE_PATH,
  NEWEST_FIRST_PATH,
  PAGEFIND_DIR,
  SEARCH_FILTERS,
  SEARCH_GLOSSARY_PATH,
  SEARCH_VOCABULARY_PATH,
} from '../../lib/routes';
import { foldChinese, HAS_HAN, parseFoldTable, type FoldTable } from '../../lib/chinese-fold';
import { compileGlossary, expandQuery, type CompiledConcept, type Concept } from '../../lib/glossary';
import { ranksOf } from '../../lib/search-order';
import { parseVocabulary, type Vocabulary } from '../../lib/spelling';
import { withBase } from '../../lib/urls';
import { forgivingGroups } from './forgiving';
import { byDate, phraseFirst, toHit, unionCounts, type HitContext } from './hits';
import { pagefindQuery } from './query';

/** The part of Pagefind's JS API (1.6) this site uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
  /** Loads every filter's index (needed before searches report counts for all filters). */
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** A facet's wanted values: any of them (OR within a facet; facets combine with AND). */
export interface PagefindSearchOptions {
  filters?: Record<string, { any: string[] }>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  /** How many of these results hold each value of each filter. */
  filters?: Record<string, Record<string, number>>;
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
  /** The page's indexed text. */
  content?: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

/** What the paper page records for search (see data-pagefind-* in src/pages/[section]/[id].astro). */
export type PaperFilter = keyof typeof SEARCH_FILTERS;
export type PaperOrder = 'relevance' | 'added';

export interface PaperQuery {
  text: string;
  /** Values wanted per facet (a string is one value). */
  filters?: Partial<Record<PaperFilter, string | readonly string[]>>;
  order?: PaperOrder;
  /** Count facet values over the results (loads every filter's index first: the search page does, the header box does not). */
  withFacets?: boolean;
  /** The words exactly as typed: no spelling corrections. */
  exact?: boolean;
}

export interface PaperHit {
  url: string;
  title: string;
  section: string;
  added: string;
  /** "Wang et al., 2024" for a paper with a scholarly record; '' otherwise. */
  byline: string;
  excerpt: string;
  /**
   * For a paper found only through the glossary: the forms it uses instead of the words typed
   * (a search for "hallucination" finding a note that says 幻觉 gives ["幻觉"]). Empty otherwise.
   */
  via: string[];
  /** For a paper with some of the query's words: those it holds (as typed; a glossary form counts). */
  holds?: string[];
}

/** Results fetched a page at a time. */
export interface HitList {
  total: number;
  hits(start: number, count: number): Promise<PaperHit[]>;
}

/**
 * Papers shown below those matching the query, labelled: for the query with its misspellings
 * corrected (`text`), then with some of its words (`text` is the query they come from).
 */
export interface ResultGroup extends HitList {
  kind: 'corrected' | 'some';
  text: string;
}

/** A search's matches (every word, as typed or through the glossary), then any further groups. */
export interface PaperResults extends HitList {
  /** How many of the results hold each value of each facet (values held by none are absent); when no paper matches, those of the first further group. */
  facets: Partial<Record<PaperFilter, Record<string, number>>>;
  more: ResultGroup[];
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

/** The glossary, compiled, loaded with the first search (a few KB). */
export type GlossaryLoader = () => Promise<readonly CompiledConcept[]>;

export const loadSearchGlossary = (url = withBase(SEARCH_GLOSSARY_PATH)): Promise<CompiledConcept[]> =>
  fetchOnce(url, (json) => compileGlossary(json as Concept[]));

/** The Traditional → Simplified table, loaded by the first query with Chinese in it. */
export const loadFoldTable = (url = withBase(FOLD_TABLE_PATH)): Promise<FoldTable> => fetchOnce(url, parseFoldTable);

/** The index's words, loaded only when a query word finds too little (lib/spelling). */
export const loadVocabulary = (url = withBase(SEARCH_VOCABULARY_PATH)): Promise<Vocabulary> => fetchOnce(url, parseVocabulary);

/** Everything a search reads; the pages load each from the site, tests pass what they loaded in Node. */
export interface SearchSources {
  pagefind: Promise<PagefindApi> | PagefindApi;
  dateRanks: () => Promise<DateRanks>;
  glossary: GlossaryLoader;
  foldTable: () => Promise<FoldTable>;
  vocabulary: () => Promise<Vocabulary>;
}

/** What one search has loaded, for the searches it runs. */
export interface SearchContext extends HitContext {
  api: PagefindApi;
  filters: Record<string, { any: string[] }>;
  /** The date order, when results are listed newest first. */
  ranks?: DateRanks;
  sources: SearchSources;
}

/** A file that helps search but is not needed for it: without it, search finds the words as typed. */
export function optional<T>(what: string, load: () => Promise<T>, fallback: T): Promise<T> {
  return load().catch((error: unknown) => {
    console.warn(`Search ${what} could not load:`, error);
    return fallback;
  });
}

/**
 * Runs a search the way every search UI here does.
 *
 * Order: papers holding the query as typed first (among them, those holding it as one
 * contiguous phrase first), then papers found only through the glossary (the query's glossary
 * terms replaced by their concept tokens), which say which form they matched. Chinese is folded to
 * Simplified first (lib/chinese-fold). Then, labelled, any further groups (./forgiving): the query
 * with its misspellings corrected, and papers holding some of its words.
 */
export async function searchPapers(query: PaperQuery, given: Partial<SearchSources> = {}): Promise<PaperResults> {
  const sources: SearchSources = {
    pagefind: given.pagefind ?? loadPagefind(),
    dateRanks: given.dateRanks ?? loadDateRanks,
    glossary: given.glossary ?? loadSearchGlossary,
    foldTable: given.foldTable ?? loadFoldTable,
    vocabulary: given.vocabulary ?? loadVocabulary,
  };
  const [api, glossary, fold] = await Promise.all([
    sources.pagefind,
    optional('glossary', sources.glossary, []),
    HAS_HAN.test(query.text) ? optional('Chinese table', sources.foldTable, new Map()) : new Map<string, string>(),
  ]);
  const text = foldChinese(query.text.normalize('NFKC'), fold);
  const term = pagefindQuery(text);
  const filters = pagefindFilters(query.filters);
  if (!term && Object.keys(filters).length === 0) return { total: 0, hits: async () => [], facets: {}, more: [] };
  // Pagefind reports counts only for filters whose index it has loaded; filters() loads them all, once.
  if (query.withFacets) await api.filters();
  // Without words there is no relevance, so a filter-only search lists the newest first.
  const ranks = query.order === 'added' || !term ? await sources.dateRanks() : undefined;
  const context: SearchContext = { api, glossary, fold, filters, ranks, sources, text };
  const all = await everyWord(context);
  const more = term ? await forgivingGroups(context, all, query.exact ?? false) : [];
  // Counting a group's facets may fetch its papers' records: only the search page shows counts.
  const facets = query.withFacets && all.total === 0 && more[0] ? await more[0].facets() : all.facets;
  return { total: all.total, hits: all.hits, facets: dropZeros(facets), more: more.map(({ facets: _, ...group }) => group) };
}

/**
 * Papers matching every word of `context.text`, as typed or through the glossary, in the order
 * searchPapers gives, leaving out those in `exclude` (shown already).
 */
export interface Matches extends HitList {
  ids: ReadonlySet<string>;
  /** The first of them: the first result shown. */
  top?: PagefindResult;
  facets: Record<string, Record<string, number>>;
}

export async function everyWord(context: SearchContext, exclude: ReadonlySet<string> = new Set()): Promise<Matches> {
  const { api, filters, ranks, text, glossary } = context;
  const term = pagefindQuery(text);
  const expansion = term ? expandQuery(text, glossary) : undefined;
  const expandedTerm = expansion ? pagefindQuery(expansion.text) : undefined;
  const [typed, widened] = await Promise.all([
    api.search(term || null, { filters }),
    expandedTerm ? api.search(expandedTerm, { filters }) : undefined,
  ]);
  const asTyped = new Set(typed.results.map((result) => result.id));
  const glossaryOnly = (widened?.results ?? []).filter((result) => !asTyped.has(result.id));
  let ordered = [...(term && !ranks ? await phraseFirst(typed.results, text, context.fold) : typed.results), ...glossaryOnly];
  if (ranks) ordered = byDate(ordered, ranks);
  ordered = ordered.filter((result) => !exclude.has(result.id));
  return {
    total: ordered.length,
    ids: new Set(ordered.map((result) => result.id)),
    top: ordered[0],
    facets: widened ? await unionCounts(widened, typed.results) : (typed.filters ?? {}),
    hits: (start, count) =>
      Promise.all(
        ordered
          .slice(start, start + count)
          .map(async (result) => toHit(await result.data(), context, asTyped.has(result.id) ? [] : (expansion?.terms ?? []))),
      ),
  };
}

/** `{ tag: ['a', 'b'] }` → Pagefind's `{ tag: { any: ['a', 'b'] } }`, without empty facets. */
function pagefindFilters(filters: PaperQuery['filters'] = {}): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const [name, value] of Object.entries(filters)) {
    const values = (typeof value === 'string' ? [value] : [...(value ?? [])]).filter(Boolean);
    if (values.length) out[SEARCH_FILTERS[name as PaperFilter] ?? name] = { any: values };
  }
  return out;
}

/** Counts without zeros, and without facets no result holds. */
function dropZeros(counts: Record<string, Record<string, number>>): PaperResults['facets'] {
  return Object.fromEntries(
    Object.entries(counts)
      .map(([name, values]) => [name, Object.fromEntries(Object.entries(values).filter(([, n]) => n > 0))] as const)
      .filter(([, values]) => Object.keys(values).length > 0),
  );
}
