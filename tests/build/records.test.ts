import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { sameTarget } from '../../src/lib/data/paper-record';
import { contentEntries, contentRecords, type SourceEntry } from '../helpers/content';
import { DIST } from '../setup/dist';

/*
 * What a paper page and the listings show of a scholarly record (tests/fixtures/site/records/),
 * and that a paper without one looks as it did before records. Expectations come from the
 * fixture's entry and record files; the tests that need a shape name the fixture paper that has it.
 */
const entries = contentEntries();
const records = contentRecords();
const keyOf = (entry: SourceEntry) => `${entry.section}/${entry.id}`;
const withRecord = entries.filter((entry) => records.has(keyOf(entry)));
const withoutRecord = entries.filter((entry) => !records.has(keyOf(entry)));
const page = (sitePath: string): CheerioAPI => load(readFileSync(path.join(DIST, sitePath, 'index.html'), 'utf8'));
const entryAt = (key: string) => entries.find((entry) => keyOf(entry) === key)!;
const text = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The authors a page lists, in order: the shown ones, then those folded in <details>. */
function authorsOn($: CheerioAPI): string[] {
  const authors = $('article .byline .authors').clone();
  authors.find('summary').remove();
  return text(authors.text()).split(', ').filter(Boolean);
}

describe('a paper with a scholarly record', () => {
  it('has records of every shape in the fixture, and papers without one', () => {
    const shapes = [...records.values()];
    expect(shapes.some((record) => record.authors.length === 1)).toBe(true);
    expect(shapes.some((record) => record.authors.length >= 50)).toBe(true);
    expect(shapes.some((record) => record.authors.some((name) => /\p{Script=Han}/u.test(name)))).toBe(true);
    expect(
      shapes.some((record) => record.authors.some((name) => /[^\p{ASCII}]/u.test(name) && /\p{Script=Latin}/u.test(name))),
    ).toBe(true);
    expect(shapes.some((record) => !record.abstract)).toBe(true);
    expect(shapes.some((record) => record.source === 'openreview')).toBe(true);
    expect(shapes.some((record) => /\$/.test(record.title) && /\\/.test(record.abstract ?? ''))).toBe(true);
    expect(withRecord.some((entry) => entry.data.venue && records.get(keyOf(entry))!.venue)).toBe(true);
    expect(withoutRecord.length).toBeGreaterThan(withRecord.length);
  });

  it('lists every author under the title, the entry’s own list winning over the record’s', () => {
    for (const entry of withRecord) {
      const record = records.get(keyOf(entry))!;
      const $ = page(keyOf(entry));
      expect(authorsOn($), keyOf(entry)).toEqual(entry.data.authors ?? record.authors);
      expect($('header .byline').length, keyOf(entry)).toBe(1);
    }
    // mllm/towards-holistic-…: its entry names eight authors, its record three.
    const holistic = withRecord.find(
      (entry) => entry.data.authors && records.get(keyOf(entry))!.authors.length !== entry.data.authors.length,
    )!;
    expect(authorsOn(page(keyOf(holistic)))).toEqual(holistic.data.authors);
  });

  it('folds a long author list after the first few into a closed <details>, and a short one not at all', () => {
    for (const entry of withRecord) {
      const authors = entry.data.authors ?? records.get(keyOf(entry))!.authors;
      const $ = page(keyOf(entry));
      const details = $('.byline details.more-authors');
      if (authors.length <= 8) {
        expect(details.length, keyOf(entry)).toBe(0);
        continue;
      }
      expect(details.length, keyOf(entry)).toBe(1);
      expect(details.attr('open')).toBeUndefined();
      const folded = text(details.clone().children('summary').remove().end().text()).split(', ');
      expect(folded.length + 6).toBe(authors.length);
      expect(folded).toEqual(authors.slice(6));
      expect(text(details.children('summary').text())).toBe(`and ${authors.length - 6} more`);
    }
    // reasoning/glm-4-5: fifty authors.
    expect(page('reasoning/glm-4-5')('.byline details.more-authors').length).toBe(1);
  });

  it('writes accented and CJK names as the record has them', () => {
    // mllm-alignment/2405.17220: accented Latin, Vietnamese, Chinese and Japanese names.
    const names = authorsOn(page('mllm-alignment/2405.17220'));
    for (const name of ['José Ángel Muñoz-Pérez', 'Zoë Brontë-Łukasiewicz', 'Nguyễn Văn Đức', '余天予', '張浩業', '山田 花子'])
      expect(names).toContain(name);
  });

  it('gives the first version’s date, the last one’s when later, and the venue, the entry’s winning', () => {
    for (const entry of withRecord) {
      const record = records.get(keyOf(entry))!;
      const meta = page(keyOf(entry))('.byline .paper-meta');
      const dates = meta
        .find('time')
        .map((_, time) => time.attribs.datetime)
        .get();
      const first = entry.data.published ?? record.published;
      const last = record.updated && record.updated !== record.published ? record.updated : undefined;
      expect(dates, keyOf(entry)).toEqual([first, last].filter(Boolean));
      const venue = entry.data.venue ?? record.venue;
      expect(meta.find('.venue').text(), keyOf(entry)).toBe(venue ?? '');
      if (!first && !venue) expect(meta.length).toBe(0);
    }
    // mllm/towards-holistic-…: the entry's venue, not arXiv's comment.
    const holistic = page('mllm/towards-holistic-fine-grained-and-faithful-evaluation');
    expect(holistic('.byline .venue').text()).toBe('NeurIPS 2024 Datasets and Benchmarks Track');
    expect(holistic('article').text()).not.toContain('under review at ICLR 2025');
    // mllm-alignment/2405.17220: the record's venue, where the entry has none.
    expect(page('mllm-alignment/2405.17220')('.byline .venue').text()).toBe('CVPR 2025');
  });

  it('shows the abstract in English, as text, with LaTeX as written', () => {
    for (const entry of withRecord) {
      const record = records.get(keyOf(entry))!;
      const $ = page(keyOf(entry));
      const abstract = $('section.abstract p');
      if (!record.abstract) {
        expect($('section.abstract').length, keyOf(entry)).toBe(0);
        continue;
      }
      expect(abstract.attr('lang')).toBe('en');
      expect(abstract.text(), keyOf(entry)).toBe(record.abstract);
    }
    const raw = readFileSync(path.join(DIST, 'mllm/seeing-is-believing-punctuation/index.html'), 'utf8');
    expect(raw).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // No script but the site's own bundles (the cite block's copy button).
    expect(page('mllm/seeing-is-believing-punctuation')('article script:not([src^="/_astro/"]), article b').length).toBe(0);
    expect(page('mllm/matryoshka-multimodal-models')('section.abstract').text()).toContain('$\\mathcal{O}(10^2)$');
  });

  it('adds the abstract page, PDF and code after the list’s own links, never one the entry already has', () => {
    for (const entry of withRecord) {
      const record = records.get(keyOf(entry))!;
      const $ = page(keyOf(entry));
      const hrefs = $('article ul.links a')
        .map((_, a) => a.attribs.href)
        .get();
      const own = entry.data.links.map((link) => link.url);
      expect(hrefs.slice(0, own.length), keyOf(entry)).toEqual(own);
      const added = hrefs.slice(own.length);
      const known = new Set([...own, ...(entry.data.arxiv ? [`https://arxiv.org/abs/${entry.data.arxiv}`] : [])].map(sameTarget));
      expect(
        added.filter((href) => known.has(sameTarget(href))),
        keyOf(entry),
      ).toEqual([]);
      const offered = [record.url, record.pdf, record.code].filter((url): url is string => url !== undefined);
      expect(added, keyOf(entry)).toEqual(offered.filter((url) => !known.has(sameTarget(url))));
    }
    // reasoning/glm-4-5 links only a reading note: it stays first, the record's links follow.
    const glm = page('reasoning/glm-4-5');
    const labels = glm('article ul.links a')
      .map((_, a) => glm(a).contents().first().text().trim())
      .get();
    expect(labels).toEqual(['Notes', 'Abstract', 'PDF', 'Code']);
    // mllm/towards-holistic-…: the entry links the abstract page and the code; only the PDF is new.
    const holistic = page('mllm/towards-holistic-fine-grained-and-faithful-evaluation')('article ul.links a');
    expect(holistic.last().attr('href')).toBe('https://arxiv.org/pdf/2412.00001v2');
    expect(holistic.length).toBe(entryAt('mllm/towards-holistic-fine-grained-and-faithful-evaluation').data.links.length + 1);
  });

  it('leaves the authors, date and venue out of the facts list, which the byline says', () => {
    for (const entry of withRecord) {
      const $ = page(keyOf(entry));
      const terms = $('dl.facts dt')
        .map((_, dt) => text($(dt).text()))
        .get();
      expect(terms, keyOf(entry)).not.toContain('Authors');
      expect(terms).not.toContain('Venue');
      expect(terms).not.toContain('Published');
    }
  });
});

