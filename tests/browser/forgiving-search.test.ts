import { afterAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, closeBrowser, consoleErrors, withPage, type ServedSite } from '../helpers/browser';
import { DIST } from '../setup/dist';

/**
 * The queries of issue #25, typed into the search page in Chromium: each must show every
 * paper its correct form finds (Traditional script, a misspelling, three words no paper holds
 * together). What the correct forms find is read from the same page, so the list may grow.
 */
const EXAMPLES: { typed: string; correct: string[]; corrected?: string }[] = [
  { typed: '強化學習', correct: ['强化学习'] },
  { typed: '幻覺', correct: ['幻觉'] },
  { typed: '視頻', correct: ['视频'] },
  { typed: 'reasonning', correct: ['reasoning'], corrected: 'reasoning' },
  { typed: 'halucination', correct: ['hallucination'], corrected: 'hallucination' },
  { typed: 'preferance', correct: ['preference'], corrected: 'preference' },
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

browserSuite('search that forgives, on the search page', () => {
  afterAll(closeBrowser);

  it.each(EXAMPLES)('$typed finds what $correct finds', ({ typed, correct, corrected }) =>
    withPage(DIST, async (page, site) => {
      const errors = consoleErrors(page);
      const expected = new Set<string>();
      for (const form of correct) for (const href of await allResults(page, site, form)) expected.add(href);
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
