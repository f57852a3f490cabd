import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';
import { largestPage, pageWeight, servedBytes, type PageWeight } from '../../scripts/lib/bench/output';
import {
  childEnv,
  cpuMsFromGnuTime,
  maxRssBytesFromGnuTime,
  parentPid,
  cpuMsFromStat,
  rssBytesFromStatus,
  runMeasured,
  sampleTree,
  TEST_RUNNER_VARIABLES,
} from '../../scripts/lib/bench/processes';
import { frameOwner, SITE_BUNDLE, summarizeCpuProfile, type CpuProfile } from '../../scripts/lib/bench/profile';
import {
  FIXED_COST_COLUMNS,
  fixedCostTable,
  FLOOR_COLUMNS,
  floorTable,
  markdownTable,
  median,
  OUTPUT_COLUMNS,
  outputTable,
  REBUILD_COLUMNS,
  rebuildTable,
  mdxTable,
  MDX_COLUMNS,
  ROUND_COLUMNS,
  roundTable,
  siteToFloor,
  STEP_COLUMNS,
  stepTable,
  WEIGHT_COLUMNS,
  weightTable,
} from '../../scripts/lib/bench/tables';
import { checkTargets, keepNotes, machineLine, NOTES_MARKER } from '../../scripts/lib/bench/report';
import {
  isolatedConfigSource,
  samplePages,
  withoutComponentTags,
  type Round,
  type SizeResult,
} from '../../scripts/lib/bench/run';
import {
  astroPageGenerationMs,
  ASTRO_CLI,
  buildScript,
  combine,
  parseBuildScript,
  runSteps,
  siteSteps,
  type BuildMeasure,
} from '../../scripts/lib/bench/steps';
import { buildEnv } from '../setup/build-site';
import { syntheticEntries } from '../../scripts/lib/bench/synthetic';

