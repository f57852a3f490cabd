import { describe, expect, it } from 'vitest';
import type { PageWeight } from '../../../scripts/lib/bench/output';
import {
  FIXED_COST_COLUMNS,
  fixedCostTable,
  FLOOR_COLUMNS,
  floorTable,
  markdownTable,
  median,
  OUTPUT_COLUMNS,
  outputTable,
  PEAK_COLUMNS,
  peakTable,
  REBUILD_COLUMNS,
  rebuildTable,
  mdxTable,
  MDX_COLUMNS,
  ROUND_COLUMNS,
  roundTable,
  siteTo,
  siteToFloor,
  STEP_COLUMNS,
  stepTable,
  WEIGHT_COLUMNS,
  weightTable,
} from '../../../scripts/lib/bench/tables';
import { checkTargets, keepNotes, machineLine, NOTES_MARKER } from '../../../scripts/lib/bench/report';
import { ASTRO_PHASES } from '../../../scripts/lib/bench/astro-timings';
import { phaseTable } from '../../../scripts/lib/bench/phase-table';
import { withoutComponentTags, type Round, type SizeResult } from '../../../scripts/lib/bench/run';
import { combine, type BuildMeasure } from '../../../scripts/lib/bench/steps';

/**
 * The benchmark's report (scripts/lib/bench/tables.ts, report.ts), from made-up results: its
 * tables and their figures, the targets met or not, the kept notes and the machine line.
 */

const bytes = (raw: number, served = raw) => ({ raw, served });
const weight = (total: number): PageWeight => ({
  html: bytes(total),
  css: bytes(0),
  js: bytes(0),
  total: bytes(total),
  assets: [],
});
/** A build of two steps (the site's, or the floor's), the second the larger in memory; `cpuMs: null` = no GNU time. */
function build(
  wallMs: number,
  peakMb: number,
  cpuMs: number | null = wallMs,
  names = ['astro build', 'search index'],
): BuildMeasure {
  const part = (share: number) => (cpuMs === null ? undefined : cpuMs * share);
  return combine([
    { name: names[0]!, wallMs: wallMs * 0.75, cpuMs: part(0.75), peakRssBytes: peakMb * 1024 ** 2 * 0.5 },
    { name: names[1]!, wallMs: wallMs * 0.25, cpuMs: part(0.25), peakRssBytes: peakMb * 1024 ** 2 },
  ]);
}
const floor = (wallMs: number, peakMb: number, cpuMs: number | null = wallMs) =>
  build(wallMs, peakMb, cpuMs, ['floor pages', 'floor index']);
const astroFloor = (wallMs: number, peakMb: number, cpuMs: number | null = wallMs) =>
  build(wallMs, peakMb, cpuMs, ['astro floor build', 'astro floor index']);
const search = (query: string, servedKb: number, files = 1) => ({
  query,
  results: 30,
  files: Array.from({ length: files }, (_, i) => ({ file: `pagefind/f${i}`, ...bytes((servedKb * 1024) / files) })),
  bytes: bytes(servedKb * 1024 * 1.5, servedKb * 1024),
  ms: 50,
});
function result(entries: number, overrides: Partial<SizeResult> = {}): SizeResult {
  return {
    entries,
    pages: entries + 10,
    floorPages: entries + 5,
    astroFloorPages: entries + 5,
    rounds: [
      { floor: floor(10_000, 500), astroFloor: astroFloor(16_000, 600), site: build(20_000, 1000) },
      { floor: floor(12_000, 500), astroFloor: astroFloor(20_000, 700), site: build(30_000, 1100) },
    ],
    warm: { seed: build(27_000, 1000), edit: build(8_000, 900), add: build(14_000, 900), added: 3 },
    dist: { bytes: 50 * 1024 ** 2, files: entries + 20 },
    pagefindIndex: { bytes: 5 * 1024 ** 2, files: 900 },
    floorIndex: { bytes: 4 * 1024 ** 2, files: 890 },
    astroFloorIndex: { bytes: 4 * 1024 ** 2, files: 890 },
    floorParity: { onlyInFloor: [], onlyInAstroFloor: [], largestDifference: { file: 'a/b/index.html', bytes: -2 } },
    sectionPage: weight(120 * 1024),
    paperPage: weight(20 * 1024),
    largestPage: { file: 'mllm/index.html', bytes: 130 * 1024, cards: 100 },
    searches: [search('video', 100, 3), search('幻觉', 10)],
    floorSearches: [search('video', 95, 3), search('幻觉', 9)],
    astroFloorSearches: [search('video', 96, 3), search('幻觉', 9)],
    ...overrides,
  };
}

