import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { serializeEntry } from '../../../src/lib/entry-files';
import { PAGE_SIZE } from '../../../src/lib/section-views';
import { syntheticEntryPath, writeSyntheticContent, type SyntheticEntry } from './synthetic';

/**
 * Measurement helpers for `npm run bench`: a child process's wall time and the peak memory of
 * its whole process tree, the weight of built pages and of a search, a CPU profile summary and
 * the Markdown report. Linux only for memory (it reads /proc).
 */

// ---------------------------------------------------------------------------------------------
// Processes

export interface MeasuredRun {
  wallMs: number;
  /**
   * User + system CPU time of the process and its descendants, from GNU time when it is
   * installed: on a machine shared with other work it varies far less than wall time.
   */
  cpuMs?: number;
  /** Highest sum of RSS over the process and all its descendants, sampled every `sampleMs`. */
  peakRssBytes: number;
  exitCode: number | null;
  output: string;
}

/** Variables Vitest puts into process.env that a child `astro build` must not inherit (BASE_URL would override the base). */
const VITEST_ONLY_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'];

export function childEnv(extra: NodeJS.ProcessEnv = {}, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const key of VITEST_ONLY_VARIABLES) delete clean[key];
  return { ...clean, ...extra };
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command, sampling the RSS of its process tree (Pagefind's binary is a child of the build). */
export function runMeasured(
  command: string,
  args: readonly string[],
  { cwd, env, sampleMs = 100, gnuTime = GNU_TIME }: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number; gnuTime?: string },
): Promise<MeasuredRun> {
  // GNU time writes the CPU seconds of everything it waited for (children included) to a file of its own.
  const timeFile = existsSync(gnuTime) ? path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-time-')), 'cpu') : undefined;
  const [program, programArgs] = timeFile ? [gnuTime, ['-o', timeFile, '-f', '%U %S', command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(program, programArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    let peakRssBytes = 0;
    const sample = () => {
      if (child.pid !== undefined) peakRssBytes = Math.max(peakRssBytes, treeRssBytes(child.pid));
    };
    const timer = setInterval(sample, sampleMs);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearInterval(timer);
      const cpuMs = timeFile ? cpuMsFromGnuTime(readFileSync(timeFile, 'utf8')) : undefined;
      if (timeFile) rmSync(path.dirname(timeFile), { recursive: true, force: true });
      resolve({ wallMs: performance.now() - started, cpuMs, peakRssBytes, exitCode, output });
    });
  });
}

/** `%U %S` as GNU time writes it (`12.34 1.05`, after a `Command exited…` line on failure) → ms. */
export function cpuMsFromGnuTime(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/m.exec(text);
  return match ? Math.round((Number(match[1]) + Number(match[2])) * 1000) : undefined;
}

