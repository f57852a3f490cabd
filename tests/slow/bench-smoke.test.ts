import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXED_COST_COLUMNS,
  FLOOR_COLUMNS,
  MDX_COLUMNS,
  OUTPUT_COLUMNS,
  PEAK_COLUMNS,
  REBUILD_COLUMNS,
  ROUND_COLUMNS,
  STEP_COLUMNS,
  WEIGHT_COLUMNS,
} from '../../scripts/lib/bench/tables';
import { NOTES_MARKER } from '../../scripts/lib/bench/report';
import { ASTRO_PHASES } from '../../scripts/lib/bench/astro-timings';
import { PHASE_COLUMNS } from '../../scripts/lib/bench/phase-table';
import { floorParity, PARITY_BYTES } from '../../scripts/lib/bench/astro-floor';
import { loadPagefind } from '../../scripts/lib/pagefind-node';
import { parseYaml } from '../../src/lib/content/yaml-file';
import { recordSchema } from '../../src/schemas/record';
import { LIGHTHOUSE_COLUMNS } from '../../scripts/lib/bench/lighthouse';
import { CHROME_PATH } from '../helpers/browser';
import { REPO_ROOT } from '../../src/lib/paths';
import { buildEnv } from '../setup/build-site';

/**
 * `npm run bench` end to end at a small size: synthetic content with records, the floor, the Astro
 * floor and the site built in turn (one round), a cache-writing build and two warm rebuilds, page weights and two searches
 * through each built Pagefind. Checks the report's shape and that its figures are plausible, and
 * that the two floors wrote the same pages and find the same papers; never how fast anything was.
 */
const WORK = path.join(REPO_ROOT, 'bench/.work/smoke');
const REPORT = path.join(WORK, 'results.md');
const ENTRIES = 200;

let report = '';
// Eight builds (two floors, the site, two for the MDX cost, three for the warm rebuilds): the slowest setup of the suites.
beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  await promisify(execFile)(
    'npx',
    [
      'tsx',
      'scripts/bench.ts',
      '--sizes',
      String(ENTRIES),
      '--rounds',
      '1',
      '--mdx-cost',
      String(ENTRIES),
      '--lighthouse',
      '1',
      '--work',
      WORK,
      '--out',
      REPORT,
    ],
    {
      cwd: REPO_ROOT,
      env: buildEnv(),
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  report = readFileSync(REPORT, 'utf8');
}, 900_000);
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** The rows of the Markdown table whose header row is `columns`, as cells keyed by column. */
function tableRows(columns: readonly string[]): Record<string, string>[] {
  const lines = report.split('\n');
  const header = lines.indexOf(`| ${columns.join(' | ')} |`);
  expect(header, `a table with columns ${columns.join(', ')}`).toBeGreaterThanOrEqual(0);
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.slice(2, -2).split(' | ');
    expect(cells).toHaveLength(columns.length);
    rows.push(Object.fromEntries(columns.map((column, index) => [column, cells[index]!])));
  }
  return rows;
}

const floorPagesOf = () => Number(tableRows(FLOOR_COLUMNS)[0]!['pages site / floor / Astro floor'].split(' / ')[1]);

/** `12.3 / 4.5` → [12.3, 4.5]. */
const pair = (cell: string) => cell.split(' / ').map(Number);

