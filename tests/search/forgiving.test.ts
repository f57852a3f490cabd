import { Converter } from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileGlossary, termsOf } from '../../src/lib/search/glossary';
import { loadGlossary } from '../../src/lib/content/glossary-file';
import { latinWords, MIN_CORRECTED_LENGTH } from '../../src/lib/search/spelling';
import type { PaperResults } from '../../src/client/search/types';
import { pagefindQuery } from '../../src/client/search/query';
import { frequent, searcherOf, textEntries } from '../helpers/search';
import { DIST } from '../setup/dist';

/*
 * Search that forgives, on the built index: a table generated from the content (so it follows the
 * list) of queries of three kinds, each with the papers its correct form finds.
 *
 * - Traditional: Chinese words of the notes written in Traditional script (by OpenCC's own
 *   phrase-aware converter, not the site's character table); must find what the Simplified finds.
 * - misspelling: words of five or more letters from titles and notes with one letter dropped,
 *   doubled, swapped or wrong (and no indexed word starting so); must show what the word finds.
 * - some words: two words that no paper holds together; must show every paper holding either.
 *
 * Recall per kind is held to 0.9: a misspelling can lie as close to another word of the index.
 */
const entries = textEntries();
const glossary = compileGlossary(loadGlossary());
const toTraditional = Converter({ from: 'cn', to: 'tw' });
const HAN_WORD = /^\p{Script=Han}{2,}$/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const chineseWords = frequent(
  entries.map((e) =>
    [...segmenter.segment(e.text)].filter((s) => s.isWordLike && HAN_WORD.test(s.segment)).map((s) => s.segment),
  ),
  2,
);
const traditional = chineseWords
  .map((word) => ({ word, query: toTraditional(word) }))
  .filter(({ word, query }) => query !== word)
  .slice(0, 12);

/** Every Latin word of the index, to tell a misspelling from another word. */
const indexed = new Set(entries.flatMap((e) => latinWords(e.indexed)));
const startsAnIndexedWord = (text: string) => [...indexed].some((word) => word.startsWith(text));
const latinFrequent = frequent(
  entries.map((e) => latinWords(e.text).filter((w) => w.length >= MIN_CORRECTED_LENGTH)),
  3,
);
/** One letter dropped, doubled, swapped with the next, or wrong (the next letter of the alphabet), in turn. */
function misspell(word: string, kind: number): string {
  const at = Math.floor(word.length / 2);
  switch (kind % 4) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    case 2:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    default:
      return word.slice(0, at) + (word[at] === 'z' ? 'a' : String.fromCharCode(word.charCodeAt(at) + 1)) + word.slice(at + 1);
  }
}
const misspellings = latinFrequent
  .map((word, i) => ({ word, query: misspell(word, i) }))
  .filter(({ word, query }) => query !== word && query.length >= MIN_CORRECTED_LENGTH && !startsAnIndexedWord(query))
  .slice(0, 12);

/** Does the paper hold this word as search matches it (Chinese anywhere, Latin at a word start, glossary forms)? */
const holdsWord = (text: string, word: string) =>
  /\p{Script=Han}/u.test(word) ? text.includes(word) : latinWords(text).some((w) => w.startsWith(word.toLowerCase()));
const words = [...latinFrequent.filter((w) => termsOf(w, glossary).length === 0), ...chineseWords].slice(0, 60);
const neverMeet: { word: string; query: string }[] = [];
for (const [i, a] of words.entries()) {
  const b = words.slice(i + 1).find((other) => !entries.some((e) => holdsWord(e.indexed, a) && holdsWord(e.indexed, other)));
  if (b && neverMeet.length < 12) neverMeet.push({ word: `${a} | ${b}`, query: `${a} ${b}` });
}

type Kind = 'Traditional' | 'misspelling' | 'some words';
const ROWS: { kind: Kind; query: string; word: string }[] = [
  ...traditional.map((row) => ({ kind: 'Traditional' as const, ...row })),
  ...misspellings.map((row) => ({ kind: 'misspelling' as const, ...row })),
  ...neverMeet.map((row) => ({ kind: 'some words' as const, ...row })),
];
const MIN_RECALL = 0.9;

let searcher: Awaited<ReturnType<typeof searcherOf>>;
beforeAll(async () => {
  searcher = await searcherOf(DIST);
});

/** Every paper the search shows: its matches, then each further group's. */
async function shown(results: PaperResults): Promise<string[]> {
  const groups = [results, ...results.more];
  return (await Promise.all(groups.map((group) => group.hits(0, group.total)))).flat().map((hit) => hit.url);
}
async function matches(text: string): Promise<string[]> {
  const results = await searcher.results({ text });
  return (await results.hits(0, results.total)).map((hit) => hit.url);
}

