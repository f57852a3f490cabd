import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';
import {
  BUILD_COLUMNS,
  buildNodeFlags,
  buildTable,
  checkTargets,
  childEnv,
  cpuMsFromGnuTime,
  frameOwner,
  isolatedConfigSource,
  keepNotes,
  largestPage,
  machineLine,
  markdownTable,
  NOTES_MARKER,
  pagefindMsFromLog,
  pageWeight,
  parentPid,
  rssBytesFromStatus,
  runMeasured,
  samplePages,
  servedBytes,
  SITE_BUNDLE,
  summarizeCpuProfile,
  treeRssBytes,
  WEIGHT_COLUMNS,
  weightTable,
  type CpuProfile,
  type PageWeight,
  type SizeResult,
} from '../../scripts/lib/bench/bench';
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
      write(path.join(proc, String(pid), 'stat'), `${pid} (x) S ${ppid} 0 0`);
      write(path.join(proc, String(pid), 'status'), `VmRSS:\t${kb} kB\n`);
    }
    expect(treeRssBytes(10, proc)).toBe(123 * 1024);
    expect(treeRssBytes(10, path.join(temp, 'no-proc'))).toBe(0);
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

  it('gives a child build an env without the variables Vitest adds', () => {
    const env = childEnv({ OUT_DIR: 'x' }, { PATH: '/bin', BASE_URL: '/', NODE_ENV: 'test', MODE: 'test' });
    expect(env).toEqual({ PATH: '/bin', OUT_DIR: 'x' });
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
function result(entries: number, overrides: Partial<SizeResult> = {}): SizeResult {
  return {
    entries,
    pages: entries + 10,
    cold: { wallMs: 20_000, cpuMs: 30_000, peakRssBytes: 1024 ** 3, pagefindMs: 3000 },
    incremental: { wallMs: 15_000, peakRssBytes: 1024 ** 3 },
    dist: { bytes: 50 * 1024 ** 2, files: entries + 20 },
    pagefindIndex: { bytes: 5 * 1024 ** 2, files: 900 },
    sectionPage: weight(120 * 1024),
    paperPage: weight(20 * 1024),
    largestPage: { file: 'mllm/index.html', bytes: 130 * 1024, cards: 100 },
    searches: [
      {
        query: 'video',
        results: 300,
        files: [{ file: 'pagefind/pagefind.js', ...bytes(150 * 1024, 100 * 1024) }],
        bytes: bytes(150 * 1024, 100 * 1024),
        ms: 90,
      },
      { query: '幻觉', results: 30, files: [], bytes: bytes(10 * 1024), ms: 5 },
    ],
    ...overrides,
  };
}

describe('report', () => {
  it('writes Markdown tables with one cell per column', () => {
    expect(markdownTable(['a', 'b'], [[1, 'x']])).toBe('| a | b |\n| --- | --- |\n| 1 | x |');
    for (const [table, columns] of [
      [buildTable([result(1000)]), BUILD_COLUMNS],
      [weightTable([result(1000)]), WEIGHT_COLUMNS],
    ] as const) {
      const [header, , row] = table.split('\n');
      expect(header).toBe(`| ${columns.join(' | ')} |`);
      expect(row!.split(' | ')).toHaveLength(columns.length);
    }
    expect(buildTable([result(1000)])).toContain('| 1000 | 1010 | 20.0 | 51 | 30.0 | 1024.0 | 3.0 | 15.0 | — | 1024.0 |');
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
    const slow = result(10_000, {
      cold: { wallMs: 45_000, peakRssBytes: 2 * 1024 ** 3 },
      largestPage: { file: 'tags/video/index.html', bytes: 1600 * 1024, cards: 1300 },
    });
    const checks = checkTargets([slow]);
    expect(checks.filter((check) => !check.met).map((check) => check.measured)).toEqual([
      '45.0 s',
      '2048.0 MB',
      'largest page `tags/video/index.html`: 1300 papers, 1600.0 KB',
    ]);
    expect(checks.find((check) => check.target.includes('first search'))).toMatchObject({ measured: '100.0 KB', met: true });
  });

  it('reads Pagefind’s indexing time from the build log', () => {
    expect(pagefindMsFromLog('12:00 [pagefind-search] Search index: 1200 papers from 1270 pages read, in 1111 ms.\n')).toBe(1111);
    expect(pagefindMsFromLog('no index line')).toBeUndefined();
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

describe('buildNodeFlags', () => {
  it('reads the Node flags of `npm run build`, so the benchmark builds as the project does', () => {
    expect(buildNodeFlags(REPO_ROOT)).toEqual(['--max-old-space-size=1536']);
  });
});
