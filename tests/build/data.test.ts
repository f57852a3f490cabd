import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/lib/data-export';
import { arxivIdsOf } from '../../src/lib/same-paper';
import { loadSections } from '../../src/lib/sections';
import { contentEntries } from '../helpers/content';
import { DIST } from '../setup/dist';

/* The downloadable data of the build against the content: every entry, every field, nothing more. */
const entries = contentEntries();
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
  });

  it('papers.json holds exactly the entries, with all their fields', () => {
    expect(file.count).toBe(entries.length);
    const byKey = new Map(file.papers.map((paper: { section: string; id: string }) => [key(paper.section, paper.id), paper]));
    expect(byKey.size).toBe(entries.length);
    for (const entry of entries) {
      const record = byKey.get(key(entry.section, entry.id)) as Record<string, unknown>;
      expect(record, key(entry.section, entry.id)).toBeDefined();
      const { section, id, url, ...fields } = record;
      expect(fields).toEqual(JSON.parse(JSON.stringify(entry.data)));
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
    }
  });

  it('papers.bib has one record per paper with an arXiv id, balanced braces, unique keys', () => {
    const text = read('data/papers.bib');
    const records = text.split(/\n(?=@)/).filter((record) => record.trim());
    const arxivIds = new Set(entries.map((entry) => entry.data.arxiv ?? arxivIdsOf(entry.data)[0]).filter(Boolean));
    expect(records).toHaveLength(arxivIds.size);
    const keys = records.map((record) => /^@(misc|inproceedings)\{([^,]+),/.exec(record)?.[2]);
    expect(new Set(keys).size).toBe(records.length);
    for (const record of records) {
      const depth = [...record].reduce((d, c, i) => (record[i - 1] === '\\' ? d : c === '{' ? d + 1 : c === '}' ? d - 1 : d), 0);
      expect(depth, record).toBe(0);
      expect(arxivIds.has(/eprint = \{([^}]+)\}/.exec(record)![1]!)).toBe(true);
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
    for (const file of ['papers.json', 'papers.schema.json', 'papers.csv', 'papers.bib'])
      expect(hrefs).toContain(`/data/${file}`);
    for (const href of hrefs)
      expect(existsSync(path.join(DIST, href.endsWith('/') ? `${href}index.html` : href)), href).toBe(true);
  });
});
