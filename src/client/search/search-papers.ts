import { foldChinese, HAS_HAN } from '../../lib/search/chinese-fold';
import { SEARCH_FILTERS } from '../../lib/routes';
import { forgivingGroups } from './forgiving';
import { loadDateRanks, loadFoldTable, loadPagefind, loadSearchGlossary, loadVocabulary, optional } from './load';
import { everyWord } from './match';
import { pagefindQuery } from './query';
import type { PaperFilter, PaperQuery, PaperResults, SearchContext, SearchSources } from './types';

/**
 * Runs a search the way every search UI here does.
 *
 * Order: papers holding the query as typed first (among them, those holding it as one
 * contiguous phrase first), then papers found only through the glossary (the query's glossary
 * terms replaced by their concept tokens), which say which form they matched. Chinese is folded to
 * Simplified first (lib/search/chinese-fold). Then, labelled, any further groups (./forgiving): the query
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
