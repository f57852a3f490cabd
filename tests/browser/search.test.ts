import { afterAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contentEntries } from '../helpers/content';
import { browserSuite, closeServers, consoleErrors, withPage, type ServedSite } from '../helpers/browser';
import { DIST, SUBPATH_BASE, SUBPATH_DIST } from '../setup/dist';

const entries = contentEntries();
const A_PAPER = `${entries[0]!.section}/${entries[0]!.id}/`;
const headerHits = '[data-site-search] .search-hit-link';

/** Site paths of the entries whose note has `word`: the header box must list them all. */
function notesWith(word: string): string[] {
  return entries.filter((entry) => entry.data.note?.includes(word)).map((entry) => `${entry.section}/${entry.id}/`);
}

async function typeInHeaderBox(page: Page, text: string): Promise<{ href: string; title: string }[]> {
  await page.keyboard.press('/');
  await page.keyboard.type(text);
  await page.locator(headerHits).first().waitFor();
  return page
    .locator(headerHits)
    .evaluateAll((links) =>
      links.map((link) => ({ href: link.getAttribute('href')!, title: link.querySelector('.search-hit-title')!.textContent! })),
    );
}

/** Chinese and English queries from the header box, opening a result by keyboard and by click. */
async function searchAndOpen(page: Page, site: ServedSite): Promise<void> {
  const errors = consoleErrors(page);
  const pagefindRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
  });
  await page.goto(site.url(A_PAPER));
  expect(pagefindRequests, 'Pagefind loads only when search is used').toEqual([]);

  const required = notesWith('幻觉');
  expect(required.length).toBeGreaterThan(0);
  expect(required.length).toBeLessThanOrEqual(8); // all fit in the drop-down
  const chinese = await typeInHeaderBox(page, '幻觉');
  expect(chinese.map((hit) => hit.href)).toEqual(expect.arrayContaining(required.map((sitePath) => `${site.base}${sitePath}`)));
  await expect.poll(() => page.locator(`${headerHits} mark`).first().textContent()).toContain('幻觉');

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(site.origin + chinese[0]!.href);
  expect(await page.locator('h1').textContent()).toBe(chinese[0]!.title);

  const english = await typeInHeaderBox(page, 'DPO');
  expect(english.length).toBeGreaterThan(0);
  await page.locator(headerHits).nth(1).click();
  await page.waitForURL(site.origin + english[1]!.href);
  expect(await page.locator('h1').textContent()).toBe(english[1]!.title);
  expect(page.url().startsWith(site.url(''))).toBe(true);

  expect(errors, 'console errors (CSP violations included)').toEqual([]);
}

browserSuite('search in the browser', () => {
  afterAll(closeServers);

  it('finds Chinese and English queries and opens results (root build)', () => withPage(DIST, searchAndOpen));

  it('does the same under a sub-path (dist-subpath, served under /awesome-mllm/)', () =>
    withPage(SUBPATH_DIST, searchAndOpen, { base: SUBPATH_BASE }));

  it('focuses the box with /, walks results with arrows, closes with Esc', () =>
    withPage(DIST, async (page, site) => {
      const errors = consoleErrors(page);
      await page.goto(site.url(A_PAPER));
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
      await typeInHeaderBox(page, '偏好优化');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.matches('.search-hit:nth-child(2) a'))).toBe(true);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
      await page.keyboard.press('Escape');
      expect(await page.locator('[data-search-panel]').isHidden()).toBe(true);
      expect(errors).toEqual([]);
    }));

  it('runs the search page from the URL, with a section filter and date sort; / still types in its field', () =>
    withPage(DIST, async (page, site) => {
      const errors = consoleErrors(page);
      await page.goto(site.url(`search/?q=${encodeURIComponent('偏好')}&section=mllm-alignment&sort=added`));
      // The search page loads every filter's index for its counts: allow a busy machine time.
      await expect.poll(() => page.locator('[data-search-page-status]').textContent()).toMatch(/^\d+ papers?$/);
      const hits = await page.locator('.search-page-hits .search-hit-link').evaluateAll((links) =>
        links.map((link) => ({
          href: link.getAttribute('href')!,
          facts: link.querySelector('.search-hit-facts')!.textContent!,
        })),
      );
      const required = entries.filter(
        (entry) => entry.section === 'mllm-alignment' && `${entry.data.title} ${entry.data.note}`.includes('偏好'),
      );
      expect(hits.length).toBeGreaterThanOrEqual(Math.min(required.length, 20));
      expect(hits.every((hit) => hit.href.startsWith('/mllm-alignment/'))).toBe(true);
      const dates = hits.map((hit) => hit.facts.split(' · ').pop()!);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(await page.locator('input[name="section"][value="mllm-alignment"]').isChecked()).toBe(true);

      await page.locator('#search-page-q').fill('');
      await page.locator('#search-page-q').pressSequentially('a/b');
      expect(await page.locator('#search-page-q').inputValue()).toBe('a/b');
      expect(errors).toEqual([]);
    }));

  it('without JavaScript, the header form opens the search page with the query', () =>
    withPage(
      DIST,
      async (page, site) => {
        await page.goto(site.url(A_PAPER));
        await page.locator('#site-search').fill('幻觉');
        await page.locator('#site-search').press('Enter');
        await page.waitForURL(`${site.url('search/')}?q=${encodeURIComponent('幻觉')}`);
        expect(await page.getByText('Search runs in your browser and needs JavaScript').isVisible()).toBe(true);
      },
      { javaScriptEnabled: false },
    ));
});
