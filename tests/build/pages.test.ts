import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { loadSections } from '../../src/lib/content/sections';
import { titleKey } from '../../src/lib/title-key';
import { htmlFiles } from '../../scripts/lib/checks/check-links';
import { contentEntries, contentRecords } from '../helpers/content';
import { contentRoot } from '../../src/lib/paths';
import { DIST, FIXTURE_CONTENT } from '../setup/dist';

const sections = loadSections();
const entries = contentEntries();
const records = contentRecords();
const page = (sitePath: string): CheerioAPI => load(readFileSync(path.join(DIST, sitePath, 'index.html'), 'utf8'));
/** The pages of a listing, following its "Next page" links from `sitePath`. */
function pagesOf(sitePath: string): CheerioAPI[] {
  const pages = [page(sitePath)];
  for (let next = pages[0]!('a[rel="next"]').attr('href'); next; next = pages.at(-1)!('a[rel="next"]').attr('href')) {
    expect(pages.length, `${sitePath}: a pager that does not end`).toBeLessThan(100);
    pages.push(page(next));
  }
  return pages;
}
/** What `pick` reads from each card of every page of the listing at `sitePath`, in order (default: its entry id). */
const listed = (sitePath: string, pick = (card: ReturnType<CheerioAPI>) => card.attr('data-id')) =>
  pagesOf(sitePath).flatMap(($) =>
    $('ol.paper-list article.paper-card')
      .map((_, card) => pick($(card)))
      .get(),
  );

