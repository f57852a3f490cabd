import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, closeServers, consoleErrors, withPage, type ServedSite } from '../helpers/browser';
import { searcherOf } from '../helpers/search';
import { DIST } from '../setup/dist';

/**
 * Search that forgives, as the search page shows it in Chromium: one query of each kind of issue
 * #25 (Traditional script, a misspelling, words no paper holds together) must show every paper its
 * correct form finds, with the page's own words for what it did. What the correct forms find is
 * computed from the same build by the page's own search module in Node (tests/helpers/search.ts),
 * so the list may grow. tests/search/forgiving.test.ts holds that module to every query of the
 * issue and to many generated ones; this file holds the page to what the module finds.
 */
const EXAMPLES: { typed: string; correct: string[]; corrected?: string }[] = [
  { typed: '強化學習', correct: ['强化学习'] },
  { typed: 'reasonning', correct: ['reasoning'], corrected: 'reasoning' },
  { typed: 'video reasoning benchmark', correct: ['video', 'reasoning', 'benchmark'] },
];

const status = '[data-search-page-status]';

/** Every result the search page lists for `query` (Show more pressed until it goes), by link. */
async function allResults(page: Page, site: ServedSite, query: string, extra = ''): Promise<string[]> {
  await page.goto(site.url(`search/?q=${encodeURIComponent(query)}${extra}`));
  await expect.poll(() => page.locator(status).textContent()).toMatch(/paper|No papers/);
  const hits = page.locator('.search-page-hits .search-hit-link');
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const before = await hits.count();
    await more.click();
    await expect.poll(() => hits.count()).toBeGreaterThan(before);
  }
  return hits.evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
}

/** The links of every paper the search module matches for `query` (its matches, not its further groups). */
let matchesOf: (query: string) => Promise<string[]>;

browserSuite('search that forgives, on the search page', () => {
  beforeAll(async () => {
    const searcher = await searcherOf(DIST);
    matchesOf = async (query) => (await searcher.search({ text: query })).map((hit) => hit.url);
  });
  afterAll(closeServers);

  it.each(EXAMPLES)('$typed finds what $correct finds', ({ typed, correct, corrected }) =>
    withPage(DIST, async (page, site) => {
      const errors = consoleErrors(page);
      const expected = new Set<string>();
      for (const form of correct) for (const href of await matchesOf(form)) expected.add(href);
      expect(expected.size, `${correct.join(', ')} should find papers`).toBeGreaterThan(0);
      const found = await allResults(page, site, typed);
      expect(found).toEqual(expect.arrayContaining([...expected]));
      if (corrected) {
        const label = page.locator('.search-group[data-search-group="corrected"]');
        expect(await label.locator('em').textContent()).toBe(corrected);
        // "Search exactly as typed": the same query without the correction.
        await label.locator('a').click();
        await page.waitForURL((url) => url.searchParams.get('exact') === '1' && url.searchParams.get('q') === typed);
        await expect.poll(() => page.locator(status).textContent()).toMatch(/paper|No papers/);
        expect(await page.locator('.search-group').count()).toBe(0);
      }
      if (correct.length > 1) {
        expect(await page.locator('.search-group[data-search-group="some"]').textContent()).toMatch(/some of these words/);
      }
      expect(errors).toEqual([]);
    }),
  );

  it('sends the facets folded; on a wide screen the script opens them, on a phone they stay folded', () =>
    withPage(DIST, async (page, site) => {
      for (const [width, open] of [
        [360, false],
        [1280, true],
      ] as const) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(site.url('search/?q=video'));
        await expect.poll(() => page.locator(status).textContent()).toMatch(/papers?/);
        expect(await page.locator('[data-search-facets]').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(open);
        expect(await page.locator('.facet').first().isVisible()).toBe(open);
      }
    }));
});