const temp = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('process tree memory', () => {
  it('reads the parent from /proc/<pid>/stat, whatever the command name holds', () => {
    expect(parentPid('42 (node) S 7 42 42 0 -1')).toBe(7);
    expect(parentPid('43 (a) b (c) R 12 43 43 0 -1')).toBe(12);
    expect(parentPid('')).toBeUndefined();
  });

  it('reads the user + system CPU time from /proc/<pid>/stat', () => {
    const stat = '6037 (a) b (c) R 6033 6033 1105 0 -1 4194304 95 0 0 0 250 37 9 9 20 0 1 0 174838';
    expect(cpuMsFromStat(stat)).toBe(2_870);
    expect(cpuMsFromStat('42 (node) S 7 42')).toBeUndefined();
    expect(cpuMsFromStat('')).toBeUndefined();
  });

  it('reads VmRSS in bytes', () => {
    expect(rssBytesFromStatus('Name:\tnode\nVmRSS:\t  2048 kB\nThreads: 3\n')).toBe(2048 * 1024);
    expect(rssBytesFromStatus('Name:\tkthreadd\n')).toBe(0);
  });

  it('sums a process and its descendants, not its siblings', () => {
    const proc = path.join(temp, 'proc');
    const processes: [pid: number, ppid: number, kb: number][] = [
      [10, 1, 100],
      [11, 10, 20],
      [12, 11, 3],
      [13, 1, 5000],
    ];
    for (const [pid, ppid, kb] of processes) {
      // CPU ticks (1/100 s): the pid as user time, 1 as system time.
      write(path.join(proc, String(pid), 'stat'), `${pid} (x) S ${ppid} 0 0 0 0 0 0 0 0 0 ${pid} 1 0 0`);
      write(path.join(proc, String(pid), 'status'), `VmRSS:\t${kb} kB\n`);
    }
    expect(sampleTree(10, proc).rssBytes).toBe(123 * 1024);
    expect([...sampleTree(10, proc).cpuMsByPid].sort()).toEqual([
      [10, 110],
      [11, 120],
      [12, 130],
    ]);
    expect(sampleTree(10, path.join(temp, 'no-proc')).rssBytes).toBe(0);
  });

  const childTree =
    "const { spawnSync } = require('node:child_process'); const keep = Buffer.alloc(64e6, 1); spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 300)']); console.log(keep.length);";

  it('measures a real child process tree, its exit and (with GNU time) its CPU time', async () => {
    const run = await runMeasured(process.execPath, ['-e', childTree], { cwd: temp, env: process.env, sampleMs: 20 });
    expect(run.exitCode).toBe(0);
    expect(run.output.trim()).toBe('64000000');
    expect(run.peakRssBytes).toBeGreaterThan(64e6);
    if (existsSync('/usr/bin/time')) expect(run.cpuMs).toBeGreaterThan(0);
  });

  // Pagefind's case: a child that burns CPU and is killed by a parent that never waits for it.
  const unwaitedChild = `
    const { spawn } = require('node:child_process');
    const burner = spawn(process.execPath, ['-e', "const t = process.cpuUsage(); while (process.cpuUsage(t).user < 500e3); console.log('burnt'); setInterval(() => {}, 1e3)"], { stdio: ['ignore', 'pipe', 'inherit'] });
    burner.unref();
    burner.stdout.once('data', () => setTimeout(() => { burner.kill(); process.exit(0); }, 300));`;

  it.runIf(existsSync('/usr/bin/time'))('counts the CPU of a child its parent never waited for', async () => {
    const run = await runMeasured(process.execPath, ['-e', unwaitedChild], { cwd: temp, env: process.env, sampleMs: 20 });
    expect(run.exitCode).toBe(0);
    expect(run.cpuMs).toBeGreaterThanOrEqual(400);
  });

  it('measures without GNU time, leaving the CPU time out', async () => {
    const run = await runMeasured(process.execPath, ['-e', 'process.exitCode = 3'], {
      cwd: temp,
      env: process.env,
      gnuTime: path.join(temp, 'no-time'),
    });
    expect(run.exitCode).toBe(3);
    expect(run.cpuMs).toBeUndefined();
  });

  it('reads the CPU seconds GNU time writes, also after a failure line', () => {
    expect(cpuMsFromGnuTime('12.34 1.05\n')).toBe(13_390);
    expect(cpuMsFromGnuTime('Command exited with non-zero status 1\n0.50 0.25\n')).toBe(750);
    expect(cpuMsFromGnuTime('')).toBeUndefined();
  });

  it('reads GNU time’s peak, so a step too short to be sampled still has one', async () => {
    expect(cpuMsFromGnuTime('12.34 1.05 81234\n')).toBe(13_390);
    expect(maxRssBytesFromGnuTime('Command exited with non-zero status 1\n0.50 0.25 2048\n')).toBe(2048 * 1024);
    expect(maxRssBytesFromGnuTime('0.50 0.25\n')).toBeUndefined();
    if (!existsSync('/usr/bin/time')) return;
    // Exits long before the first sample (100 ms).
    const run = await runMeasured(process.execPath, ['-e', ''], { cwd: temp, env: process.env });
    expect(run.peakRssBytes).toBeGreaterThan(0);
  });

  it('gives a child build an env without the variables Vitest adds', () => {
    const env = childEnv({ OUT_DIR: 'x' }, { PATH: '/bin', BASE_URL: '/', NODE_ENV: 'test', MODE: 'test' });
    expect(env).toEqual({ PATH: '/bin', OUT_DIR: 'x' });
    // The tests' own builds strip the same list (this file runs under Vitest, which sets them).
    for (const key of TEST_RUNNER_VARIABLES) expect(buildEnv()).not.toHaveProperty(key);
    expect(buildEnv({ OUT_DIR: 'y' }).OUT_DIR).toBe('y');
  });
});

