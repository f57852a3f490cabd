import { beforeAll, describe, expect, it } from 'vitest';
import { PHRASE_WINDOW, phraseKey } from '../../src/client/search/hits';
import { pagefindQuery } from '../../src/client/search/query';
import { loadGlossary } from '../../src/lib/content/glossary-file';
import { searcherOf, textEntries, type TextEntry } from '../helpers/search';
import { DIST } from '../setup/dist';

/*
 * Exact phrases first: when every word of a multi-word or Chinese query matches, papers holding
 * the query as typed, contiguous, rank above papers holding its words apart. Queries come from
 * the content: pairs of title words, and Chinese glossary terms of two or more words.
 */
const entries = textEntries();
const HAN = /\p{Script=Han}/u;
const hasWord = (text: string, word: string) =>
  HAN.test(word) ? text.includes(word) : new RegExp(`(^|[^A-Za-z0-9])${word}`, 'i').test(text);
const contiguous = (entry: TextEntry, query: string) => phraseKey(entry.text).includes(phraseKey(query));
const apart = (entry: TextEntry, query: string) =>
  pagefindQuery(query)
    .split(' ')
    .every((word) => hasWord(entry.text, word)) && !contiguous(entry, query);

function phraseQueries(): string[] {
  const candidates = new Set<string>();
  for (const entry of entries) {
    const words = entry.data.title.split(/\s+/).filter((word) => /^[A-Za-z]{4,}$/.test(word));
    for (let i = 0; i + 1 < words.length; i++) candidates.add(`${words[i]} ${words[i + 1]}`.toLowerCase());
  }
  for (const concept of loadGlossary())
    for (const form of [...concept.zh, ...concept.en]) if (pagefindQuery(form).split(' ').length >= 2) candidates.add(form);
  return [...candidates].filter(
    (query) => entries.some((entry) => contiguous(entry, query)) && entries.some((entry) => apart(entry, query)),
  );
}
const queries = phraseQueries();

let searcher: Awaited<ReturnType<typeof searcherOf>>;
beforeAll(async () => {
  searcher = await searcherOf(DIST);
});

describe('exact phrases first', () => {
  it('content has queries whose words appear both together and apart, in English and Chinese', () => {
    expect(queries.filter((query) => HAN.test(query)).length).toBeGreaterThan(0);
    expect(queries.filter((query) => !HAN.test(query)).length).toBeGreaterThan(2);
  });

  it.each(queries.slice(0, 40))('%s: papers holding it as typed come before those holding its words apart', async (query) => {
    // The client reorders the first PHRASE_WINDOW results (it reads their text for the first page
    // anyway); a phrase match ranked below them by Pagefind stays where it is.
    const hits = (await searcher.search({ text: query })).slice(0, PHRASE_WINDOW).filter((hit) => hit.via.length === 0);
    const entryAt = new Map(entries.map((entry) => [entry.url, entry]));
    const kinds = hits.map((hit) => (contiguous(entryAt.get(hit.url)!, query) ? 'together' : 'apart'));
    expect(kinds).toContain('together');
    const lastTogether = kinds.lastIndexOf('together');
    const firstApart = kinds.indexOf('apart');
    if (firstApart >= 0) expect(lastTogether, `${query}: ${kinds.join(' ')}`).toBeLessThan(firstApart);
  });
});
