import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEWEST_FIRST_PATH } from '../../src/lib/routes';
import { loadSections } from '../../src/lib/content/sections';
import { tagSlug } from '../../src/lib/tags';
import { titleKey } from '../../src/lib/title-key';
import { searchPapers } from '../../src/client/search/search-papers';
import type { PaperHit, PaperQuery } from '../../src/client/search/types';
import type { SourceEntry } from '../helpers/content';
import { loadDateRanksOf, loadPagefind, type NodePagefind } from '../helpers/pagefind';
import { DIST, SUBPATH_BASE, SUBPATH_DIST } from '../setup/dist';
import { buildSources, textEntries, type TextEntry } from '../helpers/search';

/*
 * The built index of the fixture content, searched through the same searchPapers() the pages use.
 * What must come back is computed from the content: a query's words must all be in an entry's title
 * or note (Chinese: anywhere in the text; Latin: at the start of a word, as Pagefind matches).
 */
const entries = textEntries();
const urlOf = (entry: SourceEntry) => `/${entry.section}/${entry.id}/`;
const entryAt = new Map(entries.map((entry) => [urlOf(entry), entry]));
const HAN = /\p{Script=Han}/u;

function mentions(text: string, word: string): boolean {
  if (HAN.test(word)) return text.includes(word);
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}`, 'iu').test(text);
}
/**
 * True when `part` starts a word of `text` as Pagefind splits words: Latin after anything but
 * Latin letters and digits (`对于llava` holds `llava`), or after a lower-case letter when it starts
 * with a capital (camelCase is split: `OneVision` holds `vision`).
 */
function startsAWord(text: string, part: string): boolean {
  if (HAN.test(part)) return text.includes(part);
  const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`(^|[^\\p{Script=Latin}\\p{N}])${escaped}`, 'iu').test(text)) return true;
  // Without the `i` flag: under it \p{Ll} and \p{Lu} match either case.
  for (const { index } of text.matchAll(/(?<=\p{Ll})(?=\p{Lu})/gu))
    if (text.slice(index, index + part.length).toLowerCase() === part.toLowerCase()) return true;
  return false;
}
/** The parts Pagefind indexes a word as: Chinese whole (segmented at index time), Latin split at punctuation. */
const indexedParts = (word: string) => (HAN.test(word) ? [word] : word.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
const listedText = (entry: SourceEntry) => `${entry.data.title}\n${entry.data.note ?? ''}`;
const sectionTitle = new Map(loadSections().map((section) => [section.id, section.title]));
/** Everything of an entry Pagefind matches: the indexed article, and (since 1.5) its metadata. */
const indexedText = (entry: TextEntry) => `${entry.indexed}\n${entry.data.added}`.toLowerCase();

let pagefind: NodePagefind;
beforeAll(async () => {
  pagefind = await loadPagefind(DIST);
});

async function search(query: PaperQuery): Promise<PaperHit[]> {
  // Words as typed: widening through the glossary is tested in glossary.test.ts, the rest in forgiving.test.ts.
  const results = await searchPapers(query, {
    pagefind,
    dateRanks: loadDateRanksOf(DIST),
    glossary: async () => [],
    foldTable: async () => new Map(),
    vocabulary: async () => new Map(),
  });
  return results.hits(0, results.total);
}

/** Each row: the query as typed, and the words an entry must contain to be a required result. */
const WORD_QUERIES: { query: string; words: string[] }[] = [
  // Chinese words inside longer notes
  ...['幻觉', '对齐', '偏好', '视频', '分辨率', '多模态', '扩散', '离散', '统一', '编码器', '奖励', '理解'].map((word) => ({
    query: word,
    words: [word],
  })),
  // Chinese multi-word, no spaces
  { query: '偏好优化', words: ['偏好', '优化'] },
  { query: '视频理解', words: ['视频', '理解'] },
  { query: '视觉编码', words: ['视觉', '编码'] },
  { query: '训练目标', words: ['训练', '目标'] },
  { query: '指令微调', words: ['指令', '微调'] },
  // English terms and names
  ...['DPO', 'hallucination', 'Qwen2-VL', 'LLaVA', 'reward', 'preference', 'video', 'RLHF', 'Meta'].map((word) => ({
    query: word,
    words: [word],
  })),
  // Mixed
  { query: 'DPO 偏好', words: ['DPO', '偏好'] },
  { query: 'LLaVA 图像', words: ['LLaVA', '图像'] },
  { query: 'Meta 生成', words: ['Meta', '生成'] },
];

describe('search over the built index', () => {
  it('has one record per entry, all in one (zh) index', () => {
    const entry = JSON.parse(readFileSync(path.join(DIST, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['zh']);
    expect(entry.languages.zh.page_count).toBe(entries.length);
  });

  it.each(WORD_QUERIES)(
    '$query finds every entry whose title or note has $words, and nothing without them',
    async ({ query, words }) => {
      const required = entries.filter((entry) => words.every((word) => mentions(listedText(entry), word))).map(urlOf);
      expect(required.length, `the table needs a query that some entry matches: ${query}`).toBeGreaterThan(0);
      const found = (await search({ text: query })).map((hit) => hit.url);
      expect(found).toEqual(expect.arrayContaining(required));
      // Pagefind splits `Qwen2-VL` into `qwen2` and `vl` and matches word prefixes, so `Qwen2.5-VL`
      // is a fair hit: each part must start a word of the hit, not the whole query appear in it.
      for (const url of found) {
        for (const part of words.flatMap(indexedParts))
          expect(startsAWord(indexedText(entryAt.get(url)!), part), `${url} for ${query}: ${part}`).toBe(true);
      }
    },
  );

  it.each(['DPO', 'reward', 'Qwen', 'vision', 'preference'])(
    'ranks title matches above note-only matches for %s',
    async (word) => {
      // A title holding the word inside a longer one (`OneVision`, `mDPO`) may count either way.
      const inTitle = (await search({ text: word }))
        .map((hit) => entryAt.get(hit.url)!.data.title)
        .filter((title) => mentions(title, word) || !title.toLowerCase().includes(word.toLowerCase()))
        .map((title) => mentions(title, word));
      expect(inTitle).toContain(true);
      expect(inTitle).toContain(false);
      expect(inTitle.lastIndexOf(true)).toBeLessThan(inTitle.indexOf(false));
    },
  );

  it('finds every paper by its full title, first (or a title holding it whole, such as the same paper with its subtitle)', async () => {
    for (const entry of entries) {
      const hits = await search({ text: entry.data.title });
      expect(
        hits.map((hit) => hit.url),
        entry.file,
      ).toContain(urlOf(entry));
      expect(titleKey(hits[0]!.title), entry.file).toContain(titleKey(entry.data.title));
    }
  });

  it('returns title, section, added date and a highlighted excerpt for each hit', async () => {
    const [hit] = await search({ text: '幻觉' });
    const entry = entryAt.get(hit!.url)!;
    expect(hit!.title).toBe(entry.data.title);
    expect(hit!.section).toBe(sectionTitle.get(entry.section));
    expect(hit!.added).toBe(entry.data.added);
    expect(hit!.excerpt).toContain('<mark>');
  });

  it('filters by section, alone and with words', async () => {
    for (const section of loadSections()) {
      const found = (await search({ text: '', filters: { section: section.id } })).map((hit) => hit.url).sort();
      expect(found, section.id).toEqual(
        entries
          .filter((entry) => entry.section === section.id)
          .map(urlOf)
          .sort(),
      );
    }
    const alignment = (await search({ text: 'DPO', filters: { section: 'mllm-alignment' } })).map((hit) => hit.url);
    expect(alignment.length).toBeGreaterThan(0);
    expect(alignment.every((url) => url.startsWith('/mllm-alignment/'))).toBe(true);
  });

  it('filters by tag (the tag page slug)', async () => {
    const slugs = [...new Set(entries.flatMap((entry) => (entry.data.tags ?? []).map(tagSlug)))];
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      const found = (await search({ text: '', filters: { tag: slug } })).map((hit) => hit.url).sort();
      expect(found, slug).toEqual(
        entries
          .filter((entry) => (entry.data.tags ?? []).map(tagSlug).includes(slug))
          .map(urlOf)
          .sort(),
      );
    }
  });

  it('filters by year added, and every record has a year', async () => {
    const years = [...new Set(entries.map((entry) => entry.data.added.slice(0, 4)))];
    for (const year of years) {
      const found = await search({ text: '', filters: { year } });
      expect(found.length, year).toBe(entries.filter((entry) => entry.data.added.startsWith(year)).length);
    }
    const counts = (await pagefind.filters()).year ?? {};
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(entries.length);
  });

  it('sorts by date added, newest first, keeping every match', async () => {
    const byRelevance = await search({ text: '偏好' });
    const byDate = await search({ text: '偏好', order: 'added' });
    expect(byDate.map((hit) => hit.url).sort()).toEqual(byRelevance.map((hit) => hit.url).sort());
    const dates = byDate.map((hit) => hit.added);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(dates).size, 'the query should span several dates to test the order').toBeGreaterThan(2);
  });

  it('lists a filter-only search newest first, dropping no paper', async () => {
    const year = entries[0]!.data.added.slice(0, 4);
    const found = await search({ text: '', filters: { year } });
    expect(found).toHaveLength(entries.filter((entry) => entry.data.added.startsWith(year)).length);
    const dates = found.map((hit) => hit.added);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('has every indexed paper exactly once in the date order file', async () => {
    const ids: string[] = JSON.parse(readFileSync(path.join(DIST, NEWEST_FIRST_PATH), 'utf8'));
    const fragments = readdirSync(path.join(DIST, 'pagefind', 'fragment')).map((name) => name.replace(/\.pf_fragment$/, ''));
    expect([...ids].sort()).toEqual(fragments.sort());
    expect(ids).toHaveLength(entries.length);
  });

  it('returns nothing for a word no paper has, and for an empty query', async () => {
    expect(await search({ text: 'zzyzx' })).toEqual([]);
    expect(await search({ text: '  ' })).toEqual([]);
  });
});

describe('search under a sub-path (dist-subpath/)', () => {
  it('links results to paper pages under the base path', async () => {
    const subpath = await loadPagefind(SUBPATH_DIST, { base: SUBPATH_BASE });
    const results = await searchPapers(
      { text: '幻觉', order: 'added' },
      { pagefind: subpath, ...buildSources(SUBPATH_DIST, { base: SUBPATH_BASE }) },
    );
    const hits = await results.hits(0, results.total);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((hit) => hit.added)).toEqual(
      hits
        .map((hit) => hit.added)
        .sort()
        .reverse(),
    );
    for (const hit of hits) {
      expect(hit.url.startsWith(SUBPATH_BASE)).toBe(true);
      expect(existsSync(path.join(SUBPATH_DIST, hit.url.slice(SUBPATH_BASE.length), 'index.html')), hit.url).toBe(true);
    }
  });
});