describe('page weight', () => {
  const dist = path.join(temp, 'dist');
  write(
    path.join(dist, 'mllm/paper/index.html'),
    [
      '<!doctype html><html lang="en"><head>',
      '<link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="https://cdn.example/x.css">',
      '<script src="/theme.js"></script><script type="module" src="../../_astro/page.js"></script>',
      '<link rel="icon" href="/favicon.svg">',
      '</head><body><script type="module" src="/pagefind/pagefind.js"></script><p>note</p></body></html>',
    ].join(''),
  );
  write(path.join(dist, '_astro/site.css'), 'body{color:red}'.repeat(50));
  write(path.join(dist, 'theme.js'), 'document.documentElement.dataset.theme="dark";');
  write(
    path.join(dist, '_astro/page.js'),
    'import{a as b}from"./chunk.js";import"./side.js";const later=()=>import("./lazy.js");b(later);',
  );
  write(path.join(dist, '_astro/chunk.js'), 'export const a=(f)=>f;');
  write(path.join(dist, '_astro/side.js'), 'console.log(1);');
  write(path.join(dist, '_astro/lazy.js'), 'x'.repeat(10_000));
  write(path.join(dist, 'pagefind/pagefind.js'), 'x'.repeat(10_000));

  it('counts the HTML, its stylesheets and the scripts it loads eagerly, with their static imports', () => {
    const weight = pageWeight(dist, 'mllm/paper/');
    expect(weight.assets.sort()).toEqual([
      '/_astro/chunk.js',
      '/_astro/page.js',
      '/_astro/side.js',
      '/_astro/site.css',
      '/theme.js',
    ]);
    expect(weight.css.raw).toBe(15 * 50);
    expect(weight.css.served).toBeLessThan(weight.css.raw);
    expect(weight.total.raw).toBe(weight.html.raw + weight.css.raw + weight.js.raw);
  });

  it('finds the largest HTML page and counts the paper cards on it', () => {
    write(
      path.join(dist, 'tags/video/index.html'),
      `<ol>${'<li><article class="paper-card" data-id="x"></article></li>'.repeat(300)}</ol>`,
    );
    expect(largestPage(dist)).toEqual({ file: 'tags/video/index.html', bytes: expect.any(Number), cards: 300 });
  });

  it('serves text gzipped and Pagefind’s compressed files as they are', () => {
    const text = Buffer.from('<p>hello</p>'.repeat(100));
    expect(servedBytes('a/index.html', text).served).toBeLessThan(text.length);
    expect(servedBytes('pagefind/index/zh_1.pf_index', text)).toEqual({ raw: text.length, served: text.length });
  });
});

describe('CPU profile summary', () => {
  const root = '/repo';
  it('names the owner of a frame', () => {
    expect(frameOwner('', root)).toBe('node');
    expect(frameOwner('node:internal/fs', root)).toBe('node');
    expect(frameOwner('file:///repo/node_modules/astro/dist/core/build/index.js', root)).toBe('astro');
    expect(frameOwner('file:///repo/node_modules/@astrojs/mdx/dist/index.js', root)).toBe('@astrojs/mdx');
    expect(frameOwner('file:///repo/src/lib/validate.ts', root)).toBe('ours');
    expect(frameOwner('file:///repo/bench/.work/dist-1/chunks/PaperCard_x.mjs', root)).toBe(SITE_BUNDLE);
    expect(frameOwner('file:///repo/bench/.work/dist-1/chunks/astro/server_x.mjs', root)).toBe('astro');
    expect(frameOwner('file:///repo/bench/.work/dist-1/pages/_section_/_id_.astro.mjs?time=1795788296358', root)).toBe(
      SITE_BUNDLE,
    );
  });

  it('adds self time by owner and function, and our inclusive time once per stack', () => {
    const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
      id,
      callFrame: { functionName, url, lineNumber: 0 },
      children,
    });
    const profile: CpuProfile = {
      nodes: [
        frame(1, '(root)', '', [2, 5]),
        frame(2, 'render', 'file:///repo/dist/chunks/page.mjs', [3]),
        frame(3, 'render', 'file:///repo/dist/chunks/page.mjs', [4]),
        frame(4, 'parse', 'file:///repo/node_modules/micromark/index.js'),
        frame(5, '(garbage collector)', ''),
      ],
      samples: [4, 4, 3, 5],
      timeDeltas: [1000, 1000, 2000, 500],
    };
    const summary = summarizeCpuProfile(profile, root);
    expect(summary.totalMs).toBe(4.5);
    expect(summary.byOwner).toEqual([
      { owner: 'micromark', ms: 2 },
      { owner: SITE_BUNDLE, ms: 2 },
      { owner: 'node', ms: 0.5 },
    ]);
    expect(summary.topSelf[0]).toMatchObject({ owner: 'micromark', name: 'parse node_modules/micromark/index.js:1', ms: 2 });
    expect(summary.oursInclusive).toEqual([{ owner: SITE_BUNDLE, name: 'render dist/chunks/page.mjs:1', ms: 4 }]);
  });
});

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
    rounds: [
      { floor: floor(10_000, 500), site: build(20_000, 1000) },
      { floor: floor(12_000, 500), site: build(30_000, 1100) },
    ],
    warm: { edit: build(8_000, 900), add: build(9_000, 900), added: 3 },
    dist: { bytes: 50 * 1024 ** 2, files: entries + 20 },
    pagefindIndex: { bytes: 5 * 1024 ** 2, files: 900 },
    floorIndex: { bytes: 4 * 1024 ** 2, files: 890 },
    sectionPage: weight(120 * 1024),
    paperPage: weight(20 * 1024),
    largestPage: { file: 'mllm/index.html', bytes: 130 * 1024, cards: 100 },
    searches: [search('video', 100, 3), search('幻觉', 10)],
    floorSearches: [search('video', 95, 3), search('幻觉', 9)],
    ...overrides,
  };
}

