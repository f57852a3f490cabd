import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileGlossary, type CompiledConcept, type Concept } from '../../src/lib/search/glossary';
import { SEARCH_GLOSSARY_PATH } from '../../src/lib/routes';
import { loadSections } from '../../src/lib/content/sections';
import { openContentRoot } from '../../src/lib/content/content-root';
import { withPaperRefTitles } from '../../src/lib/data/paper-ref';
import { loadFoldTable, loadVocabulary } from '../../src/client/search/load';
import { searchPapers } from '../../src/client/search/search-papers';
import type { PaperHit, PaperQuery, PaperResults, SearchSources } from '../../src/client/search/types';
import { FOLD_TABLE_PATH, SEARCH_VOCABULARY_PATH } from '../../src/lib/routes';
import { siteUrl } from '../../scripts/lib/pagefind-node';
import { loadDateRanksOf, loadPagefind, type NodePagefind } from './pagefind';
import { contentEntries, contentRecords, type SourceEntry } from './content';

/** The glossary a build ships to the search client, read from its file. */
export function builtGlossary(distDir: string): () => Promise<CompiledConcept[]> {
  const concepts = JSON.parse(readFileSync(path.join(distDir, SEARCH_GLOSSARY_PATH), 'utf8')) as Concept[];
  const compiled = compileGlossary(concepts);
  return async () => compiled;
}

/**
 * What a page of the build at `distDir` (served at `base`) loads for search besides Pagefind: the
 * date order, glossary, Chinese fold table and vocabulary, fetched the way the page fetches them.
 */
export function buildSources(distDir: string, { base = '/' } = {}): Omit<SearchSources, 'pagefind'> {
  return {
    dateRanks: loadDateRanksOf(distDir, { base }),
    glossary: builtGlossary(distDir),
    foldTable: () => loadFoldTable(siteUrl(distDir, FOLD_TABLE_PATH, { base })),
    vocabulary: () => loadVocabulary(siteUrl(distDir, SEARCH_VOCABULARY_PATH, { base })),
  };
}

/** searchPapers over a build, with everything the pages would load (index, date order, glossary…). */
export async function searcherOf(distDir: string): Promise<{
  pagefind: NodePagefind;
  results(query: PaperQuery): Promise<PaperResults>;
  search(query: PaperQuery): Promise<PaperHit[]>;
}> {
  const pagefind = await loadPagefind(distDir);
  const sources = { pagefind, ...buildSources(distDir) };
  const results = (query: PaperQuery) => searchPapers(query, sources);
  return {
    pagefind,
    results,
    search: async (query) => {
      const found = await results(query);
      return found.hits(0, found.total);
    },
  };
}

/**
 * An entry with the text its page shows (title, note, tags, long note, its record's abstract), and
 * what search matches: that, its section's title (Pagefind matches the section metadata) and the
 * facts the page lists (authors, organisation, venue: the entry's, else its record's).
 */
export interface TextEntry extends SourceEntry {
  url: string;
  /** The list's own words for the paper: title, note, tags, long note. */
  ownText: string;
  text: string;
  indexed: string;
}

/**
 * Each entry's long note (by `section/id`) with the text its page shows for a `<PaperRef id>`: the
 * title of the paper it names.
 */
function entryBodies(entries: readonly SourceEntry[]): Map<string, string> {
  const sections = loadSections();
  const papers = entries.map((entry) => ({ id: entry.id, section: { id: entry.section }, title: entry.data.title }));
  return new Map(
    openContentRoot()
      .entrySources()
      .map((source) => [`${source.section}/${source.id}`, withPaperRefTitles(source.body, papers, sections)]),
  );
}

export function textEntries(): TextEntry[] {
  const entries = contentEntries();
  const bodies = entryBodies(entries);
  const sectionTitle = new Map(loadSections().map((section) => [section.id, section.title]));
  const records = contentRecords();
  return entries.map((entry) => {
    const record = records.get(`${entry.section}/${entry.id}`);
    const ownText = [
      entry.data.title,
      entry.data.note ?? '',
      ...(entry.data.tags ?? []),
      bodies.get(`${entry.section}/${entry.id}`) ?? '',
    ].join('\n');
    const text = record?.abstract ? `${ownText}\n${record.abstract}` : ownText;
    const facts = [
      sectionTitle.get(entry.section),
      ...(entry.data.authors ?? record?.authors ?? []),
      entry.data.org ?? '',
      entry.data.venue ?? record?.venue ?? '',
    ];
    return { ...entry, url: `/${entry.section}/${entry.id}/`, ownText, text, indexed: [text, ...facts].join('\n') };
  });
}

/** Items in at least `min` of the lists, the most frequent first (ties by code point: a stable table). */
export function frequent(lists: string[][], min: number): string[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const item of new Set(list)) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([item]) => item);
}
