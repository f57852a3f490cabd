import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_COLUMNS, NOTES_MARKER, WEIGHT_COLUMNS } from '../../scripts/lib/bench/bench';
import { REPO_ROOT } from '../../src/lib/paths';
import { buildEnv } from '../setup/build-site';

/**
 * `npm run bench` end to end at a small size: synthetic content, two real builds, page weights
 * and two searches through the built Pagefind. Checks the report's shape and that its figures
 * are plausible; never how fast anything was.
 */
const WORK = path.join(REPO_ROOT, 'bench/.work/smoke');
const REPORT = path.join(WORK, 'results.md');
const ENTRIES = 200;

let report = '';
beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  await promisify(execFile)('npx', ['tsx', 'scripts/bench.ts', '--sizes', String(ENTRIES), '--work', WORK, '--out', REPORT], {
    cwd: REPO_ROOT,
    env: buildEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
  report = readFileSync(REPORT, 'utf8');
}, 240_000);
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

/** `12.3 / 4.5` → [12.3, 4.5]. */
const pair = (cell: string) => cell.split(' / ').map(Number);

describe(`npm run bench -- --sizes ${ENTRIES}`, () => {
  it('says it is a real run and on what machine', () => {
    expect(report).toMatch(/^# Benchmark/);
    expect(report).toMatch(
      /A real run of `npm run bench -- --sizes 200` on this machine: \d+ cores, \d+ GB RAM, Node \d+\.\d+\.\d+, \d{4}-\d{2}-\d{2}.*, code at [0-9a-f]{7,}/,
    );
    expect(report).toContain(NOTES_MARKER);
  });

  it('reports the builds with plausible figures', () => {
    const [row] = tableRows(BUILD_COLUMNS);
    expect(Number(row!.entries)).toBe(ENTRIES);
    // Every paper has a page, and sections, tags and the home page add more.
    expect(Number(row!.pages)).toBeGreaterThan(ENTRIES);
    for (const column of [
      'cold build s',
      'pages/s',
      'incremental build s',
      'dist MB',
      'Pagefind dir MB',
      'of which Pagefind s',
    ] as const) {
      expect(Number(row![column]), column).toBeGreaterThan(0);
    }
    // CPU times come from GNU time, where it is installed.
    for (const column of ['cold build CPU s', 'incremental CPU s'] as const) {
      if (existsSync('/usr/bin/time')) expect(Number(row![column]), column).toBeGreaterThan(0);
      else expect(row![column], column).toBe('—');
    }
    // A Node build holds at least tens of MB; under a GB at this size.
    for (const column of ['peak RSS MB', 'incremental peak RSS MB'] as const) {
      expect(Number(row![column]), column).toBeGreaterThan(50);
      expect(Number(row![column]), column).toBeLessThan(1024);
    }
    expect(Number(row!['dist files'])).toBeGreaterThan(Number(row!.pages));
    expect(Number(row!['Pagefind files'])).toBeGreaterThan(0);
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