describe('report', () => {
  it('writes Markdown tables with one cell per column', () => {
    expect(markdownTable(['a', 'b'], [[1, 'x']])).toBe('| a | b |\n| --- | --- |\n| 1 | x |');
    for (const [table, columns, rows] of [
      [floorTable([result(1000)]), FLOOR_COLUMNS, 1],
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

  it('takes each ratio to the floor within a round, then the median over the rounds', () => {
    const rounds: Round[] = [
      { floor: floor(10_000, 100), site: build(20_000, 300) },
      { floor: floor(20_000, 100), site: build(30_000, 300) },
      { floor: floor(30_000, 100), site: build(90_000, 300) },
    ];
    expect(siteToFloor(rounds, (b) => b.wallMs)).toBe(2);
    expect(siteToFloor(rounds, (b) => b.peakRssBytes)).toBe(3);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    // Medians of the absolute figures; a missing CPU time leaves its cells empty.
    expect(floorTable([result(1000, { rounds })])).toContain(
      '| 1000 | 1010 / 1005 | 20.0 | 30.0 | 2.00× | 20.0 | 30.0 | 2.00× | 100 | 300 | 3.00× |',
    );
    const noCpu = [{ floor: floor(10_000, 100, null), site: build(20_000, 300, null) }];
    expect(floorTable([result(1000, { rounds: noCpu })])).toContain('| 20.0 | 2.00× | — | — | — | 100 |');
  });

  it('adds up a build’s steps: times summed, the peak the largest step’s', () => {
    const measured = build(20_000, 1000);
    expect(measured.wallMs).toBe(20_000);
    expect(measured.cpuMs).toBe(20_000);
    expect(measured.peakRssBytes).toBe(1000 * 1024 ** 2);
    expect(stepTable([result(1000)])).toContain('| 1000 | 18.8 | 525 | 6.3 | 1050 | 8.3 | 2.8 | 500 |');
  });

  it('takes page generation out of the site’s build, against the floor and the clean build in each round', () => {
    const site = (wallMs: number, pageGenerationMs?: number) =>
      combine([
        { name: 'astro build', wallMs: wallMs * 0.75, peakRssBytes: 1, pageGenerationMs },
        { name: 'search index', wallMs: wallMs * 0.25, peakRssBytes: 1 },
      ]);
    // 40 s with 20 s of pages: 20 s left, against a 10 s floor and the 40 s build; then 60 s with 30 s.
    const rounds: Round[] = [
      { floor: floor(10_000, 100), site: site(40_000, 20_000) },
      { floor: floor(15_000, 100), site: site(60_000, 30_000) },
    ];
    expect(fixedCostTable([result(10_000, { rounds })]).split('\n')[2]).toBe(
      '| 10000 | 37.5 | 25.0 | 12.5 | 12.5 | 25.0 | 2.00× | 0.50× |',
    );
    // A log Astro wrote differently gives empty cells, not a wrong figure.
    const unread = [{ floor: floor(10_000, 100), site: site(40_000) }];
    expect(fixedCostTable([result(10_000, { rounds: unread })]).split('\n')[2]).toBe(
      '| 10000 | 30.0 | — | — | 10.0 | — | — | — |',
    );
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
      ['10,000 entries: warm rebuild after editing 1 entry ≤ half a clean build', '8.0 s of 25.0 s (0.32×)', true],
      ['10,000 entries: warm rebuild after adding 3 entries ≤ half a clean build', '9.0 s of 25.0 s (0.36×)', true],
      ["10,000 entries: first search ≤ the floor's bytes + 10 %", '100.0 KB against 95.0 KB (1.05×)', true],
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
        rounds: [{ floor: floor(40_000, 1900), site: build(70_000, 2700) }],
        largestPage: { file: 'tags/video/index.html', bytes: 1600 * 1024, cards: 1300 },
      }),
    ]);
    expect(bad.filter((check) => !check.met).map((check) => check.measured)).toEqual([
      '2700 MB (highest of 1 clean builds)',
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

describe('benchmark set-up', () => {
  it('builds with the project config, src/ and public/ from a root of its own', () => {
    expect(isolatedConfigSource('/repo')).toBe(
      'import config from "file:///repo/astro.config.mjs";\n' +
        'export default { ...config, srcDir: "/repo/src", publicDir: "/repo/public", outDir: "./dist", cacheDir: "./cache" };\n',
    );
  });

  it('weighs the largest section and a paper in it with an arXiv id', () => {
    const entries = syntheticEntries(300, { sections: ['a', 'b'], sectionWeights: [1, 5], seed: 2 });
    const { section, paper } = samplePages(entries);
    expect(section).toBe('b');
    expect(paper).toMatchObject({ section: 'b', format: 'yaml' });
    expect(paper.paper.arxiv).toBeDefined();
  });
});

describe('Astro’s page generation time', () => {
  // The end of `astro build --timings` (Astro 7.4), colours off; then the same with colours.
  const log = [
    '15:50:49 [build] ✓ Completed in 27.51s.',
    '  content sync                        15.10s  30.3% ████▆··················',
    '  generate pages                      25.97s  52.1% ···············██████▆',
    '    prerenderer setup                   15ms   0.5% ···············▁······',
    '    static paths                       145ms   5.1% ···············▇▃·····',
    '',
    'Page rendering (706ms across 470 pages)',
  ].join('\n');

  it('reads the report’s generate-pages row, in each unit it is written in', () => {
    expect(astroPageGenerationMs(log)).toBe(25_970);
    expect(astroPageGenerationMs(log.replace('25.97s', '812ms'))).toBe(812);
    expect(astroPageGenerationMs(log.replace('25.97s', '1m 5s'))).toBe(65_000);
    const coloured = log.replace('25.97s', '\x1b[2m25.97s\x1b[22m');
    expect(astroPageGenerationMs(coloured)).toBe(25_970);
  });

  it('gives no figure for output without the report’s row', () => {
    expect(astroPageGenerationMs('floor: 10008 pages')).toBeUndefined();
    expect(astroPageGenerationMs(log.replace('generate pages', 'generate images'))).toBeUndefined();
  });

  it('is recorded with the step that logged it', async () => {
    const print = (text: string) => ({
      name: text ? 'astro build' : 'search index',
      command: process.execPath,
      args: ['-e', `process.stdout.write(${JSON.stringify(text)})`],
    });
    const measured = await runSteps([print(log), print('')], temp);
    expect(measured.steps.map((step) => step.pageGenerationMs)).toEqual([25_970, undefined]);
  });
});

describe('the build as package.json runs it', () => {
  it('reads both steps of `npm run build`, so the benchmark builds as the project does', () => {
    expect(buildScript(REPO_ROOT)).toEqual({
      astroFlags: ['--max-old-space-size=1536'],
      indexFlags: ['--import', 'tsx'],
      indexEntry: 'src/integrations/build-search-index.ts',
    });
    expect(() => parseBuildScript('astro build')).toThrow(/package.json "build" is not/);
  });

  it('runs Astro in the size’s own root, then the indexer on that root’s output', () => {
    const [astro, index] = siteSteps(REPO_ROOT, { siteRoot: '/w/site-1', outDir: '/w/site-1/dist', contentDir: '/w/content-1' });
    expect(astro!.args.slice(-5)).toEqual([path.join(REPO_ROOT, ASTRO_CLI), 'build', '--timings', '--root', '/w/site-1']);
    expect(index!.args.slice(-2)).toEqual(['src/integrations/build-search-index.ts', '/w/site-1/dist']);
    expect(astro!.env).toEqual({ CONTENT_DIR: '/w/content-1' });
  });
});