/** Sum of VmRSS over `rootPid` and its descendants, read from /proc; 0 where /proc is missing. */
export function treeRssBytes(rootPid: number, procDir = '/proc'): number {
  const children = new Map<number, number[]>();
  let pids: string[];
  try {
    pids = readdirSync(procDir).filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    const ppid = parentPid(readProcFile(procDir, pid, 'stat'));
    if (ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rssBytesFromStatus(readProcFile(procDir, String(pid), 'status'));
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function readProcFile(procDir: string, pid: string, name: string): string {
  try {
    return readFileSync(path.join(procDir, pid, name), 'utf8');
  } catch {
    return ''; // the process ended between listing and reading
  }
}

/** The 4th field of /proc/<pid>/stat; the command name (2nd) may hold spaces and parentheses. */
export function parentPid(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return stat && Number.isInteger(ppid) ? ppid : undefined;
}

export function rssBytesFromStatus(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

// ---------------------------------------------------------------------------------------------
// Built output

export interface Bytes {
  raw: number;
  /** What a static host sends: gzip for text, the file as is for already-compressed data. */
  served: number;
}

/** Pagefind's index, fragments and WebAssembly are gzip-compressed by Pagefind already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt']);

export function servedBytes(file: string, content: Buffer): Bytes {
  const compressible = COMPRESSIBLE.has(path.extname(file).toLowerCase());
  return { raw: content.length, served: compressible ? gzipSync(content).length : content.length };
}

export function addBytes(...parts: Bytes[]): Bytes {
  return parts.reduce((sum, part) => ({ raw: sum.raw + part.raw, served: sum.served + part.served }), { raw: 0, served: 0 });
}

export function directoryStats(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

export function countFiles(dir: string, extension: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith(extension)).length;
}

export interface LargestPage {
  /** Path under the site root. */
  file: string;
  bytes: number;
  /** Paper cards on it: a listing should show at most a page's worth (PAGE_SIZE). */
  cards: number;
}

/** The biggest HTML file of a build, with how many paper cards it lists. */
export function largestPage(distDir: string): LargestPage {
  let largest = { file: '', bytes: -1 };
  for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const bytes = statSync(path.join(distDir, file)).size;
    if (bytes > largest.bytes) largest = { file, bytes };
  }
  const html = readFileSync(path.join(distDir, largest.file), 'utf8');
  return { ...largest, cards: html.split(PAPER_CARD_MARKUP).length - 1 };
}

/** How src/components/PaperCard.astro opens a card. */
const PAPER_CARD_MARKUP = '<article class="paper-card"';

export interface PageWeight {
  html: Bytes;
  css: Bytes;
  js: Bytes;
  total: Bytes;
  /** Site paths of the stylesheets and scripts counted. */
  assets: string[];
}

/**
 * The bytes a visit to `pagePath` costs before search opens: the HTML, its stylesheets, and the
 * scripts it loads eagerly with what they import statically. Pagefind's files (loaded when search
 * opens) and images are not counted.
 */
export function pageWeight(distDir: string, pagePath: string, base = '/'): PageWeight {
  const htmlFile = path.join(distDir, pagePath, pagePath.endsWith('.html') ? '' : 'index.html');
  const $ = load(readFileSync(htmlFile));
  const fromPage = (href: string | undefined) => (href ? siteFile(href, path.posix.join(base, pagePath, '/'), base) : undefined);
  const stylesheets = $('link[rel~="stylesheet"]')
    .map((_, el) => fromPage($(el).attr('href')))
    .get();
  const scripts = [
    ...$('script[src]')
      .map((_, el) => fromPage($(el).attr('src')))
      .get(),
    ...$('link[rel="modulepreload"]')
      .map((_, el) => fromPage($(el).attr('href')))
      .get(),
  ];
  const notSearch = (sitePath: string) => !sitePath.startsWith(`${base}pagefind/`);
  const css = [...new Set(stylesheets.filter(notSearch))];
  const js = withStaticImports(distDir, scripts.filter(notSearch), base);
  const weigh = (sitePaths: readonly string[]) =>
    addBytes(
      ...sitePaths.map((sitePath) => servedBytes(sitePath, readFileSync(path.join(distDir, sitePath.slice(base.length))))),
    );
  const html = servedBytes(htmlFile, readFileSync(htmlFile));
  const [cssBytes, jsBytes] = [weigh(css), weigh(js)];
  return { html, css: cssBytes, js: jsBytes, total: addBytes(html, cssBytes, jsBytes), assets: [...css, ...js] };
}

/** The site path (`/x/y.js`) of a same-site URL, resolved against the page; undefined for other sites. */
function siteFile(href: string, pageSitePath: string, base: string): string | undefined {
  const url = new URL(href, `http://site.test${pageSitePath}`);
  return url.origin === 'http://site.test' && url.pathname.startsWith(base) ? url.pathname : undefined;
}

/** `import "./x.js"` and `import {a} from "./x.js"` load with the script; `import()` does not. */
const STATIC_IMPORT = /\bimport\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

function withStaticImports(distDir: string, scripts: readonly string[], base: string): string[] {
  const seen = new Set<string>();
  const queue = [...scripts];
  while (queue.length) {
    const script = queue.shift()!;
    if (seen.has(script)) continue;
    seen.add(script);
    const code = readFileSync(path.join(distDir, script.slice(base.length)), 'utf8');
    for (const [, specifier] of code.matchAll(STATIC_IMPORT)) {
      const imported = siteFile(specifier!, script, base);
      if (imported) queue.push(imported);
    }
  }
  return [...seen];
}

// ---------------------------------------------------------------------------------------------
// Search

export interface SearchCost {
  query: string;
  results: number;
  /** Files fetched for this search (for the first: the scripts, the index entry, WebAssembly…). */
  files: FetchedFile[];
  bytes: Bytes;
  ms: number;
}

export interface FetchedFile extends Bytes {
  /** Path under the site root, e.g. `pagefind/index/zh_1a2b.pf_index`. */
  file: string;
}

/** The slice of Pagefind's JS API (pagefind 1.6) a search needs. */
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
  destroy(): Promise<void>;
}

const SITE_ORIGIN = 'http://site.test';
let pagefindLoads = 0;

/**
 * Runs `queries` one after the other through the build's real `pagefind/pagefind.js` in Node, as a
 * page would: each search also loads the excerpts of the first `shownResults` results. Requests
 * are answered from `distDir` and counted; a file fetched once is not fetched again, as a browser
 * caches it. The first search counts `pagefind.js` and `pagefind-worker.js` too: in a browser
 * Pagefind runs in that worker, in Node on the main thread, with the same index requests.
 */
export async function searchCosts(
  distDir: string,
  queries: readonly string[],
  { shownResults = 5, htmlLang = 'en' } = {},
): Promise<SearchCost[]> {
  const bundleDir = path.join(distDir, 'pagefind');
  const fetched: FetchedFile[] = [];
  const serve = (file: string) => {
    const content = readFileSync(path.join(distDir, file));
    fetched.push({ file, ...servedBytes(file, content) });
    return content;
  };
  const realFetch = globalThis.fetch;
  const realDocument = (globalThis as { document?: unknown }).document;
  globalThis.fetch = async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== SITE_ORIGIN) return new Response('only the site is served', { status: 404 });
    const file = decodeURIComponent(url.pathname).slice(1);
    if (!existsSync(path.join(distDir, file))) return new Response('not found', { status: 404 });
    return new Response(serve(file));
  };
  // Pagefind reads <html lang> to choose the index and how to split the query into words;
  // `currentScript: null` keeps its wasm-bindgen glue from reading `location`.
  const html = { getAttribute: (name: string) => (name === 'lang' ? htmlLang : null) };
  const document = { currentScript: null, querySelector: (selector: string) => (selector === 'html' ? html : null) };
  Object.assign(globalThis, { document });
  let pagefind: PagefindModule | undefined;
  try {
    const costs: SearchCost[] = [];
    for (const query of queries) {
      const before = fetched.length;
      const started = performance.now();
      if (!pagefind) {
        for (const script of ['pagefind/pagefind.js', 'pagefind/pagefind-worker.js']) serve(script);
        // A fresh module instance per call: Pagefind keeps its state at module level.
        pagefind = (await import(
          `${pathToFileURL(path.join(bundleDir, 'pagefind.js')).href}?load=${++pagefindLoads}`
        )) as PagefindModule;
        await pagefind.options({ basePath: `${SITE_ORIGIN}/pagefind/` });
        await pagefind.init();
      }
      const { results } = await pagefind.search(query);
      await Promise.all(results.slice(0, shownResults).map((result) => result.data()));
      const ms = performance.now() - started;
      const files = fetched.slice(before);
      costs.push({ query, results: results.length, files, bytes: addBytes(...files), ms });
    }
    return costs;
  } finally {
    await pagefind?.destroy();
    globalThis.fetch = realFetch;
    Object.assign(globalThis, { document: realDocument });
  }
}

