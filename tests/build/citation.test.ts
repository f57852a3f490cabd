import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { contentEntries, contentRecords } from '../helpers/content';
import { DIST } from '../setup/dist';

/* The cite block of every paper page against the /data/ citation files and the records. */
const records = contentRecords();
const entries = contentEntries().map((entry) => ({ ...entry, record: records.get(`${entry.section}/${entry.id}`) }));
const read = (file: string) => readFileSync(path.join(DIST, file), 'utf8');
const page = (entry: { section: string; id: string }) => load(read(`${entry.section}/${entry.id}/index.html`));
const byKey = (text: string, keyOf: (record: string) => string) =>
  new Map(
    text
      .split(/\n\n(?=@|TY {2}- )/)
      .map((record) => record.trim())
      .map((record) => [keyOf(record), record]),
  );
const bibRecords = byKey(read('data/papers.bib'), (record) => /^@\w+\{([^,]+),/.exec(record)![1]!);
const risRecords = byKey(read('data/papers.ris'), (record) => /^ID {2}- (.*)$/m.exec(record)![1]!);
const parsed = (bibtex: string) => {
  const library = parseBibtex(bibtex, { english: false });
  expect(library.errors).toEqual([]);
  return library.entries[0]!;
};
const entry = (section: string, id: string) => entries.find((e) => e.section === section && e.id === id)!;

describe('the cite block of paper pages', () => {
  it('every paper page cites its paper: the BibTeX of papers.bib, closed, with links to every format', () => {
    for (const paper of entries) {
      const $ = page(paper);
      const key = $('details.cite[data-cite]').attr('data-cite')!;
      expect(key, paper.id).toBeTruthy();
      expect($('details.cite').attr('open')).toBeUndefined();
      expect($('#bibtex').text(), paper.id).toBe(bibRecords.get(key));
      expect(risRecords.has(key), paper.id).toBe(true);
      const files = $('details.cite .cite-files a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(files).toEqual(['/data/papers.bib', '/data/papers.ris', '/data/papers.csl.json']);
    }
  });

  it('says when no author is known, and only then', () => {
    let incomplete = 0;
    for (const paper of entries) {
      const $ = page(paper);
      const known = /^\s+author = /m.test($('#bibtex').text());
      expect($('[data-cite-incomplete]').length, paper.id).toBe(known ? 0 : 1);
      incomplete += known ? 0 : 1;
      // an entry's or its record's authors always reach the citation
      if (paper.data.authors?.length || paper.record?.authors.length) expect(known, paper.id).toBe(true);
    }
    expect(incomplete, 'the fixture has papers with no authors known').toBeGreaterThan(0);
  });

  it('cites all fifty authors of a record, in order, with its eprint and primary class', () => {
    const glm = entry('reasoning', 'glm-4-5');
    const cited = parsed(page(glm)('#bibtex').text());
    expect(glm.record!.authors).toHaveLength(50);
    expect(cited.fields.author!.map((name) => `${name.firstName} ${name.lastName}`)).toEqual(glm.record!.authors);
    expect([cited.fields.eprint, cited.fields.archiveprefix, cited.fields.primaryclass]).toEqual([
      glm.record!.arxiv!.replace(/v\d+$/, ''),
      'arXiv',
      glm.record!.category,
    ]);
  });

  it('writes accented and CJK names so they parse back as written, and the record venue as booktitle', () => {
    const rlaifv = entry('mllm-alignment', '2405.17220');
    const text = page(rlaifv)('#bibtex').text();
    expect(text).toContain("Mu{\\~n}oz-P{\\'e}rez");
    const cited = parsed(text);
    const names = cited.fields.author!.map((name) =>
      [name.lastName, name.firstName, name.name].map((part) => part?.normalize('NFC')),
    );
    expect(names).toContainEqual(['Muñoz-Pérez', 'José Ángel', undefined]);
    expect(names).toContainEqual(['Brontë-Łukasiewicz', 'Zoë', undefined]);
    expect(names).toContainEqual([undefined, undefined, '余天予']);
    expect(names).toContainEqual(['山田', '花子', undefined]);
    expect(names).toHaveLength(rlaifv.record!.authors.length);
    expect([cited.type, cited.fields.booktitle, cited.fields.year]).toEqual(['inproceedings', 'CVPR 2025', '2025']);
  });
});
