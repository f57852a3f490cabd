import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { compileGlossary, conceptsIn } from '../../src/lib/search/glossary';
import { loadGlossary } from '../../src/lib/content/glossary-file';
import { facetValues } from '../../src/lib/data/facets';
import { paperKeys } from '../../src/lib/data/same-paper';
import { tagSlug } from '../../src/lib/tags';
import { en as englishStopWords } from 'stopwords-iso/stopwords-iso.json';
import { contentRecords } from '../helpers/content';
import { textEntries } from '../helpers/search';
import { DIST } from '../setup/dist';

const records = contentRecords();
const entries = textEntries().map((entry) => ({
  ...entry,
  abstract: records.get(`${entry.section}/${entry.id}`)?.abstract ?? '',
}));
const keys = paperKeys(entries.map((entry) => entry.data));
const keyOf = new Map(entries.map((entry, i) => [entry.url, keys[i]!]));
const entryAt = new Map(entries.map((entry) => [entry.url, entry]));
const glossary = compileGlossary(loadGlossary());
const concepts = new Map(entries.map((entry) => [entry.url, conceptsIn(entry.text, glossary)]));
const page = (url: string) => load(readFileSync(path.join(DIST, url, 'index.html'), 'utf8'));

/** True when both papers share what a reason names: a #tag, a concept (by any form), or a word. */
function bothShare(a: string, b: string, reason: string): boolean {
  const [ea, eb] = [entryAt.get(a)!, entryAt.get(b)!];
  if (reason.startsWith('#')) {
    const slug = tagSlug(reason.slice(1));
    return [ea, eb].every((entry) => (entry.data.tags ?? []).some((tag) => tagSlug(tag) === slug));
  }
  const concept = glossary.find(({ forms }) => forms.some((form) => form.text === reason));
  // A concept form can also be a plain word the two share (in an abstract, where concepts are not read).
  if (concept && [a, b].every((url) => concepts.get(url)!.has(concept.concept.id))) return true;
  return [ea, eb].every((entry) => wordsOf(entry).includes(reason));
}
/** What a paper's words are read from: title, note and its record's abstract. */
const wordsOf = (entry: (typeof entries)[number]) =>
  `${entry.data.title}\n${entry.data.note ?? ''}\n${entry.abstract}`.toLowerCase();
const relatedOf = (url: string) => {
  const $ = page(url);
  return $('.related-list li')
    .map((_, item) => ({
      href: $(item).find('a[data-related]').attr('href')!,
      reasons: $(item)
        .find('[data-related-why]')
        .text()
        .trim()
        .replace(/^also about: /, '')
        .split(', '),
    }))
    .get();
};

