// The benchmark's floor: the least a static build of this list can do, measured by `npm run bench`
// next to the site (scripts/lib/bench/steps.ts runs it). It reads the same content, writes one
// HTML page per paper and one per section with template strings (no framework, no Markdown,
// no validation), and is then indexed by the Pagefind CLI with the site's settings. A paper's
// scholarly record (records/<section>/<id>.yaml, src/schemas/record.ts), where it has one, adds
// what the site's paper page shows of it: authors and abstract (indexed below the title and note),
// the date, venue, arXiv id and the abstract page, PDF and code links; the entry's fields win.
// bench/astro-floor/ writes the same HTML with Astro, so keep the two in step (the bench checks).
//   node bench/floor.mjs <content dir> <out dir>
// Plain JavaScript, run by node itself: no TypeScript loader or bundler sits between the floor and
// the work it measures. It escapes with the site's one escaper (src/lib/render/html.ts, which Node runs
// with its types stripped).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { escapeHtml } from '../src/lib/render/html.ts';

const [contentDir, outDir] = process.argv.slice(2);
if (!contentDir || !outDir) throw new Error('usage: node bench/floor.mjs <content dir> <out dir>');

const slug = (text) =>
  String(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
/** Authors and abstract are indexed below the title and note, as the site indexes them. */
const RECORD_WEIGHT = '0.5';
const page = (title, body) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;

const load = (source) => parse(source, { schema: 'core' });

/** A YAML entry, or an MDX entry's front matter and body; dates as written (the core schema, as the site reads them). */
function readEntry(file) {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.yaml')) return { data: load(text), body: '' };
  const end = text.indexOf('\n---', 4);
  return { data: load(text.slice(4, end)), body: text.slice(end + 4) };
}

/** The paper's record (where openContentRoot().recordFile puts it), or undefined. */
function readRecord(section, id) {
  try {
    return load(readFileSync(path.join(contentDir, 'records', section, `${id}.yaml`), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

// One line of tags, no white space between them: Astro drops it too (bench/astro-floor/).
function paperPage(section, data, body, record) {
  const fact = (label, value) => (value ? `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>` : '');
  const link = (url, label) => `<li><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></li>`;
  const tags = (data.tags ?? [])
    .map((tag) => `<li><a href="/tags/${slug(tag)}/" data-pagefind-filter="tag:${slug(tag)}">#${escapeHtml(tag)}</a></li>`)
    .join('');
  const authors = data.authors ?? record?.authors;
  return page(
    data.title,
    `<article data-pagefind-body>` +
      `<h1 data-pagefind-meta="title" data-pagefind-weight="10">${escapeHtml(data.title)}</h1>` +
      (data.note ? `<p>${escapeHtml(data.note)}</p>` : '') +
      (authors?.length
        ? `<p class="authors" data-pagefind-weight="${RECORD_WEIGHT}">${escapeHtml(authors.join(', '))}</p>`
        : '') +
      (body ? `<section>${escapeHtml(body)}</section>` : '') +
      (record?.abstract
        ? `<section class="abstract" lang="en" data-pagefind-weight="${RECORD_WEIGHT}"><p>${escapeHtml(record.abstract)}</p></section>`
        : '') +
      `<ul class="links">${(data.links ?? []).map((item) => link(item.url, item.kind)).join('')}` +
      (record
        ? link(record.url, 'abstract') +
          (record.pdf ? link(record.pdf, 'PDF') : '') +
          (record.code ? link(record.code, 'code') : '')
        : '') +
      `</ul><dl class="facts">` +
      `<dt>Section</dt><dd data-pagefind-ignore><a href="/${section.id}/" data-pagefind-filter="section:${section.id}" data-pagefind-meta="section">${escapeHtml(section.title)}</a></dd>` +
      `<dt>Added</dt><dd data-pagefind-ignore><time datetime="${data.added}" data-pagefind-meta="added[datetime]" data-pagefind-filter="year:${String(data.added).slice(0, 4)}">${data.added}</time></dd>` +
      fact('Published', data.published ?? record?.published) +
      fact('Venue', data.venue ?? record?.venue) +
      fact('Organisation', data.org) +
      fact('arXiv', data.arxiv ?? record?.arxiv) +
      (tags ? `<dt>Tags</dt><dd><ul>${tags}</ul></dd>` : '') +
      `</dl></article>`,
  );
}

rmSync(outDir, { recursive: true, force: true });
const sections = parse(readFileSync(path.join(contentDir, 'sections.yaml'), 'utf8')).sort((a, b) => a.order - b.order);
const home = [];
for (const section of sections) {
  const dir = path.join(contentDir, section.id);
  const cards = [];
  // By id (the file name without extension), as the Astro floor sorts its entries.
  const files = readdirSync(dir)
    .filter((name) => /\.(yaml|mdx?)$/.test(name))
    .map((name) => ({ name, id: name.replace(/\.[^.]+$/, '') }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const { name, id } of files) {
    const { data, body } = readEntry(path.join(dir, name));
    mkdirSync(path.join(outDir, section.id, id), { recursive: true });
    writeFileSync(path.join(outDir, section.id, id, 'index.html'), paperPage(section, data, body, readRecord(section.id, id)));
    cards.push(
      `<li><a href="/${section.id}/${id}/">${escapeHtml(data.title)}</a>${data.note ? ` — ${escapeHtml(data.note)}` : ''}</li>`,
    );
  }
  writeFileSync(
    path.join(outDir, section.id, 'index.html'),
    page(section.title, `<h1>${escapeHtml(section.title)}</h1><ul>${cards.join('')}</ul>`),
  );
  home.push(`<li><a href="/${section.id}/">${escapeHtml(section.title)}</a> (${cards.length})</li>`);
}
writeFileSync(path.join(outDir, 'index.html'), page('Reading list', `<ul>${home.join('')}</ul>`));
