import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../scripts/lib/search-index/pagefind';
import { NEWEST_FIRST_PATH, PAGEFIND_DIR } from '../../../src/lib/routes';

/**
 * The search-index step on a site of a few hand-written pages, with the real Pagefind binary: what
 * it indexes (paper pages only, in the one Chinese-segmenting index, without the excluded
 * selectors), the files it writes beside Pagefind's, and how it fails.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'search-index-'));
  dirs.push(dir);
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}

const paperPage = (title: string, note: string, added: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article data-pagefind-body>` +
  `<h1 data-pagefind-meta="title">${title}</h1><p lang="zh-Hans">${note}</p>` +
  `<ul class="links"><li>arxiv.org</li></ul>` +
  `<dl class="facts"><dt>Added</dt><dd><time datetime="${added}" data-pagefind-meta="added[datetime]">${added}</time></dd></dl>` +
  `</article></body></html>`;

const quiet = { info: () => {} };

describe('the search index step', () => {
  it('indexes the paper pages only, in one Chinese index, and writes the date order beside it', async () => {
    const dir = site({
      'index.html': '<!doctype html><html lang="en"><body><h1>Home</h1></body></html>',
      'survey/index.html': paperPage('A listing page', '列表', '2024-01-01'),
      'survey/2401.00001/index.html': paperPage('Older Survey', '幻觉的综述', '2024-01-02'),
      'reasoning/2402.00002/index.html': paperPage('Newer Reasoning', '推理', '2024-02-03'),
    });
    const lines: string[] = [];
    expect(await buildSearchIndex(dir, { info: (line) => lines.push(line) })).toEqual({ papers: 2 });
    expect(lines).toEqual([expect.stringMatching(/^Search index: 2 papers, in \d+ ms\.$/)]);

    const bundle = path.join(dir, PAGEFIND_DIR);
    const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8'));
    // Only <section>/<id>/ pages are read (the listing at survey/ has a body too), all in "zh".
    expect(Object.keys(entry.languages)).toEqual(['zh']);
    expect(entry.languages.zh.page_count).toBe(2);
    const fragments = readdirSync(path.join(bundle, 'fragment')).map((name) =>
      gunzipSync(readFileSync(path.join(bundle, 'fragment', name))).toString('utf8'),
    );
    expect(fragments).toHaveLength(2);
    // The excluded selectors are left out of the text: the link chips' host would match every paper.
    // Chinese split into words (zero-width spaces between them): the "zh" index, the extended binary.
    expect(fragments.join('\n')).toContain('幻觉\u200b的\u200b综述');
    expect(fragments.join('\n')).not.toContain('arxiv.org');
    const newestFirst = JSON.parse(readFileSync(path.join(dir, NEWEST_FIRST_PATH), 'utf8')) as string[];
    expect(newestFirst).toHaveLength(2);
  });

  it('fails naming the markup when a paper page has lost it', async () => {
    // Without data-pagefind-body anywhere, Pagefind indexes whole pages, which carry no date.
    const dir = site({ 'survey/2401.00001/index.html': '<!doctype html><html lang="en"><body><p>no body</p></body></html>' });
    await expect(buildSearchIndex(dir, quiet)).rejects.toThrow(
      /no url or no "added" metadata \(data-pagefind-meta="added\[datetime\]"/,
    );
  });

  it('fails when Pagefind does, with its exit code', async () => {
    await expect(buildSearchIndex(site({}), quiet)).rejects.toThrow(/Pagefind failed \(exit code 1\)/);
  });
});
