import { NEWEST_FIRST_PATH, PAGEFIND_DIR, SEARCH_FILTERS, SEARCH_GLOSSARY_PATH, SEARCH_META } from '../../lib/routes';
import {
  compileGlossary,
  CONCEPT_TOKEN_PATTERN,
  expandQuery,
  matchedForms,
  type CompiledConcept,
  type Concept,
  type QueryTerm,
} from '../../lib/glossary';
import { ranksOf } from '../../lib/search-order';
import { withBase } from '../../lib/urls';
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
}

export interface PaperHit {
  url: string;
  title: string;
  section: string;
  added: string;
  excerpt: string;
  /**
   * For a paper found only through the glossary: the forms it uses instead of the words typed
   * (a search for "hallucination" finding a note that says 幻觉 gives ["幻觉"]). Empty otherwise.
   */
  via: string[];
}

/** A search's matches; their texts are fetched a page at a time. */
export interface PaperResults {
  total: number;
  hits(start: number, count: number): Promise<PaperHit[]>;
  /** How many of the results hold each value of each facet (values held by none are absent). */
  facets: Partial<Record<PaperFilter, Record<string, number>>>;
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

/** The glossary, compiled, loaded with the first search (a few KB). */
export type GlossaryLoader = () => Promise<readonly CompiledConcept[]>;

const glossaries = new Map<string, Promise<CompiledConcept[]>>();

export function loadSearchGlossary(url = withBase(SEARCH_GLOSSARY_PATH)): Promise<CompiledConcept[]> {
  let glossary = glossaries.get(url);
  if (!glossary) {
    glossary = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return compileGlossary((await response.json()) as Concept[]);
    });
    glossary.catch(() => glossaries.delete(url));
    glossaries.set(url, glossary);
  }
  return glossary;
}

/** How many results up front are read to bring exact-phrase matches first. */
export const PHRASE_WINDOW = 40;

/**
 * Runs a search the way every search UI here does; tests pass the Pagefind, date order and
 * glossary they loaded in Node.
 *
 * Order: papers holding the query as typed first (among them, those holding it as one
 * contiguous phrase first), then papers found only through the glossary (the query's glossary
 * terms replaced by their concept tokens), which say which form they matched.
 */
