import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagefindQuery } from '../../src/client/search/query';
import { compileGlossary, termsOf, type Concept } from '../../src/lib/search/glossary';
import { loadGlossary } from '../../src/lib/content/glossary-file';
import { facetValues, type FacetName } from '../../src/lib/data/facets';
import { frequent, searcherOf, textEntries, type TextEntry } from '../helpers/search';
import { DIST } from '../setup/dist';

/*
 * Search quality on the built index: 40+ queries generated from the content (so the table follows the
 * list as it grows), each with the papers it should find worked out here, and recall and precision
 * per kind of query held to thresholds. The table is printed.
 *
 * What a query should find: every part of it present in a paper's title, note, tags or long note,
 * or section title (Pagefind matches the section metadata), where a glossary term counts as present when the paper uses any form of its concept, an English
 * word at the start of a word (Pagefind matches prefixes), Chinese anywhere.
 */
const entries = textEntries();
const concepts = loadGlossary();
const glossary = compileGlossary(concepts);
const HAN = /\p{Script=Han}/u;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function holds(text: string, form: string, abbr = false): boolean {
  if (HAN.test(form))
    return pagefindQuery(form)
      .split(' ')
      .every((word) => text.includes(word));
  const words = form
    .split(/[\s\-_/]+/)
    .map(escape)
    .join('[\\s\\-_/]+');
  return new RegExp(`(^|[^A-Za-z0-9])${words}`, 'i').test(text) || (abbr && text.includes(form));
}
const usesConcept = (text: string, concept: Concept) =>
  [...concept.en, ...concept.zh].some((form) => holds(text, form)) ||
  (concept.abbr ?? []).some((form) => holds(text, form, true));

function relevant(query: string, filters: Partial<Record<FacetName, string[]>> = {}): Set<string> {
  const terms = termsOf(query, glossary);
  let rest = query.normalize('NFKC');
  for (const term of [...terms].reverse()) rest = rest.slice(0, term.start) + ' ' + rest.slice(term.end);
  const words = pagefindQuery(rest).split(' ').filter(Boolean);
  return new Set(
    entries
      .filter(
        (entry) =>
          terms.every((term) => usesConcept(entry.indexed, term.concept)) &&
          words.every((word) => holds(entry.indexed, word)) &&
          Object.entries(filters).every(([name, wanted]) =>
            facetValues(entry.section, entry.data)[name as FacetName].some((value) => wanted!.includes(value)),
          ),
      )
      .map((entry) => entry.url),
  );
}