describe('related papers on paper pages', () => {
  const sample = entries.filter((_, i) => i % 4 === 0);

  it.each(sample.map((entry) => [entry.url]))('%s lists up to 5 other papers, each with what they share', (url) => {
    const $ = page(url);
    const items = $('.related-list li');
    expect(items.length).toBeLessThanOrEqual(5);
    items.each((_, item) => {
      const href = $(item).find('a[data-related]').attr('href')!;
      expect(existsSync(path.join(DIST, href, 'index.html')), href).toBe(true);
      expect(href).not.toBe(url);
      expect(keyOf.get(href), `${href} is the same paper as ${url}`).not.toBe(keyOf.get(url));
      const why = $(item).find('[data-related-why]').text().trim();
      expect(why).toMatch(/^also about: /);
      for (const reason of why.replace(/^also about: /, '').split(', ')) {
        expect(bothShare(url, href, reason), `${url} and ${href} share "${reason}"`).toBe(true);
      }
    });
  });

  it('lists a paper of two sections once', () => {
    let listedTwiceSomewhere = 0;
    for (const entry of entries) {
      const keysListed = relatedOf(entry.url).map(({ href }) => keyOf.get(href));
      expect(new Set(keysListed).size, entry.url).toBe(keysListed.length);
      listedTwiceSomewhere += keysListed.filter((key) => entries.filter((e) => keyOf.get(e.url) === key).length > 1).length;
    }
    expect(listedTwiceSomewhere, 'some related paper is one of two sections').toBeGreaterThan(0);
  });

  it('never gives a common word as the reason: not a common English word, nor one in a tenth of the papers', () => {
    const english = new Set(englishStopWords);
    for (const entry of entries.filter((_, i) => i % 2 === 0)) {
      for (const { reasons } of relatedOf(entry.url)) {
        for (const reason of reasons.map((r) => r.replace(/^#/, '').toLowerCase()).filter((r) => /^[a-z0-9-]+$/.test(r))) {
          expect(english.has(reason), `${entry.url}: "${reason}"`).toBe(false);
          // The site counts a concept by its glossary forms, this by the word itself: some slack over 10 %.
          const word = new RegExp(`(?<![\\w-])${reason}s?(?![\\w-])`);
          const share = entries.filter((e) => word.test(wordsOf(e))).length / entries.length;
          expect(share, `${entry.url}: "${reason}" is in ${Math.round(share * 100)}% of papers`).toBeLessThanOrEqual(0.15);
        }
      }
    }
  });

  it('relates a paper through its abstract: RLAIF-V says "hallucination" only there', () => {
    const rlaifv = entries.find((entry) => entry.url === '/mllm-alignment/2405.17220/')!;
    expect(`${rlaifv.data.title} ${rlaifv.data.note ?? ''} ${(rlaifv.data.tags ?? []).join(' ')}`.toLowerCase()).not.toContain(
      'hallucination',
    );
    const through = relatedOf(rlaifv.url).filter(({ reasons }) => reasons.includes('hallucination'));
    expect(through.length).toBeGreaterThan(0);
    for (const { href } of through) expect(wordsOf(entryAt.get(href)!)).toContain('hallucination');
  });

  it('most papers have related papers', () => {
    const withRelated = entries.filter((entry) => page(entry.url)('.related-list li').length > 0);
    expect(withRelated.length).toBeGreaterThan(entries.length / 2);
  });
});

describe('facets in the pages', () => {
  it('paper pages declare their facet values to Pagefind', () => {
    for (const entry of entries.filter((_, i) => i % 3 === 0)) {
      const $ = page(entry.url);
      const declared = $('[data-pagefind-filter]')
        .map((_, el) => $(el).attr('data-pagefind-filter'))
        .get()
        .sort();
      const values = facetValues(entry.section, entry.data);
      const expected = Object.entries(values)
        .flatMap(([name, list]) => list.map((value) => `${name}:${value}`))
        .sort();
      expect(declared, entry.url).toEqual(expected);
    }
  });

  /**
   * Each facet link of a listing page: its count is that of `listed` with the value, and it leads
   * to the search narrowed to that value; returns each link's target for the caller's checks.
   */
  function facetLinks(path: string, section: string, listed: readonly (typeof entries)[number][]): URL[] {
    const $ = page(path);
    return $('[data-section-facets] a[data-facet]')
      .get()
      .map((link) => {
        const name = $(link).attr('data-facet') as keyof ReturnType<typeof facetValues>;
        const value = $(link).attr('data-facet-value')!;
        const count = listed.filter((entry) => facetValues(section, entry.data)[name].includes(value)).length;
        expect(Number($(link).attr('data-facet-count')), `${path} ${name}=${value}`).toBe(count);
        const target = new URL($(link).attr('href')!, 'http://x');
        expect(target.pathname).toBe('/search/');
        expect(target.searchParams.get(name)).toBe(value);
        return target;
      });
  }

  it('section pages link each venue, organisation and year to the search with their counts', () => {
    for (const section of [...new Set(entries.map((entry) => entry.section))]) {
      const inSection = entries.filter((entry) => entry.section === section);
      for (const target of facetLinks(`/${section}/`, section, inSection))
        expect(target.searchParams.get('section')).toBe(section);
    }
  });

  it("a section's tag views count and link the tag's papers only", () => {
    let checked = 0;
    for (const section of [...new Set(entries.map((entry) => entry.section))]) {
      // The section's two most used tags (the first pills of its tag row).
      for (const tagLink of page(`/${section}/`)('a.pill[href*="/tag/"]').slice(0, 2).get()) {
        const path = tagLink.attribs.href!;
        const slug = path.split('/tag/')[1]!.replace(/\/$/, '');
        const inView = entries.filter(
          (entry) => entry.section === section && (entry.data.tags ?? []).some((tag) => tagSlug(tag) === slug),
        );
        for (const target of facetLinks(path, section, inView)) {
          expect([target.searchParams.get('section'), target.searchParams.get('tag')]).toEqual([section, slug]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