describe('a paper without a record', () => {
  it('looks as before records: title alone in its header, the links after the note, no record parts', () => {
    for (const entry of withoutRecord) {
      const $ = page(keyOf(entry));
      expect($('article .byline, article .abstract, article .more-authors').length, keyOf(entry)).toBe(0);
      expect($('article header').children().length).toBe(1);
      const order = $('article')
        .children()
        .map((_, child) => child.tagName + (child.attribs.class ? `.${child.attribs.class.split(' ')[0]}` : ''))
        .get();
      expect(order.slice(0, 2), keyOf(entry)).toEqual(['nav.breadcrumbs', 'header']);
      expect(order.indexOf('ul.links'), keyOf(entry)).toBe(order.indexOf('dl.facts') - 1);
    }
    // benchmarks/2407.07053: an entry's own authors, venue and date stay in its facts list.
    const $ = page('benchmarks/2407.07053');
    const terms = $('dl.facts dt')
      .map((_, dt) => text($(dt).text()))
      .get();
    expect(terms).toEqual(expect.arrayContaining(['Published', 'Venue', 'Authors']));
  });

  it('has no empty element on any paper page, with a record or without', () => {
    for (const entry of entries) {
      const $ = page(keyOf(entry));
      const empty = $('article *')
        .filter((_, element) => {
          const node = $(element);
          if (['br', 'img', 'hr', 'input', 'source', 'col', 'wbr'].includes(element.tagName)) return false;
          // A script, the copy button's live region (filled when it speaks), search filters and
          // anchors are empty by design.
          if (node.is('script, [role="status"]')) return false;
          if (node.is('[data-pagefind-filter], [data-pagefind-meta], [id]:not(:has(*))') && !node.is('p, ul, dd, div'))
            return false;
          return node.children().length === 0 && node.text().trim() === '';
        })
        .map((_, element) => $.html(element))
        .get();
      expect(empty, keyOf(entry)).toEqual([]);
    }
  });
});

