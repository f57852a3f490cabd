import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

describe('npm run build’s search-index command (scripts/build-search-index.ts)', () => {
  /** Runs the command on `dir`; meanwhile, what its process is each time Pagefind runs as its child. */
  async function runCommandWatched(dir: string) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-search-index.ts', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const beside = new Set<string>();
    const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');
    const watch = setInterval(() => {
      try {
        const children = read(`/proc/${child.pid}/task/${child.pid}/children`).split(/\s+/).filter(Boolean);
        if (children.some((pid) => read(`/proc/${pid}/comm`).startsWith('pagefind'))) beside.add(read(`/proc/${child.pid}/comm`));
      } catch {
        // the process ended between two reads
      }
    }, 5);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(watch);
    return { code, output, beside };
  }

  it.runIf(process.platform === 'linux')(
    'leaves no Node process beside Pagefind: a shell takes its place, then writes the search files',
    async () => {
      // Enough pages for Pagefind to run a while on a busy machine, so that it is seen running.
      const pages = Object.fromEntries(
        Array.from({ length: 1500 }, (_, i) => [
          `survey/p${i}/index.html`,
          paperPage(`Paper ${i}`, '幻觉', `2024-01-${String((i % 28) + 1).padStart(2, '0')}`),
        ]),
      );
      const dir = site({ 'index.html': '<!doctype html><html lang="en"><body></body></html>', ...pages });
      const { code, output, beside } = await runCommandWatched(dir);
      expect(code, output).toBe(0);
      expect(output).toMatch(/\[search-index\] Search index: 1500 papers, in \d+ ms\./);
      expect(JSON.parse(readFileSync(path.join(dir, NEWEST_FIRST_PATH), 'utf8'))).toHaveLength(1500);
      expect([...beside], 'what ran Pagefind').toEqual(['sh']);
    },
    120_000,
  );

  it('exits 1 naming Pagefind when it fails, and writes no search file', async () => {
    // A built site without a single paper page: Pagefind finds nothing to index.
    const dir = site({ 'index.html': '<!doctype html><html lang="en"><body></body></html>' });
    const { code, output } = await runCommandWatched(dir);
    expect(code).toBe(1);
    expect(output).toMatch(/error: Pagefind failed \(exit code \d+\); its messages are above/);
    expect(existsSync(path.join(dir, NEWEST_FIRST_PATH))).toBe(false);
  }, 60_000);
});
