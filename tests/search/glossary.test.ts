import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/lib/content/glossary-file';
import type { Concept } from '../../src/lib/search/glossary';
import { searcherOf, textEntries } from '../helpers/search';
import { DIST } from '../setup/dist';

/*
 * Cross-language search through the glossary, on the built index. Which papers use a concept is
 * worked out here from the content (with each paper's section title, which search matches too) by a reading of its own (Chinese anywhere; English at a word
 * start, any case; an abbreviation also inside a capitalised compound), not by lib/search/glossary.
 */
const entries = textEntries();
const concepts = loadGlossary();
const HAN = /\p{Script=Han}/u;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function uses(text: string, form: string, abbr: boolean): boolean {
  if (HAN.test(form)) return text.includes(form);
  const words = form
    .split(/[\s-]+/)
    .map(escape)
    .join('[\\s\\-_/]+');
  if (new RegExp(`(^|[^A-Za-z0-9])${words}`, 'i').test(text)) return true;
  return abbr && text.includes(form);
}
const formsOf = (concept: Concept) => [
  ...concept.en.map((form) => ({ form, abbr: false })),
  ...concept.zh.map((form) => ({ form, abbr: false })),
  ...(concept.abbr ?? []).map((form) => ({ form, abbr: true })),
];
const usersOf = (concept: Concept) =>
  entries.filter((entry) => formsOf(concept).some(({ form, abbr }) => uses(entry.indexed, form, abbr))).map((entry) => entry.url);

let searcher: Awaited<ReturnType<typeof searcherOf>>;
beforeAll(async () => {
  searcher = await searcherOf(DIST);
});

const used = concepts.filter((concept) => usersOf(concept).length > 0);

describe('search through the glossary', () => {
  it('has concepts the list uses', () => {
    expect(used.length).toBeGreaterThan(10);
  });

  it.each(used.map((concept) => [concept.id, concept] as const))(
    '%s: each form finds the papers using any form, typed matches first',
    async (_, concept) => {
      const expected = usersOf(concept);
      for (const query of [concept.en[0]!, concept.zh[0]!, ...(concept.abbr ?? []).slice(0, 1)]) {
        const hits = await searcher.search({ text: query });
        const urls = hits.map((hit) => hit.url);
        expect(urls, `${query} (${concept.id})`).toEqual(expect.arrayContaining(expected));
        // Typed matches rank above glossary-only ones, and each glossary-only hit names a form it uses.
        const firstVia = hits.findIndex((hit) => hit.via.length > 0);
        if (firstVia >= 0)
          expect(
            hits.slice(firstVia).every((hit) => hit.via.length > 0),
            query,
          ).toBe(true);
        for (const hit of hits.filter((hit) => hit.via.length > 0)) {
          const entry = entries.find((candidate) => candidate.url === hit.url)!;
          const flat = (text: string) => text.toLowerCase().replace(/[\s\-_/]+/g, ' ');
          expect(
            hit.via.some((form) => flat(entry.indexed).includes(flat(form))),
            `${hit.url} via ${hit.via.join(', ')} for ${query}`,
          ).toBe(true);
          expect(hit.excerpt).not.toMatch(/qxq[a-z]{7}/);
        }
      }
    },
  );

  it('finds a paper written in the other language, saying which form matched', async () => {
    // A paper whose note says 幻觉 but whose title does not say hallucination, when the list has one.
    const hallucination = concepts.find((concept) => concept.zh.includes('幻觉'))!;
    const zhOnly = entries.find((entry) => entry.text.includes('幻觉') && !/hallucinat/i.test(entry.text));
    const enOnly = entries.find((entry) => /hallucinat/i.test(entry.text) && !entry.text.includes('幻觉'));
    expect(zhOnly ?? enOnly, 'the list should have a paper using one language only').toBeDefined();
    if (zhOnly) {
      const hit = (await searcher.search({ text: hallucination.en[0]! })).find((h) => h.url === zhOnly.url);
      expect(hit?.via).toContain('幻觉');
    }
    if (enOnly) {
      const hit = (await searcher.search({ text: '幻觉' })).find((h) => h.url === enOnly.url);
      expect(hit?.via.join(' ').toLowerCase()).toContain('hallucination');
    }
  });

  it('keeps papers matching a non-glossary word too: each hit holds it', async () => {
    const word = 'LLaVA';
    const hits = await searcher.search({ text: `${word} 幻觉` });
    for (const hit of hits) expect(entries.find((e) => e.url === hit.url)!.text.toLowerCase()).toContain(word.toLowerCase());
  });
});

describe('acronyms inside words', () => {
  // Compounds like FDPO: a glossary abbreviation inside a capitalised word, not at its start.
  const abbreviations = concepts.flatMap((concept) => concept.abbr ?? []);
  const compounds = entries.flatMap((entry) =>
    abbreviations
      .filter((abbr) =>
        (`${entry.data.title}\n${entry.data.note ?? ''}`.match(/[A-Za-z0-9]+/g) ?? []).some((word) => {
          const at = word.indexOf(abbr);
          return at > 0 && !/[a-z]/.test(word[at - 1]!) && !word.startsWith(abbr);
        }),
      )
      .map((abbr) => ({ url: entry.url, abbr })),
  );

  it('the list has such compounds', () => {
    expect(compounds.length).toBeGreaterThan(0);
  });

  it.each(compounds.map((c) => [c.abbr, c.url] as const))('%s finds %s as typed', async (abbr, url) => {
    const hit = (await searcher.search({ text: abbr })).find((h) => h.url === url);
    expect(hit, `${abbr} should find ${url}`).toBeDefined();
    expect(hit!.via).toEqual([]);
  });

  it('does not widen matching: the rest of such a compound finds it only where a word starts so', async () => {
    for (const { url, abbr } of compounds) {
      const entry = entries.find((e) => e.url === url)!;
      const compound = (entry.text.match(/[A-Za-z0-9]+/g) ?? []).find((word) => word.indexOf(abbr) > 0)!;
      // The compound's tail from inside the abbreviation ("PO" of FDPO): no glossary term.
      const inner = compound.slice(compound.indexOf(abbr) + 1);
      if (inner.length < 2) continue;
      const found = (await searcher.search({ text: inner })).some((hit) => hit.url === url);
      const startsAWord = new RegExp(`(^|[^A-Za-z0-9])${inner}`, 'i').test(entry.text);
      expect(found, `${inner} (inside ${compound})`).toBe(startsAWord);
    }
  });
});