// ---------------------------------------------------------------------------------------------
// CPU profile

/** The parts of a V8 `.cpuprofile` the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  owner: string;
  name: string;
  ms: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by owner (`ours`, a package name, `node`, `(garbage collector)`…), largest first. */
  byOwner: { owner: string; ms: number }[];
  /** Functions by self time, largest first. */
  topSelf: ProfileLine[];
  /** Our functions (ours and the site bundle) by inclusive time, their callees counted, largest first. */
  oursInclusive: ProfileLine[];
}

/** Frames of code Vite bundled for rendering: our pages, components and src/lib, and Astro's content runtime. */
export const SITE_BUNDLE = 'site bundle';

/**
 * Who a stack frame belongs to: a package, `node`, `ours` (src/ run from source, e.g. the
 * integrations) or SITE_BUNDLE. Pages render from `<outDir>/chunks/*.mjs`, where Vite bundled our
 * src/ together with `astro:content`'s runtime; Astro's render runtime goes to `chunks/astro/`.
 */
export function frameOwner(url: string, repoRoot: string): string {
  if (!url || url.startsWith('node:')) return 'node';
  // Astro imports page modules with a `?time=` query.
  const file = url.startsWith('file://') ? new URL(url).pathname : url.replace(/[?#].*$/, '');
  const packageMatch = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (packageMatch) return packageMatch[1]!;
  if (/\/chunks\/astro\//.test(file)) return 'astro';
  if (file.startsWith(path.join(repoRoot, 'src') + '/')) return 'ours';
  if (/\/(chunks|pages)\/.+\.mjs$/.test(file)) return SITE_BUNDLE;
  return 'other';
}

const isOurs = (owner: string) => owner === 'ours' || owner === SITE_BUNDLE;

export function summarizeCpuProfile(profile: CpuProfile, repoRoot: string, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));

  const label = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url
      ? `${url
          .replace(/^file:\/\//, '')
          .replace(/[?#].*$/, '')
          .replace(`${repoRoot}/`, '')}:${lineNumber + 1}`
      : '';
    return { owner: frameOwner(url, repoRoot), name: `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}` };
  };
  const byOwner = new Map<string, number>();
  const self = new Map<string, ProfileLine>();
  const inclusive = new Map<string, ProfileLine>();
  for (const [id, ms] of selfMs) {
    const { owner, name } = label(id);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
    const line = self.get(name) ?? { owner, name, ms: 0 };
    line.ms += ms;
    self.set(name, line);
    // Each of our functions on the stack gets the sample once, even when it recurses.
    const counted = new Set<string>();
    for (let frame: number | undefined = id; frame !== undefined; frame = parent.get(frame)) {
      const framed = label(frame);
      if (!isOurs(framed.owner) || counted.has(framed.name)) continue;
      counted.add(framed.name);
      const entry = inclusive.get(framed.name) ?? { ...framed, ms: 0 };
      entry.ms += ms;
      inclusive.set(framed.name, entry);
    }
  }
  const largest = <T extends { ms: number }>(items: Iterable<T>) => [...items].sort((a, b) => b.ms - a.ms);
  return {
    totalMs: [...selfMs.values()].reduce((sum, ms) => sum + ms, 0),
    byOwner: largest([...byOwner].map(([owner, ms]) => ({ owner, ms }))),
    topSelf: largest(self.values()).slice(0, top),
    oursInclusive: largest(inclusive.values()).slice(0, top),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

export interface BuildMeasure {
  wallMs: number;
  cpuMs?: number;
  peakRssBytes: number;
  /** Pagefind's own indexing time, from the integration's log line. */
  pagefindMs?: number;
}

export interface SizeResult {
  entries: number;
  pages: number;
  cold: BuildMeasure;
  incremental: BuildMeasure;
  dist: { bytes: number; files: number };
  pagefindIndex: { bytes: number; files: number };
  sectionPage: PageWeight;
  paperPage: PageWeight;
  largestPage: LargestPage;
  searches: SearchCost[];
}

/** `[pagefind-search] Search index: 1200 papers from 1270 pages read, in 1111 ms.` → 1111. */
export function pagefindMsFromLog(output: string): number | undefined {
  const match = /Search index: [^\n]*? in (\d+) ms/.exec(output);
  return match ? Number(match[1]) : undefined;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const optional = (value: number | undefined, format: (value: number) => string) => (value === undefined ? '—' : format(value));
const bytesCell = (bytes: Bytes) => `${kb(bytes.raw)} / ${kb(bytes.served)}`;

export const BUILD_COLUMNS = [
  'entries',
  'pages',
  'cold build s',
  'pages/s',
  'cold build CPU s',
  'peak RSS MB',
  'of which Pagefind s',
  'incremental build s',
  'incremental CPU s',
  'incremental peak RSS MB',
  'dist MB',
  'dist files',
  'Pagefind dir MB',
  'Pagefind files',
] as const;
export const WEIGHT_COLUMNS = [
  'entries',
  'section page KB raw / gzip',
  'paper page KB raw / gzip',
  'paper page HTML / CSS / JS KB raw',
  'largest page KB raw (cards)',
  '1st search KB raw / served',
  '1st search files',
  '1st search ms',
  '2nd search KB raw / served',
  '2nd search files',
  '2nd search ms',
] as const;

export function markdownTable(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}

export function buildTable(results: readonly SizeResult[]): string {
  return markdownTable(
    BUILD_COLUMNS,
    results.map((result) => [
      result.entries,
      result.pages,
      seconds(result.cold.wallMs),
      Math.round(result.pages / (result.cold.wallMs / 1000)),
      optional(result.cold.cpuMs, seconds),
      mb(result.cold.peakRssBytes),
      optional(result.cold.pagefindMs, seconds),
      seconds(result.incremental.wallMs),
      optional(result.incremental.cpuMs, seconds),
      mb(result.incremental.peakRssBytes),
      mb(result.dist.bytes),
      result.dist.files,
      mb(result.pagefindIndex.bytes),
      result.pagefindIndex.files,
    ]),
  );
}

export function weightTable(results: readonly SizeResult[]): string {
  return markdownTable(
    WEIGHT_COLUMNS,
    results.map((result) => {
      const [first, second] = result.searches;
      const { html, css, js } = result.paperPage;
      return [
        result.entries,
        bytesCell(result.sectionPage.total),
        bytesCell(result.paperPage.total),
        `${kb(html.raw)} / ${kb(css.raw)} / ${kb(js.raw)}`,
        `${kb(result.largestPage.bytes)} (${result.largestPage.cards})`,
        first ? bytesCell(first.bytes) : '—',
        first?.files.length ?? '—',
        first ? Math.round(first.ms) : '—',
        second ? bytesCell(second.bytes) : '—',
        second?.files.length ?? '—',
        second ? Math.round(second.ms) : '—',
      ];
    }),
  );
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** The issue's targets, checked against the sizes that were run (a size not run is not checked). */
export function checkTargets(results: readonly SizeResult[]): TargetCheck[] {
  const at = (entries: number) => results.find((result) => result.entries === entries);
  const checks: TargetCheck[] = [];
  const buildTarget = (entries: number, maxSeconds: number, maxMb: number) => {
    const result = at(entries);
    if (!result) return;
    checks.push(
      {
        target: `${entries.toLocaleString('en')} entries: clean build under ${maxSeconds} s`,
        measured: `${seconds(result.cold.wallMs)} s`,
        met: result.cold.wallMs < maxSeconds * 1000,
      },
      {
        target: `${entries.toLocaleString('en')} entries: peak memory under ${(maxMb / 1024).toFixed(1)} GB`,
        measured: `${mb(result.cold.peakRssBytes)} MB`,
        met: result.cold.peakRssBytes < maxMb * 1024 * 1024,
      },
    );
  };
  buildTarget(10_000, 30, 1536);
  buildTarget(30_000, 100, 2560);
  const tenThousand = at(10_000);
  if (tenThousand?.searches[0]) {
    const served = tenThousand.searches[0].bytes.served;
    checks.push({
      target: '10,000 entries: first search under 175 KB gzip',
      measured: `${kb(served)} KB`,
      met: served < 175 * 1024,
    });
  }
  for (const result of results) {
    const size = result.entries.toLocaleString('en');
    const total = result.paperPage.total.raw;
    checks.push({
      target: `${size} entries: paper page under 30 KB HTML+CSS+JS before search`,
      measured: `${kb(total)} KB raw`,
      met: total < 30 * 1024,
    });
    const { file, bytes, cards } = result.largestPage;
    checks.push({
      target: `${size} entries: listings paginated, no page over ${PAGE_SIZE} papers`,
      measured: `largest page \`${file}\`: ${cards} papers, ${kb(bytes)} KB`,
      met: cards <= PAGE_SIZE,
    });
  }
  return checks;
}

export interface Machine {
  cores: number;
  memoryBytes: number;
  node: string;
  date: string;
  loadAverage: number[];
  /** What was measured: the commit, and whether the site's sources had uncommitted changes. */
  code?: { commit: string; uncommitted: boolean };
}

export function machineLine(machine: Machine): string {
  const code = machine.code
    ? `, code at ${machine.code.commit}${machine.code.uncommitted ? ' with uncommitted changes' : ''}`
    : '';
  return `${machine.cores} cores, ${(machine.memoryBytes / 1024 ** 3).toFixed(0)} GB RAM, Node ${machine.node}, ${machine.date}, load average at start ${machine.loadAverage.map((load) => load.toFixed(2)).join(' ')}${code}`;
}

// ---------------------------------------------------------------------------------------------
// One benchmark run

/** Where one size's files go under the work folder (bench/.work/ is gitignored). */
export interface SizeLayout {
  entries: number;
  contentDir: string;
  /** The Astro project root of this size's builds: its config, `.astro/`, cache and output. */
  siteRoot: string;
  outDir: string;
  cacheDir: string;
}

export function sizeLayout(workDir: string, entries: number): SizeLayout {
  const siteRoot = path.join(workDir, `site-${entries}`);
  return {
    entries,
    contentDir: path.join(workDir, `content-${entries}`),
    siteRoot,
    outDir: path.join(siteRoot, 'dist'),
    cacheDir: path.join(siteRoot, 'cache'),
  };
}

/**
 * The project's own Astro config, rooted in a folder of its own. Astro keeps the content data
 * store in `cacheDir` (default node_modules/.astro) and writes the MDX module map to
 * `<root>/.astro/content-modules.mjs`; both are shared by every build in the checkout, and a
 * build running at the same time overwrote the module map mid-build (MDX entries then fail to
 * render). A root of its own isolates both; src/ and public/ stay the project's.
 */
export function isolatedConfigSource(repoRoot: string): string {
  const projectConfig = pathToFileURL(path.join(repoRoot, 'astro.config.mjs')).href;
  const dirs = {
    srcDir: path.join(repoRoot, 'src'),
    publicDir: path.join(repoRoot, 'public'),
    outDir: './dist',
    cacheDir: './cache',
  };
  return [
    `import config from ${JSON.stringify(projectConfig)};`,
    `export default { ...config, ${Object.entries(dirs)
      .map(([key, dir]) => `${key}: ${JSON.stringify(dir)}`)
      .join(', ')} };`,
    '',
  ].join('\n');
}

export interface BuildRun extends BuildMeasure {
  output: string;
}

/**
 * The Node flags `npm run build` gives Astro (`node <flags> node_modules/astro/astro.js build` in
 * package.json), so the benchmark measures the build as the project runs it.
 */
export function buildNodeFlags(repoRoot: string): string[] {
  const script: string = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts.build;
  const match = /^node((?:\s+--\S+)*)\s+node_modules\/astro\/astro\.js build$/.exec(script);
  if (!match) throw new Error(`package.json "build" is not \`node [--flags] node_modules/astro/astro.js build\`: ${script}`);
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

/** `astro build` of one size's content into its outDir, measured; throws with the log's tail on failure. */
export async function buildSite(
  layout: SizeLayout,
  repoRoot: string,
  extraNodeOptions: readonly string[] = [],
): Promise<BuildRun> {
  const nodeOptions = [...buildNodeFlags(repoRoot), ...extraNodeOptions];
  const run = await runMeasured(
    process.execPath,
    [...nodeOptions, path.join(repoRoot, 'node_modules/astro/astro.js'), 'build', '--root', layout.siteRoot],
    {
      cwd: repoRoot,
      // CONTENT_DIR absolute: src/lib/paths.ts resolves a relative one from where the bundled code runs.
      env: childEnv({ CONTENT_DIR: layout.contentDir }),
    },
  );
  if (run.exitCode !== 0) {
    throw new Error(
      `astro build of ${layout.entries} entries failed (exit ${run.exitCode}):\n${run.output.split('\n').slice(-30).join('\n')}`,
    );
  }
  return {
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    peakRssBytes: run.peakRssBytes,
    pagefindMs: pagefindMsFromLog(run.output),
    output: run.output,
  };
}

export interface MeasureOptions {
  entries: number;
  seed: number;
  repoRoot: string;
  workDir: string;
  /** The registry and header copied into the synthetic content root. */
  registryFile: string;
  aboutFile: string;
  sections: readonly string[];
  sectionWeights?: readonly number[];
  /** The first runs on a fresh Pagefind, the rest after it. */
  queries: readonly string[];
  log?: (line: string) => void;
}

/**
 * One size: generate the content, build from a clean cache, weigh the output and two searches,
 * then change one entry and build again with the warm cache (and check the change is there).
 */
export async function measureSize(options: MeasureOptions): Promise<SizeResult> {
  const { entries, repoRoot, log = () => {} } = options;
  log(`${entries} entries: writing content`);
  const { layout, written } = prepareSize(options);

  log(`${entries} entries: clean build`);
  const cold = await buildSite(layout, repoRoot);
  const sample = samplePages(written);
  const measured = {
    pages: countFiles(layout.outDir, '.html'),
    dist: directoryStats(layout.outDir),
    pagefindIndex: directoryStats(path.join(layout.outDir, 'pagefind')),
    sectionPage: pageWeight(layout.outDir, `${sample.section}/`),
    paperPage: pageWeight(layout.outDir, `${sample.paper.section}/${sample.paper.id}/`),
    largestPage: largestPage(layout.outDir),
    searches: await searchCosts(layout.outDir, options.queries),
  };

  log(`${entries} entries: incremental build after editing ${sample.paper.section}/${sample.paper.id}`);
  const editedNote = `${sample.paper.paper.note ?? ''}（已修订 ${options.seed}）`;
  writeFileSync(
    syntheticEntryPath(layout.contentDir, sample.paper),
    serializeEntry({ ...sample.paper.paper, note: editedNote }, sample.paper.format, sample.paper.body),
  );
  const incremental = await buildSite(layout, repoRoot);
  const rebuiltPage = readFileSync(path.join(layout.outDir, sample.paper.section, sample.paper.id, 'index.html'), 'utf8');
  if (!rebuiltPage.includes(editedNote))
    throw new Error(`the incremental build of ${entries} entries did not pick up the edited note`);

  return { entries, cold: withoutOutput(cold), incremental: withoutOutput(incremental), ...measured };
}

/** Writes one size's synthetic content and an empty site root (so the next build starts cold). */
export function prepareSize(options: Omit<MeasureOptions, 'queries' | 'log'>): { layout: SizeLayout; written: SyntheticEntry[] } {
  const layout = sizeLayout(options.workDir, options.entries);
  const written = writeSyntheticContent(layout.contentDir, options.entries, options);
  rmSync(layout.siteRoot, { recursive: true, force: true });
  mkdirSync(layout.siteRoot, { recursive: true });
  writeFileSync(path.join(layout.siteRoot, 'astro.config.mjs'), isolatedConfigSource(options.repoRoot));
  return { layout, written };
}

function withoutOutput({ output: _output, ...measure }: BuildRun): BuildMeasure {
  return measure;
}

/** The largest section's first page, and a paper page in it with an arXiv id (so it has the Cite block). */
export function samplePages(entries: readonly SyntheticEntry[]): { section: string; paper: SyntheticEntry } {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.section, (counts.get(entry.section) ?? 0) + 1);
  const section = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const inSection = entries.filter((entry) => entry.section === section);
  const paper = inSection.find((entry) => entry.format === 'yaml' && entry.paper.arxiv) ?? inSection[0]!;
  return { section, paper };
}

/**
 * A clean build of `layout` (already generated) under `node --cpu-prof`, summarised. Pagefind
 * indexes in its own (Rust) process, so its work shows only as the build waiting.
 */
export async function profileBuild(
  layout: SizeLayout,
  repoRoot: string,
  profileDir: string,
): Promise<{ build: BuildMeasure; summary: ProfileSummary }> {
  for (const dir of [layout.cacheDir, layout.outDir, path.join(layout.siteRoot, '.astro'), profileDir])
    rmSync(dir, { recursive: true, force: true });
  const build = await buildSite(layout, repoRoot, ['--cpu-prof', '--cpu-prof-dir', profileDir]);
  const profiles = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
  const largest = profiles.map((name) => path.join(profileDir, name)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!largest) throw new Error(`node --cpu-prof wrote no profile into ${profileDir}`);
  return {
    build: withoutOutput(build),
    summary: summarizeCpuProfile(JSON.parse(readFileSync(largest, 'utf8')) as CpuProfile, repoRoot),
  };
}

// ---------------------------------------------------------------------------------------------
// results.md

/** Everything below this line in results.md is written by hand and kept when the bench rewrites the file. */
export const NOTES_MARKER = '<!-- Notes below this line are kept when `npm run bench` rewrites this file. -->';

export function resultsMarkdown({
  machine,
  results,
  profile,
  command,
}: {
  machine: Machine;
  results: readonly SizeResult[];
  profile?: { entries: number; build: BuildMeasure; summary: ProfileSummary };
  command: string;
}): string {
  const targets = checkTargets(results);
  const missed = targets.filter((target) => !target.met);
  const firstSearchFiles = results.at(-1)?.searches[0]?.files ?? [];
  const lines = [
    '# Benchmark: build and search at scale',
    '',
    `A real run of \`${command}\` on this machine: ${machineLine(machine)}.`,
    'Entries are synthetic (scripts/lib/bench/synthetic.ts, seeded): English titles, Chinese notes, 1–3 links, tags, 5% MDX, spread over the real sections like the real list.',
    'Each size builds from a clean cache in an Astro root of its own (bench/.work/site-N: the project config, src/ and public/, its own `.astro/` and `cacheDir`); "incremental" changes one entry and builds again with the warm cache.',
    'Peak RSS is the sum over the build process and its children (Pagefind), sampled every 100 ms. CPU s is user + system time of the build and its children (GNU time): other work on the machine at the same time stretches wall times, much less CPU times.',
    '',
    '## Build',
    '',
    buildTable(results),
    '',
    '## Page weight and search',
    '',
    'KB raw / gzip (as a static host serves it). A page counts its HTML, stylesheets and eagerly loaded scripts; Pagefind is counted in the searches. The section page is the first page of the largest section; the largest page is the biggest HTML file of the build, with the paper cards it lists.',
    `A search runs the built \`pagefind.js\` in Node: the first (\`${results[0]?.searches[0]?.query ?? ''}\`) loads Pagefind (its script and worker, index entry, WebAssembly, metadata) plus the index chunks and the first 5 results' excerpts; the second (\`${results[0]?.searches[1]?.query ?? ''}\`) only what it adds. Pagefind's index files are compressed already, so they count as they are.`,
    '',
    weightTable(results),
    '',
    ...(firstSearchFiles.length
      ? [
          `First search at ${results.at(-1)!.entries} entries, file by file (KB served): ${[...firstSearchFiles]
            .sort((a, b) => b.served - a.served)
            .map((file) => `\`${file.file}\` ${kb(file.served)}`)
            .join(', ')}.`,
          '',
        ]
      : []),
    '## Targets',
    '',
    markdownTable(
      ['target', 'measured', 'met'],
      targets.map((target) => [target.target, target.measured, target.met ? 'yes' : '**no**']),
    ),
    '',
    missed.length
      ? `Missed: ${missed.map((target) => `${target.target} (${target.measured})`).join('; ')}.`
      : 'Every target checked here is met.',
    '',
  ];
  if (profile) lines.push(...profileMarkdown(profile), '');
  return lines.join('\n');
}

function profileMarkdown({
  entries,
  build,
  summary,
}: {
  entries: number;
  build: BuildMeasure;
  summary: ProfileSummary;
}): string[] {
  const ms = (value: number) => Math.round(value).toLocaleString('en');
  return [
    `## CPU profile of a clean ${entries.toLocaleString('en')}-entry build`,
    '',
    `\`node --cpu-prof\` on the main build process (${seconds(build.wallMs)} s with the profiler on, ${ms(summary.totalMs)} ms sampled). "ours" is src/ run from source (the integrations); "${SITE_BUNDLE}" is src/ as Vite bundled it for rendering, with Astro's content runtime (\`getCollection\`) inlined there. Pagefind indexes in its own process and shows as idle time here.`,
    '',
    'Self time by owner:',
    '',
    markdownTable(
      ['owner', 'self ms', 'share'],
      summary.byOwner
        .slice(0, 12)
        .map(({ owner, ms: value }) => [owner, ms(value), `${((value / summary.totalMs) * 100).toFixed(1)}%`]),
    ),
    '',
    'Functions with the most self time:',
    '',
    markdownTable(
      ['owner', 'function', 'self ms'],
      summary.topSelf.map((line) => [line.owner, `\`${line.name}\``, ms(line.ms)]),
    ),
    '',
    'Our functions by inclusive time (callees included):',
    '',
    markdownTable(
      ['function', 'inclusive ms'],
      summary.oursInclusive.map((line) => [`\`${line.name}\``, ms(line.ms)]),
    ),
  ];
}

/** The new generated part, followed by the hand-written notes of the previous file (if any). */
export function keepNotes(generated: string, previous: string | undefined): string {
  const at = previous?.indexOf(NOTES_MARKER) ?? -1;
  const notes = at >= 0 ? previous!.slice(at) : `${NOTES_MARKER}\n`;
  return `${generated.trimEnd()}\n\n${notes}`;
}