type Kind = 'English' | 'Chinese' | 'mixed' | 'cross-language' | 'acronym' | 'exact title' | 'filtered';
interface Row {
  kind: Kind;
  query: string;
  filters?: Partial<Record<FacetName, string[]>>;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const STOP = new Set(['with', 'from', 'large', 'language', 'model', 'models', 'towards', 'through', 'using', 'multimodal']);
const englishWords = frequent(
  entries.map((e) => (e.data.title.match(/[A-Za-z]{5,}/g) ?? []).map((w) => w.toLowerCase()).filter((w) => !STOP.has(w))),
  3,
).filter((word) => termsOf(word, glossary).length === 0);
const chineseWords = frequent(
  entries.map((e) =>
    [...segmenter.segment(e.data.note ?? '')]
      .filter((s) => s.isWordLike && /^\p{Script=Han}{2,}$/u.test(s.segment))
      .map((s) => s.segment),
  ),
  3,
).filter((word) => termsOf(word, glossary).length === 0);
const bilingual = concepts.filter(
  (concept) =>
    entries.some((e) => concept.en.some((form) => holds(e.text, form))) &&
    entries.some((e) => concept.zh.some((form) => e.text.includes(form))),
);
const acronyms = concepts.flatMap((concept) => concept.abbr ?? []).filter((abbr) => entries.some((e) => e.text.includes(abbr)));

const ROWS: Row[] = [
  ...englishWords.slice(0, 8).map((query) => ({ kind: 'English' as const, query })),
  ...chineseWords.slice(0, 8).map((query) => ({ kind: 'Chinese' as const, query })),
  ...englishWords.slice(0, 4).flatMap((en, i) => {
    const zh = chineseWords.find(
      (word) => entries.some((e) => holds(e.text, en) && e.text.includes(word)) && chineseWords.indexOf(word) >= i,
    );
    return zh ? [{ kind: 'mixed' as const, query: `${en} ${zh}` }] : [];
  }),
  ...bilingual.slice(0, 6).flatMap((concept) => [
    { kind: 'cross-language' as const, query: concept.en[0]! },
    { kind: 'cross-language' as const, query: concept.zh[0]! },
  ]),
  ...acronyms.slice(0, 5).map((query) => ({ kind: 'acronym' as const, query })),
  ...entries.filter((_, i) => i % 12 === 0).map((entry) => ({ kind: 'exact title' as const, query: entry.data.title })),
  ...bilingual.slice(0, 5).map((concept) => ({
    kind: 'filtered' as const,
    query: concept.zh[0]!,
    // the section of the last paper using it, so the filter keeps some and drops others
    filters: { section: [entries.filter((e) => usesConcept(e.indexed, concept)).at(-1)!.section] },
  })),
];

/** Minimum mean recall and precision per kind. Exact titles: the first result must be the paper. */
const THRESHOLDS: Record<Kind, { recall: number; precision: number }> = {
  English: { recall: 1, precision: 0.95 },
  Chinese: { recall: 0.95, precision: 0.95 },
  mixed: { recall: 0.95, precision: 0.9 },
  'cross-language': { recall: 1, precision: 0.9 },
  acronym: { recall: 1, precision: 0.9 },
  'exact title': { recall: 1, precision: 1 },
  filtered: { recall: 1, precision: 0.9 },
};

let searcher: Awaited<ReturnType<typeof searcherOf>>;
beforeAll(async () => {
  searcher = await searcherOf(DIST);
});

const measured: (Row & { recall: number; precision: number; found: number; expected: number })[] = [];

describe('search quality', () => {
  it('has 40 or more queries of every kind', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    for (const kind of Object.keys(THRESHOLDS))
      expect(
        ROWS.some((row) => row.kind === kind),
        kind,
      ).toBe(true);
  });

  it.each(ROWS.map((row) => [row.kind, row.query, row] as const))('%s: %s', async (_, __, row) => {
    const hits = await searcher.search({ text: row.query, filters: row.filters });
    if (row.kind === 'exact title') {
      const title = row.query;
      const first = hits[0];
      const hit = first !== undefined && entries.find((e: TextEntry) => e.url === first.url)!.data.title === title ? 1 : 0;
      measured.push({ ...row, recall: hit, precision: hit, found: hits.length, expected: 1 });
      return;
    }
    const expected = relevant(row.query, row.filters);
    expect(expected.size, `${row.query} should match some paper`).toBeGreaterThan(0);
    const found = hits.map((hit) => hit.url);
    const right = found.filter((url) => expected.has(url)).length;
    measured.push({
      ...row,
      recall: right / expected.size,
      precision: found.length ? right / found.length : 0,
      found: found.length,
      expected: expected.size,
    });
  });

  it('meets the thresholds per kind', () => {
    const lines = ['| kind | queries | recall | precision |', '| --- | ---: | ---: | ---: |'];
    for (const [kind, threshold] of Object.entries(THRESHOLDS) as [Kind, { recall: number; precision: number }][]) {
      const rows = measured.filter((row) => row.kind === kind);
      const recall = rows.reduce((sum, row) => sum + row.recall, 0) / rows.length;
      const precision = rows.reduce((sum, row) => sum + row.precision, 0) / rows.length;
      lines.push(`| ${kind} | ${rows.length} | ${recall.toFixed(3)} | ${precision.toFixed(3)} |`);
      expect(recall, `${kind} recall`).toBeGreaterThanOrEqual(threshold.recall);
      expect(precision, `${kind} precision`).toBeGreaterThanOrEqual(threshold.precision);
    }
    lines.push(`| all | ${measured.length} | | |`);
    console.log(lines.join('\n'));
  });
});

afterAll(() => {
  const weak = measured.filter((row) => row.recall < 1 || row.precision < 1);
  if (weak.length)
    console.log(
      weak
        .map(
          (row) =>
            `${row.kind} "${row.query}": recall ${row.recall.toFixed(2)}, precision ${row.precision.toFixed(2)} (${row.found} found, ${row.expected} expected)`,
        )
        .join('\n'),
    );
});
