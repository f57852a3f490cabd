import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCounts, compareCounts, COUNT_SOURCES, indexedIds, paperOfSitePath } from '../../scripts/lib/checks/check-counts';
import { contentRoot } from '../../src/lib/paths';
import { contentEntries } from '../helpers/content';
import { runScript } from '../helpers/run';
import { loadPagefind } from '../helpers/pagefind';
import { DIST, SUBPATH_BASE, SUBPATH_DIST } from '../setup/dist';

const sortedIds = (ids: ReadonlyMap<string, readonly string[]>) =>
  [...ids].flatMap(([section, list]) => list.map((id) => `${section}/${id}`)).sort();

const checkCountsCli = (...args: string[]) => runScript('scripts/check-counts.ts', args);

/** A copy of the build to break on purpose. */
function copyOfDist(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'counts-dist-'));
  cpSync(DIST, copy, { recursive: true });
  return copy;
}

describe('nothing lost between the content and the build', () => {
  it('has, per section, as many entry files as paper pages, search records and exported list entries', () => {
    const report = checkCounts({ contentDir: contentRoot(), dist: DIST });
    expect(report.problems).toEqual([]);
    const entries = contentEntries();
    for (const source of COUNT_SOURCES) {
      expect(
        report.sections.reduce((sum, row) => sum + row.counts[source], 0),
        source,
      ).toBe(entries.length);
    }
    expect(entries.length).toBeGreaterThanOrEqual(100);
  });

  it('holds for the sub-path build too (Pagefind records carry no base)', () => {
    expect(checkCounts({ contentDir: contentRoot(), dist: SUBPATH_DIST }).problems).toEqual([]);
  });

  it('reads the same search records as Pagefind’s own search does', async () => {
    const pagefind = await loadPagefind(SUBPATH_DIST, { base: SUBPATH_BASE });
    const { results } = await pagefind.search(null);
    const urls = await Promise.all(results.map(async (result) => (await result.data()).url));
    const fromSearch = urls.map((url) => {
      const paper = paperOfSitePath(url.slice(SUBPATH_BASE.length - 1));
      return paper ? `${paper.section}/${paper.id}` : `not a paper: ${url}`;
    });
    expect(fromSearch.sort()).toEqual(sortedIds(indexedIds(SUBPATH_DIST).ids));
  });

  it('names what a build lost: a paper page and a search record', async () => {
    const dist = copyOfDist();
    try {
      const lost = contentEntries().find((entry) => entry.section === 'mllm')!;
      rmSync(path.join(dist, lost.section, lost.id), { recursive: true });
      const fragments = path.join(dist, 'pagefind', 'fragment');
      rmSync(path.join(fragments, readdirSync(fragments)[0]!));

      const { problems } = checkCounts({ contentDir: contentRoot(), dist });
      expect(problems).toContain(`mllm: missing in pages: ${lost.id}`);
      expect(problems).toContainEqual(
        expect.stringMatching(/^index: \d+ fragments, but pagefind-entry\.json announces \d+ pages$/),
      );
      expect(problems).toContainEqual(expect.stringMatching(/^[a-z-]+: missing in index: \S+$/));
      expect(problems).toContainEqual(
        expect.stringMatching(/^mllm: \d+ in content, \d+ in pages, \d+ in index, \d+ in data, \d+ in export$/),
      );

      const cli = await checkCountsCli('--dist', dist);
      expect(cli.status, cli.stderr).toBe(1);
      expect(cli.stderr).toContain(`mllm: missing in pages: ${lost.id}`);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('names a paper the data file lost', () => {
    const dist = copyOfDist();
    try {
      const file = path.join(dist, 'data', 'papers.json');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      const [lost] = data.papers.splice(0, 1);
      writeFileSync(file, JSON.stringify(data));
      const { problems } = checkCounts({ contentDir: contentRoot(), dist });
      expect(problems).toContain(`${lost.section}: missing in data: ${lost.id}`);
      expect(problems).toContainEqual(expect.stringMatching(/^data: "count" says \d+, but \d+ records follow$/));
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('compares ids, not only counts: a swap with equal totals is still reported', () => {
    const report = compareCounts(['a'], {
      content: new Map([['a', ['x', 'y']]]),
      pages: new Map([['a', ['x', 'z']]]),
      index: new Map([
        ['a', ['x', 'y']],
        ['stray', ['q']],
      ]),
      data: new Map([['a', ['x', 'y']]]),
      export: new Map([['a', ['1', '2']]]),
    });
    expect(report.sections).toEqual([{ section: 'a', counts: { content: 2, pages: 2, index: 2, data: 2, export: 2 } }]);
    expect(report.problems).toEqual([
      'a: missing in pages: y',
      'a: in pages but not in content: z',
      'index: 1 in "stray", which is not a registry section',
    ]);
  });

  it('npm run check:counts prints the table and exits 0 on the build', async () => {
    const cli = await checkCountsCli('--dist', DIST);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^section\s+content\s+pages\s+index\s+data\s+export$/m);
    expect(cli.stdout).toMatch(new RegExp(`^total\\s+(${contentEntries().length}\\s+){4}${contentEntries().length}$`, 'm'));
  });
});
