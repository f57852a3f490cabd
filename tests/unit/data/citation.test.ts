import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { arxivYear, citationsOf, citedVenue, listCitations, type CitationSource } from '../../../src/lib/data/citation';
import { bibtexFile, bibtexRecord, bibtexText, cslJsonFile, risFile } from '../../../src/lib/data/citation-formats';
import { parsePersonName } from '../../../src/lib/data/person-name';
import type { PaperRecord } from '../../../src/schemas/record';

const record = (extra: Partial<PaperRecord> = {}): PaperRecord => ({
  source: 'arxiv',
  fetched: '2024-10-01',
  arxiv: '2409.12191v2',
  title: 'Qwen2-VL',
  authors: ['Peng Wang', 'Shuai Bai'],
  published: '2024-09-18',
  category: 'cs.CV',
  url: 'https://arxiv.org/abs/2409.12191v2',
  ...extra,
});
const source = (extra: Partial<CitationSource> = {}): CitationSource => ({ title: 'A Paper', links: [], ...extra });
/** Parses BibTeX back with Better BibTeX's parser, failing on any error it reports. */
function parseBack(bib: string) {
  const library = parse(bib, {
    english: false,
    unsupported: (_, tex) => {
      throw new Error(`unsupported ${tex}`);
    },
  });
  expect(library.errors).toEqual([]);
  return library.entries;
}