const measured: { kind: Kind; query: string; recall: number; expected: number }[] = [];

describe('search that forgives', () => {
  it('has at least 10 generated queries of each kind', () => {
    console.log(ROWS.map((row) => `${row.kind}: ${row.query} (${row.word})`).join('\n'));
    for (const kind of ['Traditional', 'misspelling', 'some words'] as const)
      expect(ROWS.filter((row) => row.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
  });

  it.each(ROWS.map((row) => [row.kind, row.query, row] as const))('%s: %s', async (_, __, row) => {
    const correct = row.kind === 'some words' ? row.word.split(' | ') : [row.word];
    const expected = new Set((await Promise.all(correct.map(matches))).flat());
    expect(expected.size, `${row.word} should find some paper`).toBeGreaterThan(0);
    const results = await searcher.results({ text: row.query });
    const found = new Set(await shown(results));
    const recall = [...expected].filter((url) => found.has(url)).length / expected.size;
    measured.push({ kind: row.kind, query: row.query, recall, expected: expected.size });
    if (row.kind === 'Traditional') {
      // Folded, the query is the Simplified one: the same papers, as full matches.
      expect(results.total).toBe(expected.size);
    }
    if (row.kind === 'some words') {
      expect(results.total, 'no paper holds both words').toBe(0);
      const [some] = results.more;
      expect(some?.kind).toBe('some');
      const held = (await some!.hits(0, some!.total)).map((hit) => hit.holds?.length ?? 0);
      expect(held, 'papers holding more of the words first').toEqual([...held].sort((a, b) => b - a));
    }
  });

  it(`meets recall ${MIN_RECALL} per kind`, () => {
    const lines = ['| kind | queries | recall |', '| --- | ---: | ---: |'];
    for (const kind of ['Traditional', 'misspelling', 'some words'] as const) {
      const rows = measured.filter((row) => row.kind === kind);
      const recall = rows.reduce((sum, row) => sum + row.recall, 0) / rows.length;
      lines.push(`| ${kind} | ${rows.length} | ${recall.toFixed(3)} |`);
      expect(recall, `${kind} recall`).toBeGreaterThanOrEqual(MIN_RECALL);
    }
    console.log(lines.join('\n'));
  });
});

/**
 * The queries of issue #25, each with its correct forms: all of what those find must show, the
 * correction (if any) named. The search page shows one of each kind in Chromium
 * (tests/browser/forgiving-search.test.ts).
 */
const ISSUE_25: { typed: string; correct: string[]; corrected?: string }[] = [
  { typed: '強化學習', correct: ['强化学习'] },
  { typed: '幻覺', correct: ['幻觉'] },
  { typed: '視頻', correct: ['视频'] },
  { typed: 'reasonning', correct: ['reasoning'], corrected: 'reasoning' },
  { typed: 'halucination', correct: ['hallucination'], corrected: 'hallucination' },
  { typed: 'preferance', correct: ['preference'], corrected: 'preference' },
  { typed: 'video reasoning benchmark', correct: ['video', 'reasoning', 'benchmark'] },
];

describe('the queries of issue #25', () => {
  it.each(ISSUE_25)('$typed shows what $correct finds', async ({ typed, correct, corrected }) => {
    const expected = new Set((await Promise.all(correct.map(matches))).flat());
    expect(expected.size, `${correct.join(', ')} should find papers`).toBeGreaterThan(0);
    const results = await searcher.results({ text: typed });
    expect(await shown(results)).toEqual(expect.arrayContaining([...expected]));
    const correction = results.more.find((group) => group.kind === 'corrected');
    expect(correction?.text).toBe(corrected);
    if (correct.length > 1) expect(results.more.map((group) => group.kind)).toContain('some');
  });
});

describe('what the forgiving steps leave alone', () => {
  it('corrects nothing when asked to search exactly as typed', async () => {
    const { query } = misspellings[0]!;
    expect((await searcher.results({ text: query, exact: true })).more).toEqual([]);
  });

  it('corrects no word of the index, and adds nothing to a query of one well-spelt word', async () => {
    for (const word of latinFrequent.slice(0, 20)) {
      const results = await searcher.results({ text: word });
      expect(results.more, word).toEqual([]);
    }
  });

  it('segments a folded Chinese query as the Simplified one', () => {
    for (const { word, query } of traditional) expect(pagefindQuery(query).length).toBe(pagefindQuery(word).length);
  });
});

afterAll(() => {
  const weak = measured.filter((row) => row.recall < 1);
  if (weak.length)
    console.log(weak.map((row) => `${row.kind} "${row.query}": recall ${row.recall.toFixed(2)} of ${row.expected}`).join('\n'));
});
