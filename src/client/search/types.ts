import type { FoldTable } from '../../lib/search/chinese-fold';
import type { CompiledConcept } from '../../lib/search/glossary';
import type { SEARCH_FILTERS } from '../../lib/routes';
import type { Vocabulary } from '../../lib/search/spelling';

/**
 * What search is made of, as types: Pagefind's API as this site uses it, a query, its hits and
 * results, and what a search loads. The leaf of src/client/search/: every other module imports it,
 * it imports nothing of theirs.
 */

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

/** Each indexed paper's place, newest first (see src/lib/search/search-order.ts); smaller is newer. */
export type DateRanks = ReadonlyMap<string, number>;

/** The glossary, compiled, loaded with the first search (a few KB). */
export type GlossaryLoader = () => Promise<readonly CompiledConcept[]>;

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

/** What turning a Pagefind result into a hit needs of the search. */
export interface HitContext {
  /** The query as searched (Chinese folded). */
  text: string;
  glossary: readonly CompiledConcept[];
  fold: FoldTable;
}

/** The papers matching every word of a query (./match), with their ids and facet counts. */
export interface Matches extends HitList {
  ids: ReadonlySet<string>;
  /** The first of them: the first result shown. */
  top?: PagefindResult;
  facets: Record<string, Record<string, number>>;
}