describe('the built site', () => {
  it('is built from the fixture content, which the tests read too', () => {
    expect(contentRoot()).toBe(FIXTURE_CONTENT);
  });

  it('has a home, stats, about, tags, search and 404 page, an RSS feed and a sitemap', () => {
    for (const file of [
      'index.html',
      'stats/index.html',
      'about/index.html',
      'tags/index.html',
      'search/index.html',
      '404.html',
      'rss.xml',
      'sitemap-index.xml',
      'favicon.svg',
    ]) {
      expect(existsSync(path.join(DIST, file)), file).toBe(true);
    }
  });

  it('has one page per entry, showing its title, note and every link', () => {
    expect(entries.length).toBeGreaterThanOrEqual(100);
    for (const entry of entries) {
      const $ = page(`${entry.section}/${entry.id}`);
      expect($('h1').text().trim(), entry.file).toBe(entry.data.title);
      // Notes are inline Markdown: compare the text without its emphasis marks.
      const plain = (text: string) => text.replace(/[*_`\s]/g, '');
      if (entry.data.note) expect(plain($('.note-block').text()), entry.file).toBe(plain(entry.data.note));
      const hrefs = $('article ul.links a')
        .map((_, el) => $(el).attr('href'))
        .get();
      // A record's links follow the entry's own (tests/build/records.test.ts).
      const shown = records.has(`${entry.section}/${entry.id}`) ? hrefs.slice(0, entry.data.links.length) : hrefs;
      expect(shown, entry.file).toEqual(entry.data.links.map((link) => link.url));
    }
  });

  it('lists exactly each section’s entries on its page, newest added first', () => {
    for (const section of sections) {
      const expected = entries.filter((entry) => entry.section === section.id);
      const ids = listed(section.id);
      expect([...ids].sort(), section.id).toEqual(expected.map((entry) => entry.id).sort());
      const added = ids.map((id) => expected.find((entry) => entry.id === id)!.data.added);
      expect(added, `${section.id} order`).toEqual([...added].sort().reverse());
    }
  });

  it('shows a section with no papers yet as such, inviting the first one', () => {
    const empty = sections.filter((section) => !entries.some((entry) => entry.section === section.id));
    expect(empty.length, 'the fixture has a section with no papers').toBeGreaterThan(0);
    for (const section of empty) {
      const $ = page(section.id);
      expect($('ol.paper-list').length, section.id).toBe(0);
      expect($('nav.controls').length, section.id).toBe(0);
      expect($('.empty-section a').attr('href'), section.id).toBe('/contributing/');
    }
  });

  it('offers the same entries sorted by title and by publication date, without JavaScript', () => {
    for (const section of sections.filter((section) => entries.some((entry) => entry.section === section.id))) {
      const byAdded = listed(section.id);
      const byTitle = listed(`${section.id}/sort/title`);
      expect([...byTitle].sort()).toEqual([...byAdded].sort());
      const keys = byTitle.map((id) =>
        titleKey(entries.find((entry) => entry.section === section.id && entry.id === id)!.data.title),
      );
      expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b, 'en')));
      expect([...listed(`${section.id}/sort/published`)].sort()).toEqual([...byAdded].sort());
      const $ = page(section.id);
      expect($('a.pill[data-sort="title"]').attr('href')).toBe(`/${section.id}/sort/title/`);
    }
  });

  it('lists on each tag page exactly the papers carrying the tag', () => {
    const tags = new Set(entries.flatMap((entry) => entry.data.tags ?? []));
    expect(tags.size).toBeGreaterThan(5);
    const slugOf = (tag: string) => tag.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');
    for (const tag of tags) {
      const slug = slugOf(tag);
      const onPages = listed(`tags/${slug}`, (card) => card.find('.paper-title a').attr('href'));
      // One page per tag however it is spelled: the list's "Reward Model" and a curated "reward model" meet there.
      const expected = entries
        .filter((entry) => entry.data.tags?.some((other) => slugOf(other) === slug))
        .map((entry) => `/${entry.section}/${entry.id}/`);
      expect(onPages.sort(), tag).toEqual(expected.sort());
    }
  });

  it('links entries of the same paper in different sections to each other', () => {
    // The fixture's papers listed in several sections (tests/fixtures/site/README.md).
    for (const title of ['Chameleon', 'NExT-GPT', 'Mini-Gemini', 'MME-RealWorld', 'ChainBench']) {
      const same = entries.filter((entry) => entry.data.title.startsWith(title));
      const sectionsOfPaper = new Set(same.map((entry) => entry.section));
      expect(sectionsOfPaper.size, title).toBeGreaterThanOrEqual(2);
      for (const entry of same) {
        const $ = page(`${entry.section}/${entry.id}`);
        const targets = $('a[data-also-listed]')
          .map((_, el) => $(el).attr('href'))
          .get();
        const expected = same.filter((other) => other.section !== entry.section).map((other) => `/${other.section}/${other.id}/`);
        expect(targets.sort(), entry.file).toEqual(expected.sort());
      }
    }
  });

  it('gives every page a title, a description and a language', () => {
    for (const file of htmlFiles(DIST)) {
      const $ = load(readFileSync(path.join(DIST, file), 'utf8'));
      expect($('html').attr('lang'), file).toMatch(/^[a-z]{2}/);
      expect($('head > title').text().trim(), file).not.toBe('');
      expect($('meta[name="description"]').attr('content')?.trim(), file).toBeTruthy();
      expect($('meta[property="og:title"]').attr('content'), file).toBeTruthy();
    }
  });

  it('marks Chinese notes as Chinese and English titles as English', () => {
    const entry = entries.find(
      (candidate) => /\p{Script=Han}/u.test(candidate.data.note ?? '') && /^[\x20-\x7e]+$/.test(candidate.data.title),
    )!;
    const $ = page(`${entry.section}/${entry.id}`);
    expect($('h1').attr('lang')).toBe('en');
    expect($('.note-block').attr('lang')).toBe('zh-Hans');
  });

  it('shows a copyable BibTeX record for papers with an arXiv id and an edit link for every paper', () => {
    const withArxiv = entries.find((entry) => entry.data.arxiv)!;
    const $ = page(`${withArxiv.section}/${withArxiv.id}`);
    expect($('#bibtex').text()).toContain(`eprint = {${withArxiv.data.arxiv}}`);
    // The record alone: what the copy button copies, with no indentation from the template.
    expect($('#bibtex').text()).toMatch(/^@\w+\{[^]*\n\}$/);
    expect($('a[data-edit-link]').attr('href')).toMatch(
      new RegExp(`/edit/[^/]+/content/${withArxiv.section}/${withArxiv.id.replace('.', '\\.')}\\.(yaml|mdx)$`),
    );
  });

  it('keeps the BibTeX record in a closed details block after every fact', () => {
    const withArxiv = entries.find((entry) => entry.data.arxiv)!;
    const $ = page(`${withArxiv.section}/${withArxiv.id}`);
    expect($('details.cite').length).toBe(1);
    expect($('details.cite').attr('open')).toBeUndefined();
    expect($('details.cite #bibtex').length).toBe(1);
    expect($('dl.facts').nextAll('details.cite').length).toBe(1);
  });

  it("shows every fact an entry has, and every link by kind (then its record's), before the citation", () => {
    for (const entry of entries) {
      const $ = page(`${entry.section}/${entry.id}`);
      const facts = new Map(
        $('dl.facts dt')
          .map((_, dt) => [[$(dt).text().trim(), $(dt).next('dd').text().replace(/\s+/g, ' ').trim()]])
          .get() as [string, string][],
      );
      const where = `${entry.section}/${entry.id}`;
      // With a record, the byline under the title says these instead (tests/build/records.test.ts).
      const record = records.has(where);
      if (entry.data.published) expect(facts.get('Published'), where).toBe(record ? undefined : entry.data.published);
      if (entry.data.venue) expect(facts.get('Venue'), where).toBe(record ? undefined : entry.data.venue);
      if (entry.data.org) expect(facts.get('Organisation'), where).toBe(entry.data.org);
      if (entry.data.authors) expect(facts.get('Authors'), where).toBe(record ? undefined : entry.data.authors.join(', '));
      const links = $('article .links a.link-chip')
        .map((_, a) => `${$(a).attr('class')} ${$(a).attr('href')}`)
        .get();
      const own = entry.data.links.map((link) => `link-chip kind-${link.kind} ${link.url}`);
      expect(record ? links.slice(0, own.length) : links, where).toEqual(own);
      if ($('details.cite').length) expect($('dl.facts').nextAll('details.cite').length, where).toBe(1);
    }
  });

  it('gives every figure of a long note its width and height, so the note does not jump as it loads', () => {
    const figures = entries.flatMap((entry) => {
      const $ = page(`${entry.section}/${entry.id}`);
      return $('.entry-figure img')
        .map((_, img) => `${entry.section}/${entry.id}: ${$(img).attr('width')}×${$(img).attr('height')}`)
        .get();
    });
    expect(figures.length, 'the fixture has a <Figure>').toBeGreaterThan(0);
    for (const figure of figures) expect(figure).toMatch(/: [1-9]\d*×[1-9]\d*$/);
  });

  it('feeds the newest papers through RSS', () => {
    const $ = load(readFileSync(path.join(DIST, 'rss.xml'), 'utf8'), { xml: true });
    const items = $('item');
    expect(items.length).toBe(Math.min(50, entries.length));
    const newest = [...entries].sort((a, b) => b.data.added.localeCompare(a.data.added))[0]!;
    expect(items.first().find('pubDate').text()).toContain(new Date(`${newest.data.added}T00:00:00Z`).toUTCString().slice(0, 16));
  });

  it('counts papers per section on the home page and the stats page', () => {
    const $ = page('');
    for (const section of sections) {
      const count = entries.filter((entry) => entry.section === section.id).length;
      expect($(`a.section-card[href="/${section.id}/"] .big`).text()).toBe(String(count));
    }
    const stats = page('stats');
    expect(stats('.chart').length).toBe(3);
    expect(stats('.chart').first().find('.chart-row').length).toBe(sections.length);
    expect(stats('table.data-table').first().find('tbody tr').length).toBe(sections.length);
  });
});
