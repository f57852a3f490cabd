import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { CSV_COLUMNS } from '../../src/lib/data/data-export';
import { arxivIdsOf, paperKeys } from '../../src/lib/data/same-paper';
import { loadSections } from '../../src/lib/content/sections';
import { RECORD_FIELD_ORDER } from '../../src/schemas/record';
import { contentEntries, contentRecords } from '../helpers/content';
import { DIST } from '../setup/dist';

/* The downloadable data of the build against the content: every entry, every field, nothing more. */
const records = contentRecords();
const entries = contentEntries().map((entry) => ({ ...entry, record: records.get(`${entry.section}/${entry.id}`) }));
const sections = loadSections();
const read = (file: string) => readFileSync(path.join(DIST, file), 'utf8');
const key = (section: string, id: string) => `${section}/${id}`;
const pageExists = (url: string) => existsSync(path.join(DIST, new URL(url).pathname, 'index.html'));

/** RFC 4180 rows (quoted fields with doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') (row.push(field), (field = ''));
    else if (char === '\r' && text[i + 1] === '\n') {
      (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    } else field += char;
  }
  expect(field, 'the file ends with CRLF').toBe('');
  return rows;
}

describe('/data/', () => {
  const file = JSON.parse(read('data/papers.json'));

  it('papers.json validates against the published papers.schema.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(read('data/papers.schema.json')));
    expect(validate(file), ajv.errorsText(validate.errors)).toBe(true);
    // and the schema rejects what breaks the API
    expect(validate({ ...file, papers: [{ ...file.papers[0], titel: 'x' }] })).toBe(false);
    expect(validate({ ...file, papers: [{ ...file.papers[0], section: undefined }] })).toBe(false);
    const withRecord = file.papers.find((paper: { record?: unknown }) => paper.record);
    expect(withRecord, 'the fixture has papers with records').toBeDefined();
    expect(validate({ ...file, papers: [{ ...withRecord, record: { ...withRecord.record, athors: [] } }] })).toBe(false);
    expect(file.version).toBe(2);
  });

  it('papers.json holds exactly the entries, with all their fields and their records', () => {
    expect(file.count).toBe(entries.length);
    const byKey = new Map(file.papers.map((paper: { section: string; id: string }) => [key(paper.section, paper.id), paper]));
    expect(byKey.size).toBe(entries.length);
    for (const entry of entries) {
      const record = byKey.get(key(entry.section, entry.id)) as Record<string, unknown>;
      expect(record, key(entry.section, entry.id)).toBeDefined();
      const { section, id, url, record: scholarly, ...fields } = record;
      expect(fields).toEqual(JSON.parse(JSON.stringify(entry.data)));
      expect(scholarly).toEqual(entry.record && JSON.parse(JSON.stringify(entry.record)));
      expect(new URL(url as string).pathname.endsWith(`/${section}/${id}/`)).toBe(true);
      expect(pageExists(url as string), url as string).toBe(true);
    }
  });

  it('papers.csv has a header and one row per entry, with the same values', () => {
    const [header, ...rows] = parseCsv(read('data/papers.csv'));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(entries.length);
    const byKey = new Map(
      rows.map((row) => [key(row[0]!, row[1]!), Object.fromEntries(header!.map((name, i) => [name, row[i]!]))]),
    );
    for (const entry of entries) {
      const row = byKey.get(key(entry.section, entry.id))!;
      expect(row.title).toBe(entry.data.title);
      expect(row.note).toBe(entry.data.note ?? '');
      expect(row.added).toBe(entry.data.added);
      expect(row.tags).toBe((entry.data.tags ?? []).join('; '));
      expect(row.links).toBe(entry.data.links.map((link) => `${link.kind} ${link.url}`).join('; '));
      for (const field of RECORD_FIELD_ORDER) {
        const value = entry.record?.[field];
        expect(row[`record_${field}`], `${entry.id} record_${field}`).toBe(
          Array.isArray(value) ? value.join('; ') : (value ?? ''),
        );
      }
    }
  });

  // One citation per paper: entries of one paper in several sections share it, and its key.
  const sameKeys = paperKeys(entries.map((entry) => entry.data));
  const groups = [...Map.groupBy(entries, (_, index) => sameKeys[index]!).values()];
  const citeKeyOf = (entry: { section: string; id: string }) =>
    load(read(`${entry.section}/${entry.id}/index.html`))('[data-cite]').attr('data-cite')!;
  const bib = parseBibtex(read('data/papers.bib'), { english: false });
  const bibByKey = new Map(bib.entries.map((entry) => [entry.key, entry]));
  const ris = new Map(
    read('data/papers.ris')
      .split(/^ER {2}- $/m)
      .map((record) => record.trim())
      .filter(Boolean)
      .map((record) => [/^ID {2}- (.*)$/m.exec(record)![1]!, record]),
  );
  const risTags = (key: string, tag: string) =>
    [...ris.get(key)!.matchAll(new RegExp(`^${tag} {2}- (.*)$`, 'gm'))].map((match) => match[1]);
  /** The entry of a paper a citation was made from: the one whose title it carries, the most complete of such. */
  const citedEntry = (group: typeof entries) => {
    const titled = group.filter((entry) => entry.data.title === risTags(citeKeyOf(group[0]!), 'TI')[0]);
    return titled.find((entry) => entry.record) ?? titled.find(arxivOf) ?? titled[0]!;
  };
  const namesOf = (entry: (typeof entries)[number]) =>
    entry.data.authors?.length ? entry.data.authors : (entry.record?.authors ?? []);
  const arxivOf = (entry: (typeof entries)[number]) =>
    entry.data.arxiv ?? arxivIdsOf(entry.data)[0] ?? entry.record?.arxiv?.replace(/v\d+$/, '');

  it('papers.bib parses back with one record per paper, each with its authors, eprint and unique key', () => {
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(groups.length);
    expect(bibByKey.size).toBe(groups.length);
    expect(
      groups.some((group) => group.length > 1),
      'the fixture lists a paper in two sections',
    ).toBe(true);
    for (const group of groups) {
      // every entry of a paper cites it under one key
      const key = citeKeyOf(group[0]!);
      for (const entry of group) expect(citeKeyOf(entry), entry.id).toBe(key);
      const cited = citedEntry(group);
      expect(cited, key).toBeDefined();
      const fields = bibByKey.get(key)!.fields;
      expect(fields.eprint, cited.id).toBe(arxivOf(cited));
      // a paper is cited from an entry that has its arXiv id, when one does
      if (group.some(arxivOf)) expect(fields.eprint, cited.id).toBeDefined();
      expect(fields.primaryclass, cited.id).toBe(arxivOf(cited) ? cited.record?.category : undefined);
      expect(fields.author ?? [], cited.id).toHaveLength(namesOf(cited).length);
    }
  });

  it('papers.ris and papers.csl.json hold the same papers under the same keys, field by field', () => {
    const items = JSON.parse(read('data/papers.csl.json'));
    expect(ris.size).toBe(groups.length);
    expect(items.map((item: { id: string }) => item.id)).toEqual(bib.entries.map((entry) => entry.key));
    const itemByKey = new Map(items.map((item: { id: string }) => [item.id, item]));
    for (const group of groups) {
      const key = citeKeyOf(group[0]!);
      const cited = citedEntry(group);
      const item = itemByKey.get(key) as { title: string; author?: unknown[]; abstract?: string };
      expect(item.title, key).toBe(cited.data.title);
      expect(risTags(key, 'AU')).toHaveLength(namesOf(cited).length);
      expect(item.author ?? []).toHaveLength(namesOf(cited).length);
      expect(risTags(key, 'AB')).toEqual(cited.record?.abstract ? [cited.record.abstract] : []);
      expect(item.abstract).toBe(cited.record?.abstract);
    }
  });

  it('has an RSS and a JSON Feed per section holding its newest papers, and site-wide ones', () => {
    for (const section of sections) {
      const inSection = new Set(entries.filter((entry) => entry.section === section.id).map((entry) => entry.id));
      const $ = load(read(`data/feeds/${section.id}.xml`), { xml: true });
      const links = $('item > link')
        .map((_, link) => $(link).text())
        .get();
      expect(links.length).toBe(Math.min(inSection.size, 50));
      for (const link of links) expect(inSection.has(new URL(link).pathname.split('/').at(-2)!), link).toBe(true);
      const feed = JSON.parse(read(`data/feeds/${section.id}.json`));
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.items.map((item: { url: string }) => item.url)).toEqual(links);
      // announced in the section page's <head>
      const page = load(read(`${section.id}/index.html`));
      expect(page(`link[rel="alternate"][type="application/rss+xml"][href="/data/feeds/${section.id}.xml"]`)).toHaveLength(1);
      expect(page(`link[rel="alternate"][type="application/feed+json"][href="/data/feeds/${section.id}.json"]`)).toHaveLength(1);
    }
    const site = JSON.parse(read('feed.json'));
    expect(site.items.length).toBe(Math.min(entries.length, 50));
    expect(load(read('index.html'))('link[rel="alternate"][type="application/feed+json"][href="/feed.json"]')).toHaveLength(1);
  });

  it('is linked from the about page', () => {
    const $ = load(read('about/index.html'));
    const hrefs = $('[data-data-links] a')
      .map((_, a) => $(a).attr('href'))
      .get();
    for (const file of ['papers.json', 'papers.schema.json', 'papers.csv', 'papers.bib', 'papers.ris', 'papers.csl.json'])
      expect(hrefs).toContain(`/data/${file}`);
    for (const href of hrefs)
      expect(existsSync(path.join(DIST, href.endsWith('/') ? `${href}index.html` : href)), href).toBe(true);
  });
});
