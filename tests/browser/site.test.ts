import { afterAll, expect, it } from 'vitest';
import { sortEntries } from '../../src/lib/data/sort';
import { contentEntries } from '../helpers/content';
import { browserSuite, closeServers, consoleErrors, seriousAxeViolations, withPage } from '../helpers/browser';
import { DIST } from '../setup/dist';

const entries = contentEntries();
/** A paper with a long title, a long Chinese note and tags: the layout's hardest case. */
const LONG = [...entries].sort(
  (a, b) => (b.data.note?.length ?? 0) + b.data.title.length - ((a.data.note?.length ?? 0) + a.data.title.length),
)[0]!;

browserSuite('reading the site in Chromium', () => {
  afterAll(closeServers);

  it('goes from home to a section to a paper and back', () =>
    withPage(DIST, async (page, site) => {
      const errors = consoleErrors(page);
      await page.goto(site.url());
      await page.locator('a.section-card[href$="/mllm/"]').click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Multimodal Large Language Models');
      const first = page.locator('ol.paper-list .paper-title a').first();
      const title = await first.textContent();
      await first.click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(title);
      await page.goBack();
      await expect.poll(() => page.url()).toBe(site.url('mllm/'));
      expect(errors).toEqual([]);
    }));

  it('switches the sort order with plain links', () =>
    withPage(DIST, async (page, site) => {
      await page.goto(site.url('llm-alignment/'));
      await page.locator('a.pill[data-sort="title"]').click();
      await expect.poll(() => page.url()).toBe(site.url('llm-alignment/sort/title/'));
      const section = entries.filter((entry) => entry.section === 'llm-alignment');
      // Asked until the new page has the whole list: its URL changes before it has loaded.
      const titles = async () =>
        (await page.locator('ol.paper-list .paper-title').allTextContents()).map((title) => title.trim());
      await expect.poll(titles).toEqual(sortEntries(section, 'title').map((entry) => entry.data.title));
      await expect.poll(() => page.locator('a.pill[data-sort="title"]').getAttribute('aria-current')).toBe('page');
    }));

  it('toggles dark mode and remembers it on the next page', () =>
    withPage(DIST, async (page, site) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(site.url());
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const light = await background();
      await page.locator('[data-theme-toggle]').click();
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      expect(await background()).not.toBe(light);
      await page.goto(site.url('stats/'));
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
    }));

  it('follows the system dark preference without a stored choice', () =>
    withPage(DIST, async (page, site) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(site.url());
      const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!).toBeLessThan(120);
    }));

  it('never scrolls sideways on a 360 px phone', () =>
    withPage(DIST, async (page, site) => {
      await page.setViewportSize({ width: 360, height: 740 });
      for (const sitePath of ['', 'mllm/', `${LONG.section}/${LONG.id}/`, 'stats/', 'tags/', 'about/', 'contributing/']) {
        await page.goto(site.url(sitePath));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, sitePath || 'home').toBeLessThanOrEqual(0);
      }
    }));

  it('lets a keyboard user skip to the content', () =>
    withPage(DIST, async (page, site) => {
      await page.goto(site.url('mllm/'));
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    }));

  it.each([
    ['home', ''],
    ['a section', 'mllm-alignment/'],
    // The fixture's long section, one tag chosen, on its second page; and its section with no papers.
    ['a tag view, page 2', 'archive/tag/earlier-work/page/2/'],
    ['an empty section', 'empty/'],
    ['a paper', `${LONG.section}/${LONG.id}/`],
    ['stats', 'stats/'],
  ])('has no serious or critical axe violations on %s, light and dark', (_, sitePath) =>
    withPage(DIST, async (page, site) => {
      expect(await seriousAxeViolations(page, () => page.goto(site.url(sitePath)))).toEqual([]);
    }),
  );
});
