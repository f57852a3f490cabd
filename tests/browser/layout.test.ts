import { afterAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contentEntries } from '../helpers/content';
import { browserSuite, closeServers, withPage } from '../helpers/browser';
import { DIST } from '../setup/dist';

/**
 * How the site reads on a 360 px phone and a 1280 px screen: chart labels that stay legible,
 * dates that never break, a nav strip that shows it scrolls, search controls that line up, and
 * home section cards without holes. Expectations come from content/, not from today's numbers.
 */
const entries = contentEntries();
const WIDTHS = [360, 1280] as const;

async function open(page: Page, url: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
}

browserSuite('layout on a phone and a wide screen', () => {
  afterAll(closeServers);

  it.each(WIDTHS)('stats chart labels and values are at least 10 px at %i px', (width) =>
    withPage(DIST, async (page, site) => {
      await open(page, site.url('stats/'), width);
      const sizes = await page
        .locator('.chart-label, .chart-value')
        .evaluateAll((nodes) =>
          nodes.map((node) => parseFloat(getComputedStyle(node).fontSize) * (node.getBoundingClientRect().height > 0 ? 1 : 0)),
        );
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
      // Nothing of a chart runs past the screen.
      const overflow = await page
        .locator('.chart')
        .evaluateAll((charts) => charts.map((chart) => chart.scrollWidth - chart.clientWidth));
      expect(Math.max(...overflow)).toBeLessThanOrEqual(0);
    }),
  );

  it.each(WIDTHS)('search result dates stay on one line at %i px', (width) =>
    withPage(DIST, async (page, site) => {
      await open(page, site.url(`search/?q=${encodeURIComponent('偏好')}`), width);
      await page.locator('.search-page-hits .search-hit-date').first().waitFor();
      const lines = await page
        .locator('.search-page-hits .search-hit-date')
        .evaluateAll((dates) => dates.map((date) => date.getClientRects().length));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((count) => count === 1)).toBe(true);
      // Excerpts read as the note: no leading ". ", no arXiv id or #tag pills.
      const excerpts = await page.locator('.search-page-hits .search-hit-excerpt').allTextContents();
      for (const excerpt of excerpts) {
        expect(excerpt).not.toMatch(/^[\s.]/);
        expect(excerpt).not.toMatch(/\d{4}\.\d{4,5}|(^|\s)#\S/);
      }
    }),
  );

  it.each(WIDTHS)('the search filters line up in columns of one width at %i px; no / hint on a phone', (width) =>
    withPage(DIST, async (page, site) => {
      await open(page, site.url('search/'), width);
      const boxes = await page.locator('.search-page-refine select').evaluateAll((selects) =>
        selects.map((select) => {
          const box = select.getBoundingClientRect();
          return { width: Math.round(box.width), right: box.right };
        }),
      );
      expect(new Set(boxes.map((box) => box.width)).size).toBe(1);
      expect(Math.max(...boxes.map((box) => box.right))).toBeLessThanOrEqual(width);
      const hintShown = await page.locator('.key-hint').isVisible();
      expect(hintShown).toBe(width > 640);
      if (width <= 640) expect(await page.locator('.search-key').isVisible()).toBe(false);
    }),
  );

  it('lets the section nav scroll, with scroll shadows, when its links do not fit, and shows it whole on a wide screen', () =>
    withPage(DIST, async (page, site) => {
      for (const width of WIDTHS) {
        await open(page, site.url(), width);
        const nav = await page.locator('.section-nav ul').evaluate((list) => {
          const style = getComputedStyle(list);
          return {
            overflows: list.scrollWidth > list.clientWidth + 1,
            gradients: (style.backgroundImage.match(/linear-gradient/g) ?? []).length,
            attachment: style.backgroundAttachment,
          };
        });
        // Nine sections (tests/fixtures/site) and the site's links: they scroll on a phone, and fit
        // in 1280 px (the nav has no paper counts).
        expect(nav.overflows, `${width} px`).toBe(width < 640);
        // The scroll shadows: two covers that scroll with the links, two shadows fixed at the edges.
        expect(nav.gradients).toBe(4);
        expect(nav.attachment).toBe('local, local, scroll, scroll');
      }
    }));

  it('sits the home section cards in full rows at 1280 px and one column at 360 px', () =>
    withPage(DIST, async (page, site) => {
      for (const width of WIDTHS) {
        await open(page, site.url(), width);
        const layout = await page.locator('.section-grid').evaluate((grid) => {
          const right = grid.getBoundingClientRect().right;
          const rows = new Map<number, number>();
          for (const card of grid.children) {
            const box = card.getBoundingClientRect();
            rows.set(Math.round(box.top), Math.max(rows.get(Math.round(box.top)) ?? 0, box.right));
          }
          return { rows: rows.size, rowEnds: [...rows.values()].map((end) => Math.round(right - end)) };
        });
        // Every row ends at the grid's right edge: no hole.
        expect(
          layout.rowEnds.every((gap) => gap <= 1),
          `${width} px: ${layout.rowEnds}`,
        ).toBe(true);
        const sections = new Set(entries.map((entry) => entry.section)).size;
        if (width === 360) expect(layout.rows).toBeGreaterThanOrEqual(sections);
        else expect(layout.rows).toBeLessThanOrEqual(Math.ceil(sections / 2));
      }
    }));

  it('opens a drop-down at least as wide as the search box, without an "all results" link for one hit', () =>
    withPage(DIST, async (page, site) => {
      await open(page, site.url('about/'), 1280);
      // A title word only one entry has: one hit, so the link to more results must stay hidden.
      const counts = new Map<string, number>();
      for (const entry of entries)
        for (const word of new Set(entry.data.title.toLowerCase().match(/[a-z]{6,}/g) ?? []))
          counts.set(word, (counts.get(word) ?? 0) + 1);
      const unique = [...counts].find(
        ([word, count]) =>
          count === 1 &&
          entries.every((entry) => !`${entry.data.note ?? ''} ${(entry.data.tags ?? []).join(' ')}`.toLowerCase().includes(word)),
      )![0];
      await page.locator('#site-search').fill(unique);
      await page.locator('[data-site-search] .search-hit-link').first().waitFor();
      await expect.poll(() => page.locator('[data-site-search] .search-hit-link').count()).toBe(1);
      expect(await page.locator('[data-search-all]').isVisible()).toBe(false);
      const [box, panel] = await Promise.all(
        ['#site-search', '[data-search-panel]'].map((selector) =>
          page.locator(selector).evaluate((node) => node.getBoundingClientRect().width),
        ),
      );
      expect(panel).toBeGreaterThanOrEqual(box! - 1);
    }));
});