describe(`npm run bench -- --sizes ${ENTRIES}`, () => {
  it.runIf(existsSync(CHROME_PATH))(
    "reports Lighthouse's performance on four pages of the build, with the load of each run",
    () => {
      const rows = tableRows(LIGHTHOUSE_COLUMNS);
      expect(rows.map((row) => row.page.replace(/ \(.*/, ''))).toEqual(['home', 'a section', 'a paper', 'search with a query']);
      for (const row of rows) {
        // One run: the median is the run, its spread that one score.
        const [score, low, high] = row['performance (median, lowest–highest)'].match(/\d+/g)!.map(Number);
        expect([low, high]).toEqual([score, score]);
        expect(score).toBeGreaterThan(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(Number(row['FCP ms'].replace(/,/g, ''))).toBeGreaterThan(0);
        expect(row['load average (lowest–highest)']).toMatch(/^\d+\.\d\d–\d+\.\d\d$/);
      }
    },
  );

  it('says it is a real run and on what machine', () => {
    expect(report).toMatch(/^# Benchmark/);
    expect(report).toMatch(
      /A real run of `npm run bench -- --sizes 200 --rounds 1 --mdx-cost 200 --lighthouse 1` on this machine: \d+ cores, \d+ GB RAM, Node \d+\.\d+\.\d+, \d{4}-\d{2}-\d{2}.*, code at [0-9a-f]{7,}/,
    );
    expect(report).toContain(NOTES_MARKER);
  });

  it('reports the site and both floors with plausible figures, and the ratios to each', () => {
    const [row] = tableRows(FLOOR_COLUMNS);
    expect(Number(row!.entries)).toBe(ENTRIES);
    // Every paper has a page on all three, the floors the same pages; the site adds listings, tags and more.
    const [pages, floorPages, astroFloorPages] = row!['pages site / floor / Astro floor'].split(' / ').map(Number);
    expect(floorPages).toBeGreaterThan(ENTRIES);
    expect(astroFloorPages).toBe(floorPages);
    expect(pages).toBeGreaterThan(floorPages!);
    for (const column of ['floor s', 'Astro floor s', 'site s', 'time ÷ floor', 'time ÷ Astro floor'] as const)
      expect(parseFloat(row![column]), column).toBeGreaterThan(0);
    // CPU times come from GNU time, where it is installed.
    for (const column of ['floor CPU s', 'Astro floor CPU s', 'site CPU s', 'CPU ÷ floor', 'CPU ÷ Astro floor'] as const) {
      if (existsSync('/usr/bin/time')) expect(parseFloat(row![column]), column).toBeGreaterThan(0);
      else expect(row![column], column).toBe('—');
    }
    const [peaks] = tableRows(PEAK_COLUMNS);
    // A Node build holds at least tens of MB; under a GB at this size.
    for (const column of ['floor peak MB', 'Astro floor peak MB', 'site peak MB'] as const) {
      expect(Number(peaks![column]), column).toBeGreaterThan(20);
      expect(Number(peaks![column]), column).toBeLessThan(1024);
    }
    for (const column of PEAK_COLUMNS) expect(parseFloat(peaks![column]), column).toBeGreaterThan(0);
    // One round: the ratio is the two times', which the table rounds to 0.1 s; for a floor under a
    // second that rounding alone moves their ratio by up to 0.05 s / floor s (14 % at 0.4 s).
    const [site, floor] = [Number(row!['site s']), Number(row!['floor s'])];
    const rounding = ((site + 0.05) / site) * (floor / (floor - 0.05)) - 1;
    expect(Math.abs(parseFloat(row!['time ÷ floor']) - site / floor) / (site / floor)).toBeLessThan(rounding + 0.01);

    // The Astro floor's page generation is read from its log as the site's is.
    const [steps] = tableRows(STEP_COLUMNS);
    for (const column of STEP_COLUMNS) expect(Number(steps![column]), column).toBeGreaterThan(0);
    expect(tableRows(ROUND_COLUMNS)).toHaveLength(1);
  });

  it('builds the Astro floor to the no-framework floor’s pages, which find the same papers, by author and abstract too', async () => {
    const [floorDir, astroFloorDir] = [path.join(WORK, `floor-${ENTRIES}`), path.join(WORK, `astro-floor-${ENTRIES}`, 'dist')];
    const parity = floorParity(floorDir, astroFloorDir);
    expect(parity.onlyInFloor).toEqual([]);
    expect(parity.onlyInAstroFloor).toEqual([]);
    expect(Math.abs(parity.largestDifference.bytes)).toBeLessThanOrEqual(PARITY_BYTES);
    const [output] = tableRows(OUTPUT_COLUMNS);
    expect(Number(output!['Astro floor page − floor page, most bytes'])).toBe(parity.largestDifference.bytes);

    // A paper's record, by its first author's name and a phrase of its abstract.
    const recordsDir = path.join(WORK, `content-${ENTRIES}`, 'records');
    const [recordFile] = readdirSync(recordsDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.yaml'))
      .sort();
    const record = recordSchema.parse(parseYaml(readFileSync(path.join(recordsDir, recordFile!), 'utf8')).data);
    const paperUrl = `/${recordFile!.replace(/\.yaml$/, '')}/`;
    const queries = ['video', record.authors[0]!, record.abstract!.split(' ').slice(4, 8).join(' ')];
    const hits = async (dir: string) => {
      const pagefind = await loadPagefind(dir);
      try {
        const found: string[][] = [];
        for (const query of queries) {
          const { results } = await pagefind.search(query);
          found.push((await Promise.all(results.map(async (result) => (await result.data()).url))).sort());
        }
        return found;
      } finally {
        await pagefind.destroy();
      }
    };
    const [floorHits, astroFloorHits] = [await hits(floorDir), await hits(astroFloorDir)];
    expect(astroFloorHits).toEqual(floorHits);
    expect(floorHits[0]!.length).toBeGreaterThan(0);
    expect(floorHits[1], record.authors[0]).toContain(paperUrl);
    expect(floorHits[2], queries[2]).toContain(paperUrl);
  });

  it('reads page generation from the real Astro log, and what the build costs besides it', () => {
    const [row] = tableRows(FIXED_COST_COLUMNS);
    // A change in how Astro logs page generation leaves these cells empty ('—'), which fails here.
    for (const column of FIXED_COST_COLUMNS) expect(parseFloat(row![column]), column).toBeGreaterThan(0);
    const [astro, generation, rest] = ['astro build s', 'page generation s', 'astro build without it s'].map((column) =>
      Number(row![column]),
    );
    expect(generation).toBeLessThan(astro!);
    expect(Math.abs(astro! - generation! - rest!)).toBeLessThanOrEqual(0.11);
    expect(parseFloat(row!['÷ clean site'])).toBeLessThan(1);
  });

  it('reads every phase of Astro’s timings report, on both Astro builds (Astro may rename a row)', () => {
    const rows = tableRows(PHASE_COLUMNS).filter((row) => row.entries === String(ENTRIES));
    const byPhase = new Map(rows.map((row) => [row.phase, row]));
    for (const phase of ASTRO_PHASES) {
      const row = byPhase.get(phase === 'content-validation' ? "content-validation (the site's hook, in setup)" : phase);
      expect(Number(row?.['site s']), `the site's ${phase}`).toBeGreaterThanOrEqual(0);
      // The Astro floor has no validation hook of the site's.
      if (phase !== 'content-validation')
        expect(Number(row?.['Astro floor s']), `the Astro floor's ${phase}`).toBeGreaterThanOrEqual(0);
    }
    expect(Number(byPhase.get('whole build')?.['site ÷ Astro floor'].replace('×', ''))).toBeGreaterThan(0);
  });

  it('reports warm rebuilds after an edit and after new entries', () => {
    const [row] = tableRows(REBUILD_COLUMNS);
    expect(Number(row!['clean with cache s'])).toBeGreaterThan(0);
    expect(Number(row!['edit 1 entry s'])).toBeGreaterThan(0);
    expect(row!['add entries s']).toMatch(/^\d+\.\d \(3\)$/);
    for (const column of ['edit peak MB', 'add peak MB'] as const) expect(Number(row![column]), column).toBeGreaterThan(20);
    // Both rebuilds reuse pages from the cache: most pages show neither the edit nor the new papers.
    const [afterEdit, afterAdd] = row!['pages reused, edit / add'].split(' / ').map(Number);
    expect(afterEdit).toBeGreaterThan(ENTRIES / 2);
    expect(afterAdd).toBeGreaterThan(ENTRIES / 2);
    const [output] = tableRows(OUTPUT_COLUMNS);
    expect(Number(output!['dist files'])).toBeGreaterThan(floorPagesOf());
    for (const column of ['Pagefind files', 'Pagefind MB', 'floor Pagefind MB'] as const)
      expect(Number(output![column]), column).toBeGreaterThan(0);
  });

  it('prices the MDX entries against the same notes as Markdown', () => {
    const [row] = tableRows(MDX_COLUMNS);
    expect(Number(row!['MDX entries'])).toBeGreaterThan(0);
    for (const column of [
      'site s with MDX',
      'site s as Markdown',
      'CPU s with MDX',
      'CPU s as Markdown',
      'peak MB as Markdown',
    ] as const)
      expect(Number(row![column]), column).toBeGreaterThan(0);
  });

  it('weighs pages and searches, gzip never above raw', () => {
    const [row] = tableRows(WEIGHT_COLUMNS);
    for (const column of [
      'section page KB raw / gzip',
      'paper page KB raw / gzip',
      '1st search KB raw / served',
      '2nd search KB raw / served',
    ] as const) {
      const [raw, served] = pair(row![column]);
      expect(raw, column).toBeGreaterThan(0);
      expect(served, column).toBeGreaterThan(0);
      expect(served, column).toBeLessThanOrEqual(raw!);
    }
    expect(row!['largest page KB raw (cards)']).toMatch(/^\d+\.\d \(\d+\)$/);
    const [html, css, js] = pair(row!['paper page HTML / CSS / JS KB raw']);
    expect(html! + css! + js!).toBeCloseTo(pair(row!['paper page KB raw / gzip'])[0]!, 0);
    // The first search loads Pagefind itself (script, worker, WebAssembly, metadata): more files and bytes than the second.
    expect(Number(row!['1st search files'])).toBeGreaterThan(Number(row!['2nd search files']));
    expect(pair(row!['1st search KB raw / served'])[0]).toBeGreaterThan(pair(row!['2nd search KB raw / served'])[0]!);
    // The floor's index is searched the same way: it loads Pagefind too.
    expect(Number(row!['floor 1st search KB served'])).toBeGreaterThan(Number(row!['floor 2nd search KB served']));
    expect(parseFloat(row!['1st search ÷ floor'])).toBeGreaterThan(0);
  });

  it('checks the targets that apply at this size', () => {
    const rows = tableRows(['target', 'measured', 'met']);
    expect(rows.map((row) => row.target)).toEqual([
      `${ENTRIES} entries: paper page under 30 KB HTML+CSS+JS before search`,
      `${ENTRIES} entries: listings paginated, no page over 100 papers`,
    ]);
    for (const row of rows) expect(['yes', '**no**']).toContain(row.met);
  });
});
