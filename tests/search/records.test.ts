import { beforeAll, describe, expect, it } from 'vitest';
import { contentRecords } from '../helpers/content';
import { searcherOf, textEntries, type TextEntry } from '../helpers/search';
import { DIST } from '../setup/dist';

/*
 * Scholarly records in search, on the built index of the fixture: an author's name finds their
 * papers, a phrase of an abstract finds its paper, the glossary and the forgiving search reach
 * abstracts, and a word of a title or note still ranks the papers that say it there above those
 * whose abstract alone says it (abstracts weigh less: lib/render/paper-byline).
 */
const entries = textEntries();
const records = contentRecords();
const urlOf = (entry: TextEntry) => entry.url;
const recordOf = (entry: TextEntry) => records.get(`${entry.section}/${entry.id}`);
const withRecord = entries.filter((entry) => recordOf(entry));
const authorsOf = (entry: TextEntry) => entry.data.authors ?? recordOf(entry)?.authors ?? [];

let searcher: Awaited<ReturnType<typeof searcherOf>>;
beforeAll(async () => {
  searcher = await searcherOf(DIST);
});
const found = async (text: string) => (await searcher.search({ text })).map((hit) => hit.url);

const says = (text: string, word: string) => new RegExp(`(^|[^a-z])${word}`, 'i').test(text);
/** Everything search reads of a page but its abstract: title, note, tags, long note, section, facts. */
const withoutAbstract = (entry: TextEntry) => entry.indexed.replace(recordOf(entry)?.abstract ?? '', '');
/** The papers holding `word` in their own text, and those holding it in their abstract alone. */
function holders(word: string) {
  const own = new Set(entries.filter((entry) => says(withoutAbstract(entry), word)).map(urlOf));
  const recordOnly = new Set(entries.filter((entry) => !own.has(entry.url) && says(entry.indexed, word)).map(urlOf));
  return { own, recordOnly };
}
/** Words of the fixture's titles that some abstract also says, of a paper whose own text does not. */
function rankingWords(): string[] {
  const titleWords = new Set(
    entries.flatMap((entry) => (entry.data.title.match(/[A-Za-z]{6,}/g) ?? []).map((w) => w.toLowerCase())),
  );
  return [...titleWords]
    .filter((word) => holders(word).recordOnly.size > 0 && holders(word).own.size >= 2)
    .sort()
    .slice(0, 8);
}

describe('search with scholarly records', () => {
  it('has title words that abstracts also say', () => {
    expect(rankingWords().length).toBeGreaterThanOrEqual(4);
  });

  // Names of the fixture's records, Latin, accented and CJK; each finds every paper naming it.
  it.each(['Junyang Lin', 'Jingren Zhou', 'Guibin Zhang', 'Muñoz-Pérez', 'Ødegård', '余天予', 'Mingyuan Zhou'])(
    'finds the papers of an author: %s',
    async (name) => {
      const theirs = entries.filter((entry) => authorsOf(entry).some((author) => author.includes(name))).map(urlOf);
      expect(theirs.length, `${name} is an author of the fixture`).toBeGreaterThan(0);
      expect(await found(name)).toEqual(expect.arrayContaining(theirs));
    },
  );

  it('shows the first author and year on the result of a paper with a record, and nothing on one without', async () => {
    const hits = await searcher.search({ text: 'resolution' });
    const qwen2 = hits.find((hit) => hit.url === '/mllm/2409.12191/');
    expect(qwen2?.byline).toBe('Wang et al., 2024');
    const without = hits.filter((hit) => !records.has(hit.url.slice(1, -1)));
    expect(without.length).toBeGreaterThan(0);
    for (const hit of without) expect(hit.byline, hit.url).toBe('');
  });

  it('finds both papers of authors the Qwen-VL and Qwen2-VL records share', async () => {
    const both = entries.filter((entry) => authorsOf(entry).includes('Junyang Lin'));
    expect(both.length).toBeGreaterThanOrEqual(2);
  });

  it.each(withRecord.filter((entry) => recordOf(entry)!.abstract).map((entry) => [entry.url, entry] as const))(
    'finds %s by a phrase of its abstract, first',
    async (_, entry) => {
      // Six words from the middle of the abstract, as a reader remembers a phrase.
      const words = recordOf(entry)!.abstract!.split(/\s+/);
      const start = Math.floor(words.length / 2);
      const phrase = words
        .slice(start, start + 6)
        .join(' ')
        .replace(/[^\p{L}\p{N}\s-]/gu, ' ');
      const hits = await found(phrase);
      expect(hits[0], phrase).toBe(entry.url);
    },
  );

  it('finds an abstract through the glossary and through a misspelling', async () => {
    // mllm-alignment/2405.17220: its abstract says "hallucination"; its title, note and tags do not.
    const abstractOnly = withRecord.find(
      (entry) => /hallucination/i.test(recordOf(entry)!.abstract ?? '') && !/hallucinat|幻觉/i.test(entry.ownText),
    )!;
    expect(abstractOnly, 'a fixture record whose abstract alone says hallucination').toBeDefined();
    const viaGlossary = (await searcher.search({ text: '幻觉' })).find((hit) => hit.url === abstractOnly.url);
    expect(viaGlossary?.via).toContain('hallucination');
    // A misspelling is searched again as the word it is closest to ("Showing results for …").
    const misspelt = await searcher.results({ text: 'halucination' });
    const shown = (await Promise.all([misspelt, ...misspelt.more].map((group) => group.hits(0, group.total)))).flat();
    expect(shown.map((hit) => hit.url)).toContain(abstractOnly.url);
  });

  it.each(rankingWords())('ranks papers whose own text says "%s" above those whose abstract alone does', async (word) => {
    const { own, recordOnly } = holders(word);
    const hits = (await found(word)).filter((url) => own.has(url) || recordOnly.has(url));
    const lastOwn = Math.max(...hits.map((url, index) => (own.has(url) ? index : -1)));
    const firstRecordOnly = hits.findIndex((url) => recordOnly.has(url));
    expect(firstRecordOnly, `${word}: ${hits.join(' ')}`).toBeGreaterThan(lastOwn);
  });
});