describe('report', () => {
  it('writes Markdown tables with one cell per column', () => {
    expect(markdownTable(['a', 'b'], [[1, 'x']])).toBe('| a | b |\n| --- | --- |\n| 1 | x |');
    for (const [table, columns, rows] of [
      [floorTable([result(1000)]), FLOOR_COLUMNS, 1],
      [peakTable([result(1000)]), PEAK_COLUMNS, 1],
      [stepTable([result(1000)]), STEP_COLUMNS, 1],
      [roundTable([result(1000)]), ROUND_COLUMNS, 2],
      [rebuildTable([result(1000)]), REBUILD_COLUMNS, 1],
      [fixedCostTable([result(1000)]), FIXED_COST_COLUMNS, 1],
      [outputTable([result(1000)]), OUTPUT_COLUMNS, 1],
      [weightTable([result(1000)]), WEIGHT_COLUMNS, 1],
    ] as const) {
      const [header, , ...body] = table.split('\n');
      expect(header).toBe(`| ${columns.join(' | ')} |`);
      expect(body).toHaveLength(rows);
      for (const row of body) expect(row.split(' | ')).toHaveLength(columns.length);
    }
  });

  it('prices MDX entries from the pairs: medians, and the CPU added per MDX entry', () => {
    const mdx = {
      mdxEntries: 50,
      pairs: [
        { mdx: build(30_000, 900, 40_000), markdown: build(25_000, 800, 30_000) },
        { mdx: build(34_000, 1000, 44_000), markdown: build(27_000, 800, 32_000) },
      ],
    };
    const table = mdxTable([result(1000), result(10_000, { mdx })]);
    const [header, , ...body] = table.split('\n');
    expect(header).toBe(`| ${MDX_COLUMNS.join(' | ')} |`);
    // Sizes that did not measure it have no row; 42 s − 31 s of CPU over 50 entries is 220 ms each.
    expect(body).toEqual(['| 10000 | 50 | 32.0 | 26.0 | 6.0 | 42.0 | 31.0 | 220 | 950 | 800 |']);
  });

  it('turns an MDX long note into Markdown by taking out its component tags', () => {
    expect(
      withoutComponentTags(
        '**a**\n\n<Callout kind="takeaway">\n\ntext <PaperRef id="x/y" /> b\n\n</Callout>\n\n<Figure src="/f.png" alt="a > b" />',
      ),
    ).toBe('**a**\n\n\n\ntext  b\n\n\n\n');
  });

  it('takes each ratio to either floor within a round, then the median over the rounds', () => {
    const rounds: Round[] = [
      { floor: floor(10_000, 100), astroFloor: astroFloor(20_000, 200), site: build(20_000, 300) },
      { floor: floor(20_000, 100), astroFloor: astroFloor(30_000, 200), site: build(30_000, 300) },
      { floor: floor(30_000, 100), astroFloor: astroFloor(30_000, 250), site: build(90_000, 300) },
    ];
    expect(siteToFloor(rounds, (b) => b.wallMs)).toBe(2);
    expect(siteToFloor(rounds, (b) => b.peakRssBytes)).toBe(3);
    // Within each round 1×, 1× and 3× the Astro floor: the median is 1×, not 30 s ÷ 30 s by chance.
    expect(siteTo('astroFloor', rounds, (b) => b.wallMs)).toBe(1);
    expect(siteTo('astroFloor', rounds, (b) => b.peakRssBytes)).toBe(1.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    // Medians of the absolute figures; a missing CPU time leaves its cells empty.
    expect(floorTable([result(1000, { rounds, astroFloorPages: 1004 })])).toContain(
      '| 1000 | 1010 / 1005 / 1004 | 20.0 | 30.0 | 30.0 | 2.00× | 1.00× | 20.0 | 30.0 | 30.0 | 2.00× | 1.00× |',
    );
    const noCpu = [
      { floor: floor(10_000, 100, null), astroFloor: astroFloor(15_000, 100, null), site: build(20_000, 300, null) },
    ];
    expect(floorTable([result(1000, { rounds: noCpu })])).toContain('| 10.0 | 15.0 | 20.0 | 2.00× | 1.33× | — | — | — | — | — |');
  });

  it('sets the site’s peak and first search against both floors', () => {
    const rounds: Round[] = [
      { floor: floor(10_000, 100), astroFloor: astroFloor(20_000, 200), site: build(20_000, 300) },
      { floor: floor(20_000, 120), astroFloor: astroFloor(30_000, 240), site: build(30_000, 360) },
    ];
    // Peaks 100/120, 200/240, 300/360 MB: medians 110, 220, 330; ratios 3× and 1.5× in both rounds.
    // First searches: 100 KB against the floor's 80 and the Astro floor's 125.
    const table = peakTable([
      result(10_000, {
        rounds,
        searches: [search('video', 100)],
        floorSearches: [search('video', 80)],
        astroFloorSearches: [search('video', 125)],
      }),
    ]);
    expect(table.split('\n')[2]).toBe('| 10000 | 110 | 220 | 330 | 3.00× | 1.50× | 80.0 | 125.0 | 100.0 | 1.25× | 0.80× |');
    // A search that did not run leaves its cells empty.
    expect(peakTable([result(1000, { astroFloorSearches: [] })]).split('\n')[2]).toMatch(/\| — \| 100\.0 \| 1\.05× \| — \|$/);
  });

  it('adds up a build’s steps: times summed, the peak the largest step’s', () => {
    const measured = build(20_000, 1000);
    expect(measured.wallMs).toBe(20_000);
    expect(measured.cpuMs).toBe(20_000);
    expect(measured.peakRssBytes).toBe(1000 * 1024 ** 2);
    // Medians over the two rounds of 16 s and 20 s Astro floors (75 % building, 25 % indexing); no page generation read.
    expect(stepTable([result(1000)])).toContain('| 1000 | 18.8 | 525 | 6.3 | 1050 | 8.3 | 2.8 | 500 | 13.5 | — | 325 | 4.5 |');
  });

  it('takes page generation out of the site’s build, against the floor and the clean build in each round', () => {
    const site = (wallMs: number, pageGenerationMs?: number) =>
      combine([
        {
          name: 'astro build',
          wallMs: wallMs * 0.75,
          peakRssBytes: 1,
          astro:
            pageGenerationMs === undefined ? undefined : { phasesMs: { 'generate pages': pageGenerationMs }, pagesFromCache: 0 },
        },
        { name: 'search index', wallMs: wallMs * 0.25, peakRssBytes: 1 },
      ]);
    // 40 s with 20 s of pages: 20 s left, against a 10 s floor and the 40 s build; then 60 s with 30 s.
    const rounds: Round[] = [
      { floor: floor(10_000, 100), astroFloor: astroFloor(20_000, 100), site: site(40_000, 20_000) },
      { floor: floor(15_000, 100), astroFloor: astroFloor(30_000, 100), site: site(60_000, 30_000) },
    ];
    expect(fixedCostTable([result(10_000, { rounds })]).split('\n')[2]).toBe(
      '| 10000 | 37.5 | 25.0 | 12.5 | 12.5 | 25.0 | 2.00× | 0.50× |',
    );
    // A log Astro wrote differently gives empty cells, not a wrong figure.
    const unread = [{ floor: floor(10_000, 100), astroFloor: astroFloor(20_000, 100), site: site(40_000) }];
    expect(fixedCostTable([result(10_000, { rounds: unread })]).split('\n')[2]).toBe(
      '| 10000 | 30.0 | — | — | 10.0 | — | — | — |',
    );
  });

  it('sets each phase of the site’s build beside the Astro floor’s, within each round', () => {
    const withPhases = (measured: BuildMeasure, phasesMs: Record<string, number>): BuildMeasure => ({
      ...measured,
      steps: measured.steps.map((one, index) => (index === 0 ? { ...one, astro: { phasesMs, pagesFromCache: 0 } } : one)),
    });
    // Site: 30 s of Astro (setup 8, pages 20 of which 5 s static paths) and 10 s of index; the floor half of each.
    const rounds: Round[] = [1, 1.5].map((slow) => ({
      floor: floor(10_000 * slow, 100),
      astroFloor: withPhases(astroFloor(20_000 * slow, 100), {
        setup: 4000 * slow,
        'generate pages': 10_000 * slow,
        'static paths': 2500 * slow,
      }),
      site: withPhases(build(40_000 * slow, 100), {
        setup: 8000 * slow,
        'content-validation': 3000 * slow,
        'generate pages': 20_000 * slow,
        'static paths': 5000 * slow,
      }),
    }));
    const rows = Object.fromEntries(
      phaseTable([result(10_000, { rounds })])
        .split('\n')
        .slice(2)
        .map((row) => {
          const [, phase, ...cells] = row.slice(2, -2).split(' | ');
          return [phase, cells];
        }),
    );
    // The whole step, each phase, pages less static paths, the search index, the whole build.
    expect(Object.keys(rows)).toHaveLength(ASTRO_PHASES.length + 4);
    expect(rows["Astro's step, whole"]).toEqual(['37.5', '18.8', '18.8', '2.00×']);
    expect(rows.setup).toEqual(['10.0', '5.0', '5.0', '2.00×']);
    expect(rows["content-validation (the site's hook, in setup)"]).toEqual(['3.8', '—', '—', '—']);
    expect(rows['content sync']).toEqual(['—', '—', '—', '—']);
    expect(rows['generate pages less static paths (rendering and writing)']).toEqual(['18.8', '9.4', '9.4', '2.00×']);
    expect(rows["search index (the site's step; the Pagefind CLI)"]).toEqual(['12.5', '6.3', '6.3', '2.00×']);
    expect(rows['whole build']).toEqual(['50.0', '25.0', '25.0', '2.00×']);
  });

  it('checks the targets of the sizes that were run', () => {
    expect(checkTargets([result(1000)])).toEqual([
      { target: '1,000 entries: paper page under 30 KB HTML+CSS+JS before search', measured: '20.0 KB raw', met: true },
      {
        target: '1,000 entries: listings paginated, no page over 100 papers',
        measured: 'largest page `mllm/index.html`: 100 papers, 130.0 KB',
        met: true,
      },
    ]);
    const met = checkTargets([result(10_000)]);
    expect(met.map((check) => [check.target, check.measured, check.met])).toEqual([
      ["10,000 entries: clean build within 2× the floor's time", '2.25×', false],
      ["10,000 entries: peak memory of the build's process tree ≤ 1.1 GB", '1100 MB (highest of 2 clean builds)', true],
      // 20 s ÷ 16 s and 30 s ÷ 20 s: 1.25× and 1.5×; peaks 1000 ÷ 600 and 1100 ÷ 700 MB.
      ["10,000 entries: clean build's time within 1.5× the Astro floor's", '1.38×', true],
      ["10,000 entries: clean build's CPU time within 1.5× the Astro floor's", '1.38×', true],
      ["10,000 entries: clean build's peak memory within 1.15× the Astro floor's", '1.62×', false],
      ["10,000 entries: first search ≤ the floor's bytes + 10 %", '100.0 KB against 95.0 KB (1.05×)', true],
      // Against the clean build without the cache (the rounds' median, 25 s), not the cache-writing one.
      ['10,000 entries: warm rebuild after editing 1 entry ≤ 0.5× a clean build', '8.0 s of 25.0 s (0.32×)', true],
      ['10,000 entries: warm rebuild after adding 3 entries ≤ 0.6× a clean build', '14.0 s of 25.0 s (0.56×)', true],
      ['10,000 entries: second search ≤ 30 KB', '10.0 KB', true],
      ['10,000 entries: paper page under 30 KB HTML+CSS+JS before search', '20.0 KB raw', true],
      [
        '10,000 entries: listings paginated, no page over 100 papers',
        'largest page `mllm/index.html`: 100 papers, 130.0 KB',
        true,
      ],
    ]);
    const bad = checkTargets([
      result(30_000, {
        rounds: [{ floor: floor(40_000, 1900), astroFloor: astroFloor(40_000, 2500), site: build(70_000, 2700) }],
        largestPage: { file: 'tags/video/index.html', bytes: 1600 * 1024, cards: 1300 },
        searches: [search('video', 120)],
      }),
    ]);
    expect(bad.filter((check) => !check.met).map((check) => check.measured)).toEqual([
      '2700 MB (highest of 1 clean builds)',
      '1.75×',
      '1.75×',
      '120.0 KB against 95.0 KB (1.26×)',
      'largest page `tags/video/index.html`: 1300 papers, 1600.0 KB',
    ]);
  });

  it('keeps the hand-written notes when the report is rewritten', () => {
    const first = keepNotes('# Old\n', undefined);
    expect(first).toBe(`# Old\n\n${NOTES_MARKER}\n`);
    const edited = `${first}Hot spot: renderInlineMarkdown.\n`;
    expect(keepNotes('# New\n', edited)).toBe(`# New\n\n${NOTES_MARKER}\nHot spot: renderInlineMarkdown.\n`);
  });
});

describe('machine line', () => {
  it('names the machine, and the code measured when known', () => {
    const machine = { cores: 2, memoryBytes: 24 * 1024 ** 3, node: '20.20.2', date: '2026-11-27', loadAverage: [1, 0.5, 0.25] };
    expect(machineLine(machine)).toBe('2 cores, 24 GB RAM, Node 20.20.2, 2026-11-27, load average at start 1.00 0.50 0.25');
    expect(machineLine({ ...machine, code: { commit: 'abc1234', uncommitted: true } })).toMatch(
      /, code at abc1234 with uncommitted changes$/,
    );
  });
});
