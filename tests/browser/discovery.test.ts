import { afterAll, expect, it } from 'vitest';
import { facetValues, type FacetName } from '../../src/lib/data/facets';
import { textEntries } from '../helpers/search';
import { browserSuite, closeServers, consoleErrors, withPage } from '../helpers/browser';
import { DIST } from '../setup/dist';

const entries = textEntries();
const count = (filters: Partial<Record<FacetName, string[]>>, name: FacetName, value: string) =>
  entries.filter((entry) => {
    const values = facetValues(entry.section, entry.data);
    return (
      Object.entries(filters).every(([facet, wanted]) => values[facet as FacetName].some((v) => wanted!.includes(v))) &&
      values[name].includes(value)
    );
  }).length;

browserSuite('facets, glossary and related papers in the browser', () => {
  afterAll(closeServers);

  it('browses by facets from the URL, shows counts of the current results, and keeps choices in the URL', () =>
    withPage(DIST, async (page, site) => {
      const errors = consoleErrors(page);
      const sections = [...new Set(entries.map((entry) => entry.section))].slice(0, 2);
      const year = entries[0]!.data.added.slice(0, 4);
      const filters = { section: sections, year: [year] };
      const total = entries.filter((entry) => sections.includes(entry.section) && entry.data.added.startsWith(year)).length;
      await page.goto(site.url(`search/?${sections.map((s) => `section=${s}`).join('&')}&year=${year}`));
      await expect
        .poll(() => page.locator('[data-search-page-status]').textContent())
        .toBe(`${total} paper${total === 1 ? '' : 's'}`);
      for (const section of sections)
        expect(await page.locator(`input[name="section"][value="${section}"]`).isChecked()).toBe(true);
      const shown = await page.locator('.facet input[type="checkbox"]').evaluateAll((boxes) =>
        boxes.map((box) => ({
          name: (box as HTMLInputElement).name,
          value: (box as HTMLInputElement).value,
          count: Number(box.closest('label')!.querySelector('[data-facet-count]')!.textContent),
        })),
      );
      expect(shown.length).toBeGreaterThan(0);
      for (const option of shown)
        expect(option.count, `${option.name}=${option.value}`).toBe(count(filters, option.name as FacetName, option.value));

      // Narrow further by a tag the results hold: the URL keeps it, the results shrink to its count.
      const tag = shown.find((option) => option.name === 'tag' && option.count > 0)!;
      await page.locator(`input[name="tag"][value="${tag.value}"]`).check();
      await expect
        .poll(() => page.locator('[data-search-page-status]').textContent())
        .toBe(`${tag.count} paper${tag.count === 1 ? '' : 's'}`);
      expect(new URL(page.url()).searchParams.getAll('tag')).toEqual([tag.value]);
      expect(new URL(page.url()).searchParams.getAll('section')).toEqual(sections);
      expect(errors).toEqual([]);
    }));

  it('says which glossary form a cross-language result matched', () =>
    withPage(DIST, async (page, site) => {
      const zhOnly = entries.find((entry) => entry.text.includes('幻觉') && !/hallucinat/i.test(entry.text));
      const enOnly = entries.find((entry) => /hallucinat/i.test(entry.text) && !entry.text.includes('幻觉'));
      const [query, paper, form] = zhOnly ? ['hallucination', zhOnly, '幻觉'] : ['幻觉', enOnly!, 'hallucination'];
      await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
      const hit = page.locator(`.search-page-hits a[href="${site.base}${paper.section}/${paper.id}/"]`);
      await hit.waitFor();
      expect((await hit.locator('.search-hit-via').textContent())?.toLowerCase()).toContain(form);
    }));

  it('a paper page links its related papers', () =>
    withPage(DIST, async (page, site) => {
      await page.goto(site.url(`${entries[0]!.section}/${entries[0]!.id}/`));
      const related = page.locator('a[data-related]');
      if ((await related.count()) === 0) return;
      const href = await related.first().getAttribute('href');
      await related.first().click();
      await page.waitForURL(site.origin + href);
    }));
});
