import { beforeAll, describe, expect, it } from 'vitest';
import { FACETS, facetValues, normaliseVenue, type FacetName } from '../../src/lib/data/facets';
import type { PaperQuery } from '../../src/client/search/types';
import { searcherOf, textEntries, type TextEntry } from '../helpers/search';
import { DIST } from '../setup/dist';

/*
 * Facets on the built index: every option's count must be the number of entry files that hold
 * the value among the current results, for filter-only browsing and for searches with words.
 */
const entries = textEntries();
const valuesOf = new Map(entries.map((entry) => [entry.url, facetValues(entry.section, entry.data)]));
const entryAt = new Map(entries.map((entry) => [entry.url, entry]));

function countsOver(list: readonly TextEntry[]): Record<FacetName, Record<string, number>> {
  const counts = Object.fromEntries(FACETS.map(({ name }) => [name, {} as Record<string, number>])) as Record<
    FacetName,
    Record<string, number>
  >;
  for (const entry of list)
    for (const { name } of FACETS)
      for (const value of valuesOf.get(entry.url)![name]) counts[name][value] = (counts[name][value] ?? 0) + 1;
  // Facets no entry holds are absent, as in the search's counts.
  return Object.fromEntries(Object.entries(counts).filter(([, values]) => Object.keys(values).length > 0)) as Record<
    FacetName,
    Record<string, number>
  >;
}

const matches = (entry: TextEntry, filters: Partial<Record<FacetName, string[]>>) =>
  Object.entries(filters).every(([name, wanted]) => valuesOf.get(entry.url)![name as FacetName].some((v) => wanted!.includes(v)));

let searcher: Awaited<ReturnType<typeof searcherOf>>;
beforeAll(async () => {
  searcher = await searcherOf(DIST);
});

async function check(query: PaperQuery & { filters: Partial<Record<FacetName, string[]>> }, expected: TextEntry[]) {
  const results = await searcher.results({ ...query, withFacets: true });
  const urls = (await results.hits(0, results.total)).map((hit) => hit.url).sort();
  expect(urls, JSON.stringify(query)).toEqual(expected.map((entry) => entry.url).sort());
  expect(results.facets, JSON.stringify(query)).toEqual(countsOver(expected));
}

const allValues = FACETS.flatMap(({ name }) =>
  [...new Set(entries.flatMap((entry) => valuesOf.get(entry.url)![name]))].map((value) => ({ name, value })),
);

describe('facets over the built index', () => {
  it('every facet has values in the list, or is empty in content too', () => {
    for (const { name } of ['section', 'tag', 'year'].map((name) => ({ name }))) {
      expect(
        allValues.some((value) => value.name === name),
        name,
      ).toBe(true);
    }
  });

  it.each(allValues.map(({ name, value }) => [name, value] as const))(
    'filter-only %s = %s lists exactly its entries, with counts equal to the entry files',
    async (name, value) => {
      const filters = { [name]: [value] };
      await check(
        { text: '', filters },
        entries.filter((entry) => matches(entry, filters)),
      );
    },
  );

  it('ORs values within a facet and ANDs facets', async () => {
    const sections = [...new Set(entries.map((entry) => entry.section))].slice(0, 2);
    const year = entries[0]!.data.added.slice(0, 4);
    const filters = { section: sections, year: [year] };
    await check(
      { text: '', filters },
      entries.filter((entry) => matches(entry, filters)),
    );
    const tags = [...new Set(entries.flatMap((entry) => valuesOf.get(entry.url)!.tag))].slice(0, 3);
    const tagFilters = { tag: tags, section: sections };
    await check(
      { text: '', filters: tagFilters },
      entries.filter((entry) => matches(entry, tagFilters)),
    );
  });

  it.each(['DPO', '幻觉', 'video', 'LLaVA 图像'])('counts the results of a search with words (%s)', async (text) => {
    const results = await searcher.results({ text, withFacets: true });
    const hits = await results.hits(0, results.total);
    expect(hits.length).toBeGreaterThan(0);
    expect(results.facets).toEqual(countsOver(hits.map((hit) => entryAt.get(hit.url)!)));
    // and with a facet chosen among them
    const section = entryAt.get(hits[0]!.url)!.section;
    const narrowed = await searcher.results({ text, filters: { section: [section] }, withFacets: true });
    const narrowedHits = await narrowed.hits(0, narrowed.total);
    expect(narrowedHits.map((hit) => hit.url).sort()).toEqual(
      hits
        .filter((hit) => entryAt.get(hit.url)!.section === section)
        .map((hit) => hit.url)
        .sort(),
    );
    expect(narrowed.facets).toEqual(countsOver(narrowedHits.map((hit) => entryAt.get(hit.url)!)));
  });

  it('groups venue spellings by name and year while the page keeps what the entry says', () => {
    for (const entry of entries.filter((e) => e.data.venue)) {
      const venue = normaliseVenue(entry.data.venue!);
      expect(valuesOf.get(entry.url)!.venue).toEqual([venue.label]);
    }
  });
});
