import { describe, expect, it } from 'vitest';
import { familyName, shortCitation } from '../../../src/lib/data/authors';
import { paperBylineHtml } from '../../../src/lib/render/paper-byline';
import { recordByline, recordView, sameTarget } from '../../../src/lib/data/paper-record';
import type { Paper } from '../../../src/schemas/paper';
import type { PaperRecord } from '../../../src/schemas/record';

/** How a record and its entry merge for the page and the listings (src/lib/data/paper-record.ts, authors.ts). */

const entry: Paper = {
  title: 'Qwen2-VL',
  links: [{ kind: 'notes', url: 'https://zhuanlan.zhihu.com/p/1' }],
  added: '2024-09-22',
};
const record: PaperRecord = {
  source: 'arxiv',
  fetched: '2026-12-01',
  arxiv: '2409.12191v2',
  title: 'Qwen2-VL',
  authors: ['Peng Wang', 'Shuai Bai', 'Sinan Tan'],
  published: '2024-09-18',
  updated: '2024-10-03',
  venue: 'arXiv preprint',
  url: 'https://arxiv.org/abs/2409.12191v2',
  pdf: 'https://arxiv.org/pdf/2409.12191v2',
  code: 'https://github.com/QwenLM/Qwen2-VL',
};

describe('familyName and shortCitation', () => {
  it.each([
    ['Peng Wang', 'Wang'],
    ['María José Fernández de la Cruz', 'de la Cruz'],
    ['Ludwig van der Berg', 'van der Berg'],
    ["O'Brien, Seán", "O'Brien"],
    ['余天予', '余天予'],
    ['Guibin Zhang', 'Zhang'],
    ['  Plato  ', 'Plato'],
  ])('%s → %s', (name, family) => expect(familyName(name)).toBe(family));

  it('names one, two, or the first of many authors, with the year when known', () => {
    expect(shortCitation(['Guibin Zhang'], '2025')).toBe('Zhang, 2025');
    expect(shortCitation(['Tianyu Yu', 'Haoye Zhang'], '2024')).toBe('Yu and Zhang, 2024');
    expect(shortCitation(['Peng Wang', 'Shuai Bai', 'Sinan Tan'])).toBe('Wang et al.');
    expect(shortCitation([], '2024')).toBeUndefined();
  });
});

describe('recordView', () => {
  it('takes the record where the entry says nothing', () => {
    const view = recordView(entry, record);
    expect(view).toMatchObject({
      authors: record.authors,
      published: '2024-09-18',
      updated: '2024-10-03',
      venue: 'arXiv preprint',
    });
    expect(view.links.map((link) => [link.label, link.url])).toEqual([
      ['Abstract', record.url],
      ['PDF', record.pdf],
      ['Code', record.code],
    ]);
  });

  it("lets the entry's authors, month and venue win", () => {
    const own = { ...entry, authors: ['A. Author'], published: '2024-08', venue: 'ICLR 2025' };
    expect(recordView(own, record)).toMatchObject({ authors: ['A. Author'], published: '2024-08', venue: 'ICLR 2025' });
    expect(recordByline(own, record)).toBe('Author, 2024');
    expect(recordByline(entry, undefined)).toBeUndefined();
  });

  it('gives no last version when there is one version', () => {
    expect(recordView(entry, { ...record, updated: undefined }).updated).toBeUndefined();
    expect(recordView(entry, { ...record, updated: record.published }).updated).toBeUndefined();
  });

  it('never repeats a link the entry has, whatever the version, scheme or case', () => {
    const links: Paper['links'] = [
      { kind: 'paper', url: 'http://www.arxiv.org/abs/2409.12191' },
      { kind: 'code', url: 'https://github.com/qwenlm/qwen2-vl.git' },
    ];
    expect(recordView({ ...entry, links }, record).links.map((link) => link.label)).toEqual(['PDF']);
    // The entry's arXiv id is linked from its facts list: the abstract page is not repeated.
    expect(recordView({ ...entry, arxiv: '2409.12191' }, record).links.map((link) => link.label)).toEqual(['PDF', 'Code']);
    // A PDF link is not the abstract page.
    const pdfOnly: Paper['links'] = [{ kind: 'paper', url: 'https://arxiv.org/pdf/2409.12191' }];
    expect(recordView({ ...entry, links: pdfOnly }, record).links.map((link) => link.label)).toEqual(['Abstract', 'Code']);
  });

  it('labels an OpenReview record by its forum, and knows the entry’s forum link', () => {
    const openreview: PaperRecord = {
      source: 'openreview',
      fetched: '2026-12-01',
      openreview: 'APDnmucgID',
      title: 'RPO',
      authors: ['Yueqin Yin'],
      url: 'https://openreview.net/forum?id=APDnmucgID',
      pdf: 'https://openreview.net/pdf?id=APDnmucgID',
    };
    expect(recordView(entry, openreview).links.map((link) => [link.kind, link.label])).toEqual([
      ['openreview', 'OpenReview'],
      ['paper', 'PDF'],
    ]);
    const forum: Paper['links'] = [{ kind: 'openreview', url: 'https://openreview.net/forum?id=APDnmucgID&noteId=x' }];
    expect(recordView({ ...entry, links: forum }, openreview).links.map((link) => link.label)).toEqual(['PDF']);
  });

  it('tells pages apart that only look alike', () => {
    expect(sameTarget('https://arxiv.org/abs/2409.12191v2')).toBe(sameTarget('https://arxiv.org/html/2409.12191'));
    expect(sameTarget('https://arxiv.org/abs/2409.12191')).not.toBe(sameTarget('https://arxiv.org/pdf/2409.12191'));
    expect(sameTarget('https://github.com/a/b/')).toBe(sameTarget('https://github.com/A/B'));
    expect(sameTarget('https://github.com/a/b')).not.toBe(sameTarget('https://github.com/a/bc'));
  });
});

describe('paperBylineHtml', () => {
  it('escapes names and writes nothing when it knows nothing', () => {
    const view = recordView(entry, { ...record, authors: ['<script>x</script> & Co'] });
    expect(paperBylineHtml(view)!.value).toContain('&lt;script&gt;x&lt;/script&gt; &amp; Co');
    expect(paperBylineHtml({ authors: [], links: [] })).toBeUndefined();
  });
});
