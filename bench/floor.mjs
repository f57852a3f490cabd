// The benchmark's floor: the least a static build of this list can do, measured by `npm run bench`
// next to the site (scripts/lib/bench/floor.ts runs it). It reads the same content, writes one
// HTML page per paper and one per section with template strings (no framework, no Markdown,
// no validation), and is then indexed by the Pagefind CLI with the site's settings.
//   node bench/floor.mjs <content dir> <out dir>
// Plain JavaScript, run by node itself: no TypeScript loader or bundler sits between the floor and
// the work it measures. It escapes with the site's one escaper (src/lib/html.ts, which Node runs
// with its types stripped).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { escapeHtml } from '../src/lib/html.ts';

const [contentDir, outDir] = process.argv.slice(2);
if (!contentDir || !outDir) throw new Error('usage: node bench/floor.mjs <content dir> <out dir>');

const slug = (text) =>
  String(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;

/** A YAML entry, or an MDX entry's front matter and body; dates as written (the core schema, as the site reads them). */
function readEntry(file) {
  const text = readFileSync(file, 'utf8');
  const load = (source) => parse(source, { schema: 'core' });
  if (file.endsWith('.yaml')) return { data: load(text), body: '' };
  const end = text.indexOf('\n---', 4);
  return { data: load(text.slice(4, end)), body: text.slice(end + 4) };
}

function paperPage(section, data, body) {
  const fact = (label, value) => (value ? `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>` : '');
  const tags = (data.tags ?? [])
    .map((tag) => `<li><a href="/tags/${slug(tag)}/" data-pagefind-filter="tag:${slug(tag)}">#${escapeHtml(tag)}</a></li>`)
    .join('');
  return page(
    data.title,
    `<article data-pagefind-body>
<h1 data-pagefind-meta="title" data-pagefind-weight="10">${escapeHtml(data.title)}</h1>
${data.note ? `<p>${escapeHtml(data.note)}</p>` : ''}${body ? `<section>${escapeHtml(body)}</section>` : ''}
<ul class="links">${(data.links ?? []).map((link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.kind)}</a></li>`).join('')}</ul>
<dl class="facts">
<dt>Section</dt><dd data-pagefind-ignore><a href="/${section.id}/" data-pagefind-filter="section:${section.id}" data-pagefind-meta="section">${escapeHtml(section.title)}</a></dd>
<dt>Added</dt><dd data-pagefind-ignore><time datetime="${data.added}" data-pagefind-meta="added[datetime]" data-pagefind-filter="year:${String(data.added).slice(0, 4)}">${data.added}</time></dd>
${fact('Venue', data.venue)}${fact('Organisation', data.org)}${fact('Authors', data.authors?.join(', '))}${fact('arXiv', data.arxiv)}
${tags ? `<dt>Tags</dt><dd><ul>${tags}</ul></dd>` : ''}
</dl></article>`,
  );
}

rmSync(outDir, { recursive: true, force: true });
const sections = parse(readFileSync(path.join(contentDir, 'sections.yaml'), 'utf8'));
const home = [];
for (const section of sections) {
  const dir = path.join(contentDir, section.id);
  const cards = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(yaml|mdx?)$/.test(name)) continue;
    const id = name.replace(/\.[^.]+$/, '');
    const { data, body } = readEntry(path.join(dir, name));
    mkdirSync(path.join(outDir, section.id, id), { recursive: true });
    writeFileSync(path.join(outDir, section.id, id, 'index.html'), paperPage(section, data, body));
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