describe('listings', () => {
  const cardByline = (sitePath: string, id: string) => {
    const $ = page(sitePath);
    return $(`article.paper-card[data-id="${id}"] .meta .byline`).text();
  };

  it('name the first author and the year of a paper with a record, and nothing more of one without', () => {
    expect(cardByline('mllm', '2409.12191')).toBe('Wang et al., 2024');
    expect(cardByline('survey', '2509.02547')).toBe('Zhang, 2025');
    // The entry's authors and month win: "Aarav Venkataraman-Oyelaran", 2024-11.
    expect(cardByline('mllm', 'towards-holistic-fine-grained-and-faithful-evaluation')).toBe(
      'Venkataraman-Oyelaran et al., 2024',
    );
    expect(cardByline('mllm-alignment', '2405.17220')).toBe('Yu et al., 2024');
    for (const entry of withoutRecord.filter((other) => other.section === 'mllm'))
      expect(page('mllm')(`article.paper-card[data-id="${entry.id}"] .byline`).length, entry.id).toBe(0);
  });

  it('name them on tag views and the home page too', () => {
    // mllm/2409.12191 is tagged "high resolution".
    expect(page('tags/high-resolution')('article.paper-card .byline').text()).toContain('Wang et al., 2024');
    const home = page('');
    const newest = home('article.paper-card').first();
    const entry = entries.find((candidate) => newest.find('a').attr('href') === `/${keyOf(candidate)}/`)!;
    expect(newest.find('.byline').length).toBe(records.has(keyOf(entry)) ? 1 : 0);
  });
});
