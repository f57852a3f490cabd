import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, papersCsv, papersFile } from '../../../src/lib/data/data-export';
import { papersFileSchema } from '../../../src/schemas/data';
import type { Paper } from '../../../src/schemas/paper';
import type { PaperRecord } from '../../../src/schemas/record';

const paper = (extra: Partial<Paper> = {}): Paper => ({
  title: 'A "quoted", title',
  links: [{ kind: 'paper', url: 'https://arxiv.org/abs/2401.00001' }],
  added: '2024-05-01',
  ...extra,
});
const at = (data: Paper, id = 'x') => ({ section: 'mllm', id, url: `https://e.org/mllm/${id}/`, data });

describe('data export', () => {
  it('papers.json records validate against the schema they publish', () => {
    const file = papersFile([at(paper({ note: 'n', tags: ['a'] }))]);
    expect(papersFileSchema.parse(file)).toEqual(file);
    expect(file.papers[0]).toMatchObject({ section: 'mllm', id: 'x', url: 'https://e.org/mllm/x/', note: 'n' });
  });

  it('CSV quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    const csv = papersCsv([at(paper({ note: 'line one\nline two', tags: ['a', 'b'] }))]);
    const [, row] = csv.split('\r\n');
    expect(row).toBe(
      'mllm,x,https://e.org/mllm/x/,"A ""quoted"", title","line one\nline two",2024-05-01,,,,,a; b,,paper https://arxiv.org/abs/2401.00001,,,,,,,,,,,,,,,'.replace(
        '"line one\nline two"',
        '"line one\nline two"',
      ),
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  const record: PaperRecord = {
    source: 'arxiv',
    fetched: '2024-10-01',
    arxiv: '2401.00001v2',
    title: 'A "quoted", title',
    authors: ['Ada Lovelace', 'Charles Babbage'],
    abstract: 'We show, in one line.',
    category: 'cs.CV',
    url: 'https://arxiv.org/abs/2401.00001v2',
  };

  it('papers.json carries the record as one object, in the record file order, and the schema takes it', () => {
    const file = papersFile([{ ...at(paper()), record }, at(paper(), 'no-record')]);
    expect(papersFileSchema.parse(file)).toEqual(file);
    expect(file.version).toBe(2);
    expect(Object.keys(file.papers[0]!.record!)).toEqual([
      'source',
      'fetched',
      'arxiv',
      'title',
      'authors',
      'abstract',
      'category',
      'url',
    ]);
    expect(file.papers[1]).not.toHaveProperty('record');
    // a record that breaks its schema does not pass as data either
    expect(
      papersFileSchema.safeParse({ ...file, papers: [{ ...file.papers[0], record: { ...record, authors: 'x' } }] }).success,
    ).toBe(false);
  });

  it('CSV carries the record in record_ columns, lists joined with "; ", empty without a record', () => {
    const csv = papersCsv([{ ...at(paper()), record }, at(paper(), 'no-record')]);
    const [header, withRecord, without] = csv.split('\r\n');
    expect(header!.split(',').slice(-15)).toEqual([
      'record_source',
      'record_fetched',
      'record_arxiv',
      'record_doi',
      'record_openreview',
      'record_title',
      'record_authors',
      'record_abstract',
      'record_published',
      'record_updated',
      'record_category',
      'record_venue',
      'record_url',
      'record_pdf',
      'record_code',
    ]);
    expect(header!.split(',')).toEqual([...CSV_COLUMNS]);
    expect(
      withRecord!.endsWith(
        ',arxiv,2024-10-01,2401.00001v2,,,"A ""quoted"", title",Ada Lovelace; Charles Babbage,"We show, in one line.",,,cs.CV,,https://arxiv.org/abs/2401.00001v2,,',
      ),
    ).toBe(true);
    expect(without!.endsWith(',,,,,,,,,,,,,,,')).toBe(true);
  });
});
