import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { contentEntries, contentRecords } from '../helpers/content';
import { browserSuite, closeServers, consoleErrors, seriousAxeViolations, withPage } from '../helpers/browser';
import { DIST } from '../setup/dist';

/*
 * A paper's scholarly record in Chromium: the folded author list opens with no script, by mouse
 * and by keyboard; record pages pass axe light and dark, folded and unfolded, and fit a phone;
 * the search page finds a paper by an author's name and by a phrase of its abstract.
 * Fixture papers named: reasoning/glm-4-5 (fifty authors, a record's links), mllm/2409.12191 and
 * mllm/qwen-vl-… (authors they share), mllm/towards-holistic-… (the longest link row).
 */
const GLM = 'reasoning/glm-4-5/';
const HOLISTIC = 'mllm/towards-holistic-fine-grained-and-faithful-evaluation/';
const RLAIF = 'mllm-alignment/2405.17220/';
const records = contentRecords();
const glmAuthors = records.get('reasoning/glm-4-5')!.authors;

/** Whether `name` is shown in the byline: innerText leaves out what a closed <details> does not render. */
const visible = async (page: Page, name: string) => (await page.locator('.byline').innerText()).includes(name);

browserSuite('scholarly records in Chromium', () => {
  afterAll(closeServers);

  it('unfolds a long author list with no script, by click and by keyboard', () =>
    withPage(
      DIST,
      async (page, site) => {
        await page.goto(site.url(GLM));
        const last = glmAuthors.at(-1)!;
        expect(await visible(page, glmAuthors[0]!)).toBe(true);
        expect(await visible(page, last)).toBe(false);
        await page.locator('.more-authors summary').click();
        await expect.poll(() => visible(page, last)).toBe(true);
        await page.locator('.more-authors summary').focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => visible(page, last)).toBe(false);
      },
      { javaScriptEnabled: false },
    ));

  it.each([
    ['fifty authors, folded', GLM, false],
    ['fifty authors, unfolded', GLM, true],
    ['the entry’s own authors and every kind of link', HOLISTIC, false],
    ['accented and CJK names, a venue', RLAIF, false],
  ])('has no serious or critical axe violations on a paper with %s, light and dark', (_, sitePath, unfold) =>
    withPage(DIST, async (page, site) => {
      const errors = consoleErrors(page);
      const open = async () => {
        await page.goto(site.url(sitePath));
        if (unfold) await page.locator('.more-authors summary').click();
      };
      expect(await seriousAxeViolations(page, open)).toEqual([]);
      expect(errors).toEqual([]);
    }),
  );

  it('never scrolls sideways on a 360 px phone, authors unfolded', () =>
    withPage(DIST, async (page, site) => {
      await page.setViewportSize({ width: 360, height: 740 });
      for (const sitePath of [GLM, HOLISTIC, RLAIF, 'mllm/matryoshka-multimodal-models/']) {
        await page.goto(site.url(sitePath));
        if (await page.locator('.more-authors summary').count()) await page.locator('.more-authors summary').click();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, sitePath).toBeLessThanOrEqual(0);
      }
    }));

  it.each([
    ['an author’s name', 'Junyang Lin'],
    ['a phrase of an abstract', 'Naive Dynamic Resolution mechanism'],
  ])('finds papers on the search page by %s', (_, query) =>
    withPage(DIST, async (page, site) => {
      const entries = contentEntries();
      const expected = entries
        .filter((entry) => {
          const record = records.get(`${entry.section}/${entry.id}`);
          return [...(entry.data.authors ?? record?.authors ?? []), record?.abstract ?? ''].some((text) => text.includes(query));
        })
        .map((entry) => `/${entry.section}/${entry.id}/`);
      expect(expected.length).toBeGreaterThan(0);
      await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
      const hits = () =>
        page.locator('.search-page-hits .search-hit-link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      await expect.poll(hits, { timeout: 30_000 }).toEqual(expect.arrayContaining(expected));
      // A result names its paper's first author and year before its section.
      const facts = await page
        .locator(`.search-page-hits .search-hit-link[href="${expected[0]}"] .search-hit-facts`)
        .textContent();
      expect(facts).toMatch(/^\S.* et al\., \d{4} · /);
    }),
  );
});