describe('citation: BibTeX', () => {
  it('writes an arXiv preprint as arXiv does: @misc with eprint, archivePrefix, primaryClass, year and month', () => {
    const [entry] = parseBack(
      bibtexFile(citationsOf([source({ title: 'Qwen2-VL: Seeing', arxiv: '2409.12191', record: record() })])),
    );
    expect(entry!.type).toBe('misc');
    expect(entry!.key).toBe('wang2024qwen2vl');
    expect(entry!.fields).toMatchObject({
      title: 'Qwen2-VL: Seeing',
      year: '2024',
      month: '9',
      eprint: '2409.12191',
      archiveprefix: 'arXiv',
      primaryclass: 'cs.CV',
      url: 'https://arxiv.org/abs/2409.12191',
    });
    expect(entry!.fields.author!.map(({ lastName, firstName }) => [lastName, firstName])).toEqual([
      ['Wang', 'Peng'],
      ['Bai', 'Shuai'],
    ]);
  });

  it('escapes { } % & $ # _ \\ ~ ^ so the title parses back exactly', () => {
    const title = 'R&D: 100% of $x_1$ {braces} #1 \\ ~ ^ done';
    const bib = bibtexFile(citationsOf([source({ title })]));
    expect(bib).not.toMatch(/[^\\]([%&$#_])/); // every one of them escaped
    expect(parseBack(bib)[0]!.fields.title).toBe(title);
  });

  it('writes accented, particle and CJK names in Last, First form that round-trips', () => {
    const authors = [
      'José García Márquez',
      'Aäron van den Oord',
      'Jiří Matas',
      '王鹏',
      '王 鹏',
      'Martin Luther King Jr.',
      'Naïve Ünal',
    ];
    const bib = bibtexFile(citationsOf([source({ title: 'Names', authors })]));
    expect(bib).toMatch(/^[\x00-\x7f王鹏]*$/); // ASCII LaTeX accents; Chinese characters stay as written
    const creators = parseBack(bib)[0]!.fields.author!;
    const nfc = (text?: string) => text?.normalize('NFC');
    expect(creators.map((c) => [c.prefix, c.lastName, c.firstName, c.suffix, c.name].map(nfc))).toEqual([
      [undefined, 'Márquez', 'José García', undefined, undefined],
      ['van den', 'Oord', 'Aäron', undefined, undefined],
      [undefined, 'Matas', 'Jiří', undefined, undefined],
      [undefined, undefined, undefined, undefined, '王鹏'], // one unsplittable name, not "鹏, 王"
      [undefined, '王', '鹏', undefined, undefined], // family name first
      [undefined, 'King', 'Martin Luther', 'Jr.', undefined],
      [undefined, 'Ünal', 'Naïve', undefined, undefined],
    ]);
  });

  it('cites a conference paper as @inproceedings of the conference, in its year, and a journal as @article', () => {
    const [iclr, tpami, workshop] = parseBack(
      bibtexFile(
        citationsOf([
          source({ title: 'Late', venue: 'ICLR 2025 Poster', arxiv: '2409.12191', record: record() }),
          source({
            title: 'Journal',
            record: record({ venue: 'IEEE TPAMI 45(3), 2023', arxiv: undefined, source: 'openreview', openreview: 'abc' }),
          }),
          source({ title: 'Workshop', venue: 'CVPR 2024 Workshop on Foundation Models' }),
        ]),
      ),
    );
    expect([iclr!.type, iclr!.fields.booktitle, iclr!.fields.year, iclr!.fields.month]).toEqual([
      'inproceedings',
      'ICLR 2025',
      '2025',
      undefined,
    ]);
    expect(iclr!.fields.eprint).toBe('2409.12191');
    expect([tpami!.type, tpami!.fields.journal]).toEqual(['article', 'IEEE TPAMI 45(3), 2023']);
    expect([workshop!.type, workshop!.fields.booktitle]).toEqual(['inproceedings', 'CVPR 2024 Workshop on Foundation Models']);
  });

  it('takes authors, venue and date from the entry first, then the record; the DOI from the record', () => {
    const [entry] = parseBack(
      bibtexFile(
        citationsOf([
          source({ authors: ['Ada Lovelace'], published: '2023-05', record: record({ doi: '10.1145/12_34', venue: 'Nature' }) }),
        ]),
      ),
    );
    expect(entry!.fields.author!.map((c) => c.lastName)).toEqual(['Lovelace']);
    expect([entry!.fields.year, entry!.fields.month, entry!.fields.journal, entry!.fields.doi]).toEqual([
      '2023',
      '5',
      'Nature',
      '10.1145/12_34',
    ]);
  });

  it('gives a paper with neither an arXiv id nor a record what is known, without inventing a URL from a reading note', () => {
    const [citation] = citationsOf([
      source({ title: '多模态 Survey', links: [{ kind: 'notes', url: 'https://zhuanlan.zhihu.com/p/1' }] }),
    ]);
    expect(citation!.hasAuthors).toBe(false);
    expect(bibtexRecord(citation!)).toBe('@misc{survey,\n  title = {多模态 Survey}\n}');
  });

  it('keys papers stably: a shared key goes plain to the oldest and b, c to the others, whatever the order', () => {
    const papers = [
      source({ title: 'Vision Later', authors: ['Peng Wang'], published: '2024-11' }),
      source({ title: 'Vision Early', authors: ['Peng Wang'], published: '2024-02' }),
      source({ title: 'Vision Middle', authors: ['Peng Wang'], published: '2024-06' }),
    ];
    const keyOf = (list: CitationSource[]) => new Map(citationsOf(list).map((c) => [c.csl.title, c.key]));
    const expected = new Map([
      ['Vision Early', 'wang2024vision'],
      ['Vision Middle', 'wang2024visionb'],
      ['Vision Later', 'wang2024visionc'],
    ]);
    expect(keyOf(papers)).toEqual(expected);
    expect(keyOf([...papers].reverse())).toEqual(expected);
    const keys = parseBack(bibtexFile(citationsOf(papers))).map((entry) => entry.key);
    expect(new Set(keys).size).toBe(3);
  });

  it('writes accents the LaTeX way and keeps other scripts as they are', () => {
    expect(bibtexText('Jiří Ünal, Gödel ß ø 多模态 — α')).toBe('Ji{\\v r}{\\\'i} {\\"U}nal, G{\\"o}del {\\ss} {\\o} 多模态 — α');
  });

  it('gives one citation per paper: the same paper in two sections once, from its first entry', () => {
    const entry = (key: string, title: string, section = 'a') => ({
      key,
      data: { title, links: [], added: '2024-01-01' },
      section,
    });
    const citations = listCitations([entry('p1', 'First'), entry('p2', 'Second'), entry('p1', 'First again', 'b')]);
    expect([...citations.keys()]).toEqual(['p1', 'p2']);
    expect(citations.get('p1')!.csl.title).toBe('First');
  });

  it('reads the year an arXiv id was submitted in', () => {
    expect(arxivYear('2409.12191')).toBe(2024);
    expect(arxivYear('hep-th/9901001')).toBe(1999);
  });

  it('reads what a venue says', () => {
    expect(citedVenue('Neurips2024')).toEqual({ booktitle: 'NeurIPS 2024', year: 2024 });
    expect(citedVenue('Accepted to CVPR 2024 (Highlight)')).toEqual({ booktitle: 'CVPR 2024', year: 2024 });
    expect(citedVenue('Submitted to ICLR 2025')).toBeUndefined();
    expect(citedVenue('arXiv')).toBeUndefined();
    expect(citedVenue('Technical Report')).toBeUndefined();
    // an entry's "arXiv" leaves the record's venue to say where it appeared
    const [cited] = citationsOf([source({ venue: 'arXiv', record: record({ venue: 'CVPR 2025' }) })]);
    expect(cited!.csl['container-title']).toBe('CVPR 2025');
  });
});

describe('citation: RIS and CSL-JSON', () => {
  const citations = citationsOf([
    source({
      title: 'Qwen2-VL',
      arxiv: '2409.12191',
      record: record({ authors: ['Aäron van den Oord', '王鹏'], abstract: 'We present Qwen2-VL.', doi: '10.1/x' }),
    }),
    source({ title: 'Conf', authors: ['Ada Lovelace'], venue: 'ICLR 2025' }),
  ]);

  it('RIS: one record per paper, field by field', () => {
    const records = risFile(citations)
      .split(/^ER {2}- ?$/m)
      .map((text) => text.trim())
      .filter(Boolean);
    expect(records).toHaveLength(2);
    const lines = (text: string, tag: string) =>
      text
        .split(/\r?\n/)
        .filter((line) => line.startsWith(`${tag}  - `))
        .map((line) => line.slice(6));
    expect(lines(records[0]!, 'TY')).toEqual(['UNPB']);
    expect(lines(records[0]!, 'TI')).toEqual(['Qwen2-VL']);
    expect(lines(records[0]!, 'AU')).toEqual(['van den Oord, Aäron', '王鹏']);
    expect(lines(records[0]!, 'AB')).toEqual(['We present Qwen2-VL.']);
    expect(lines(records[0]!, 'DO')).toEqual(['10.1/x']);
    expect(lines(records[0]!, 'UR')).toEqual(['https://arxiv.org/abs/2409.12191']);
    expect(lines(records[0]!, 'DA')).toEqual(['2024/09/18/']);
    expect(lines(records[0]!, 'PY')).toEqual(['2024']);
    expect(lines(records[0]!, 'PB')).toEqual(['arXiv']);
    expect(lines(records[0]!, 'AN')).toEqual(['arXiv:2409.12191']);
    expect(lines(records[0]!, 'ID')).toEqual(['oord2024qwen2vl']);
    expect(lines(records[1]!, 'TY')).toEqual(['CONF']);
    expect(lines(records[1]!, 'T2')).toEqual(['ICLR 2025']);
    expect(lines(records[1]!, 'AU')).toEqual(['Lovelace, Ada']);
  });

  it('CSL-JSON: items Zotero reads, with split names, dates and the arXiv id', () => {
    const [preprint, conference] = JSON.parse(cslJsonFile(citations));
    expect(preprint).toEqual({
      id: 'oord2024qwen2vl',
      type: 'article',
      title: 'Qwen2-VL',
      author: [{ family: 'Oord', given: 'Aäron', 'non-dropping-particle': 'van den' }, { literal: '王鹏' }],
      issued: { 'date-parts': [[2024, 9, 18]] },
      publisher: 'arXiv',
      number: 'arXiv:2409.12191',
      DOI: '10.1/x',
      URL: 'https://arxiv.org/abs/2409.12191',
      abstract: 'We present Qwen2-VL.',
    });
    expect(conference).toMatchObject({
      type: 'paper-conference',
      'container-title': 'ICLR 2025',
      issued: { 'date-parts': [[2025]] },
    });
  });

  it('splits names: Western through citation-js, East Asian family name first', () => {
    expect(parsePersonName('Wang, Peng')).toEqual({ family: 'Wang', given: 'Peng' });
    expect(parsePersonName('Yann LeCun')).toEqual({ family: 'LeCun', given: 'Yann' });
    expect(parsePersonName('Da Yin')).toEqual({ family: 'Yin', given: 'Da' }); // not the particle "da"
    expect(parsePersonName('Di Wu')).toEqual({ family: 'Wu', given: 'Di' });
    expect(parsePersonName('Qingsong Ma')).toEqual({ family: 'Ma', given: 'Qingsong' }); // "Ma" is not a degree
    expect(parsePersonName('김 민수')).toEqual({ family: '김', given: '민수' });
    expect(parsePersonName('DeepSeek-AI')).toEqual({ family: 'DeepSeek-AI' }); // a team: one part, never split
    expect(bibtexFile(citationsOf([source({ authors: ['DeepSeek-AI', 'Qwen Team'] })]))).toContain(
      'author = {DeepSeek-AI and Team, Qwen}',
    );
  });
});