export async function searchPapers(
  query: PaperQuery,
  pagefind: Promise<PagefindApi> | PagefindApi = loadPagefind(),
  dateRanks: () => Promise<DateRanks> = loadDateRanks,
  glossaryOf: GlossaryLoader = loadSearchGlossary,
): Promise<PaperResults> {
  const [api, glossary] = await Promise.all([
    pagefind,
    // Without its glossary, search still finds the words as typed.
    glossaryOf().catch((error: unknown) => {
      console.warn('Search glossary could not load:', error);
      return [];
    }),
  ]);
  const term = pagefindQuery(query.text);
  const filters = pagefindFilters(query.filters);
  if (!term && Object.keys(filters).length === 0) return { total: 0, hits: async () => [], facets: {} };
  // Pagefind reports counts only for filters whose index it has loaded; filters() loads them all, once.
  if (query.withFacets) await api.filters();
  const expansion = term ? expandQuery(query.text, glossary) : undefined;
  const expandedTerm = expansion ? pagefindQuery(expansion.text) : undefined;
  // Without words there is no relevance, so a filter-only search lists the newest first.
  const byDate = query.order === 'added' || !term;
  const [typed, widened, ranks] = await Promise.all([
    api.search(term || null, { filters }),
    expandedTerm ? api.search(expandedTerm, { filters }) : undefined,
    byDate ? dateRanks() : undefined,
  ]);
  const asTyped = new Set(typed.results.map((result) => result.id));
  const glossaryOnly = (widened?.results ?? []).filter((result) => !asTyped.has(result.id));
  let ordered = [...(term && !byDate ? await phraseFirst(typed.results, query.text) : typed.results), ...glossaryOnly];
  if (ranks) ordered = ordered.sort((a, b) => rankOf(ranks, a) - rankOf(ranks, b));
  const facets = widened ? await unionCounts(widened, typed.results) : (typed.filters ?? {});
  return {
    total: ordered.length,
    facets: dropZeros(facets),
    hits: (start, count) =>
      Promise.all(
        ordered.slice(start, start + count).map(async (result) => {
          const data = await result.data();
          if (asTyped.has(result.id) || !expansion) return toHit(data, []);
          // The section title counts, as on the paper page (its keywords include it).
          const text = `${data.content ?? ''}\n${data.meta[SEARCH_META.section] ?? ''}`;
          return toHit(data, matchedForms(text, expansion.terms, glossary), expansion.terms);
        }),
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

/**
 * Results holding the query as one phrase (words in order, nothing between but spaces or
 * punctuation) move ahead of those holding its words apart; Pagefind's order is kept within each.
 * Only the first PHRASE_WINDOW results are read (their texts are fetched for the first page anyway).
 */
async function phraseFirst(results: PagefindResult[], text: string): Promise<PagefindResult[]> {
  const phrase = phraseKey(text);
  const words = pagefindQuery(text).split(' ').filter(Boolean);
  if (words.length < 2 || !phrase) return results;
  const head = results.slice(0, PHRASE_WINDOW);
  const holds = await Promise.all(head.map(async (result) => phraseKey((await result.data()).content ?? '').includes(phrase)));
  return [...head.filter((_, i) => holds[i]), ...head.filter((_, i) => !holds[i]), ...results.slice(PHRASE_WINDOW)];
}

/** Lower-case, punctuation and spaces as one space, none between Chinese characters. */
export function phraseKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '')
    .trim();
}

/**
 * Facet counts of the union of the widened search and the as-typed one. The widened search
 * almost always holds every as-typed result (a page indexes the token of every concept it uses);
 * any that it does not are counted from their own records.
 */
async function unionCounts(
  widened: PagefindResponse,
  typed: readonly PagefindResult[],
): Promise<Record<string, Record<string, number>>> {
  const counts = structuredClone(widened.filters ?? {});
  const inWidened = new Set(widened.results.map((result) => result.id));
  for (const result of typed) {
    if (inWidened.has(result.id)) continue;
    for (const [name, values] of Object.entries((await result.data()).filters)) {
      const facet = (counts[name] ??= {});
      for (const value of values) facet[value] = (facet[value] ?? 0) + 1;
    }
  }
  return counts;
}

/** Counts without zeros, and without facets no result holds. */
function dropZeros(counts: Record<string, Record<string, number>>): PaperResults['facets'] {
  return Object.fromEntries(
    Object.entries(counts)
      .map(([name, values]) => [name, Object.fromEntries(Object.entries(values).filter(([, n]) => n > 0))] as const)
      .filter(([, values]) => Object.keys(values).length > 0),
  );
}

/** A page missing from the order (an index and order file from different builds) goes last. */
function rankOf(ranks: DateRanks, result: PagefindResult): number {
  return ranks.get(result.id) ?? ranks.size;
}

function toHit(data: PagefindResultData, via: string[], terms: readonly QueryTerm[] = []): PaperHit {
  const excerpt = via.length ? formExcerpt(data.content ?? '', via) : data.excerpt;
  return {
    url: data.url,
    title: data.meta[SEARCH_META.title] ?? data.url,
    section: data.meta[SEARCH_META.section] ?? '',
    added: data.meta[SEARCH_META.added] ?? '',
    excerpt: (excerpt || data.excerpt)
      .replace(CONCEPT_TOKEN_PATTERN, '')
      .replace(/\s{2,}/g, ' ')
      .trim(),
    via: via.length ? via : terms.length ? terms.map((term) => term.concept.en[0]!) : [],
  };
}

/** An excerpt around the first glossary form a page uses, marked the way Pagefind marks matches. */
function formExcerpt(content: string, forms: readonly string[]): string {
  const found = forms
    .map((form) => {
      const words = form.split(/[\s\-_/]+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return new RegExp(words.join('[\\s\\-_/]+'), 'iu').exec(content);
    })
    .filter((match) => match !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (!found) return '';
  const [text] = found;
  const at = found.index;
  const escape = (part: string) => part.replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const start = Math.max(0, at - 60);
  const end = Math.min(content.length, at + text.length + 80);
  return `${start > 0 ? '…' : ''}${escape(content.slice(start, at))}<mark>${escape(text)}</mark>${escape(
    content.slice(at + text.length, end),
  )}${end < content.length ? '…' : ''}`;
}
