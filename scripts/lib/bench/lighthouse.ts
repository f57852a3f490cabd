/**
 * Lighthouse (from npm, its Node API; mobile emulation and simulated throttling, its defaults)
 * against a served build, in a session of one Chromium: the one way the project runs it. tests/browser/lighthouse.test.ts
 * asserts what does not depend on the machine's speed (category scores other than performance,
 * layout shift, counted budgets: pageCounts); `npm run bench` measures the performance score and
 * its timings (measurePerformance), which move with the machine's load, and reports them with it.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { routes } from '../../../src/lib/routes';
import { CHROMIUM_ARGS } from '../chromium';
import { serveDist } from '../static-server';
import { markdownTable } from './tables';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Lighthouse gives up on a page whose first paint takes over 30 s or whose load takes over 45 s
 * (its defaults); on a machine whose every core is busy a page can take longer, and the counts
 * asserted do not depend on how long it took.
 */
const PATIENT_SETTINGS = { maxWaitForFcp: 180_000, maxWaitForLoad: 240_000 };

/**
 * For a run that only counts: no full-page screenshot, and neither the fixed pause Lighthouse
 * adds after the load event nor the quiet main thread it waits for so that timings settle. What is
 * counted still waits on conditions: the first paint, the load event, then the network quiet for
 * Lighthouse's default second (the search page's fetches after its load included).
 */
const COUNTING_SETTINGS = {
  disableFullPageScreenshot: true,
  pauseAfterLoadMs: 0,
  cpuQuietThresholdMs: 0,
};

/** The audits pageCounts reads: all of the performance category's, none of its timings. */
export const COUNTED_AUDITS = [
  'total-byte-weight',
  'network-requests',
  'render-blocking-insight',
  'resource-summary',
  'cumulative-layout-shift',
] as const;

/**
 * What a run audits. `npm run bench` asks for every category (the performance score is what it
 * measures); the tests ask for the categories that do not depend on the machine's speed and the
 * counted audits, which spares Lighthouse the performance metrics' simulation and the full-page
 * screenshot, the larger part of a run.
 */
export type LighthouseScope = { categories: readonly Category[]; audits?: readonly string[] };
export const EVERY_CATEGORY: LighthouseScope = { categories: CATEGORIES };
export const COUNTS_AND_SCORES: LighthouseScope = {
  categories: ['accessibility', 'best-practices', 'seo'],
  audits: COUNTED_AUDITS,
};

export interface LighthouseAudit {
  title: string;
  score: number | null;
  numericValue?: number;
  displayValue?: string;
  details?: { items?: Record<string, unknown>[] };
}

export interface LighthouseReport {
  categories: Partial<Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>>;
  audits: Record<string, LighthouseAudit>;
}

export interface LighthouseSession {
  /** One Lighthouse run of `url`; throws with Lighthouse's error when it fails. */
  run(url: string, scope?: LighthouseScope): Promise<LighthouseReport>;
  close(): Promise<void>;
}

/**
 * One Chromium (at `chromePath`) for as many Lighthouse runs as the caller makes, one after
 * another: Lighthouse clears the origin's storage and caches before each. Starting Chromium and
 * loading Lighthouse once, not once a page, is about half of what a page's audit costs.
 */
export async function openLighthouse(chromePath: string): Promise<LighthouseSession> {
  const chrome = await launch({ chromePath, chromeFlags: CHROMIUM_ARGS });
  return {
    async run(url, scope = EVERY_CATEGORY) {
      const counting = !scope.categories.includes('performance');
      const settings = {
        ...PATIENT_SETTINGS,
        onlyCategories: [...scope.categories],
        ...(scope.audits ? { onlyAudits: [...scope.audits] } : {}),
        ...(counting ? COUNTING_SETTINGS : {}),
      };
      const result = await lighthouse(url, { port: chrome.port, logLevel: 'error' }, { extends: 'lighthouse:default', settings });
      if (!result) throw new Error(`Lighthouse returned no report for ${url}`);
      if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
      return result.lhr as unknown as LighthouseReport;
    },
    async close() {
      chrome.kill();
    },
  };
}

/** What a page costs, counted: none of it depends on how fast the machine is. */
export interface PageCounts {
  /** Bytes transferred for the page and everything it loaded (`total-byte-weight`). */
  bytes: number;
  /** Requests made (`network-requests`). */
  requests: number;
  /** Requests that held the first paint back (`render-blocking-insight`). */
  renderBlocking: number;
  /** Bytes of script the page loaded, all run on the main thread (`resource-summary`'s script row). */
  scriptBytes: number;
  /** Cumulative layout shift: how far content moved as the page loaded (a fraction of the viewport). */
  layoutShift: number;
}

export function pageCounts(report: LighthouseReport): PageCounts {
  const audit = (id: string) => {
    const found = report.audits[id];
    if (!found) throw new Error(`the Lighthouse report has no audit ${id}`);
    return found;
  };
  const scripts = audit('resource-summary').details?.items?.find((item) => item.resourceType === 'script');
  return {
    bytes: audit('total-byte-weight').numericValue ?? 0,
    requests: audit('network-requests').details?.items?.length ?? 0,
    renderBlocking: audit('render-blocking-insight').details?.items?.length ?? 0,
    scriptBytes: Number(scripts?.transferSize ?? 0),
    layoutShift: audit('cumulative-layout-shift').numericValue ?? 0,
  };
}

/** Each category below `minimum`, with its failing audits, so a failure says what to fix. */
export function categoryShortfalls(report: LighthouseReport, minimum: Partial<Record<Category, number>>): string[] {
  const out: string[] = [];
  for (const [name, least] of Object.entries(minimum) as [Category, number][]) {
    const category = report.categories[name];
    if (!category) {
      out.push(`${name}: not in the report (not audited)`);
      continue;
    }
    const score = category.score ?? 0;
    if (score >= least) continue;
    const failing = category.auditRefs
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${ref.id} (${report.audits[ref.id]!.displayValue ?? report.audits[ref.id]!.score})`);
    out.push(`${name} ${score} < ${least}: ${failing.join(', ')}`);
  }
  return out;
}

/** The performance score and the timings it is made of, from one run, with the load the machine had. */
export interface PerformanceSample {
  score: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  speedIndexMs: number;
  /** The 1-minute load average as the run ended. */
  load: number;
}

export function performanceSample(report: LighthouseReport, load: number): PerformanceSample {
  const ms = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: report.categories.performance?.score ?? 0,
    firstContentfulPaintMs: ms('first-contentful-paint'),
    largestContentfulPaintMs: ms('largest-contentful-paint'),
    totalBlockingTimeMs: ms('total-blocking-time'),
    speedIndexMs: ms('speed-index'),
    load,
  };
}

export interface LighthousePage {
  name: string;
  /** The site path, under the build's root (`mllm/2409.12191/`, `search/?q=video`). */
  sitePath: string;
}

/**
 * The pages the bench measures on a build of `contentDir`: the home page, the section of the
 * first MDX entry (the heaviest kind of paper page, in registry order) and that paper, and the
 * search page with `query`.
 */
export function builtPages(contentDir: string, sections: readonly string[], query: string): LighthousePage[] {
  const paper = sections
    .flatMap((section) =>
      existsSync(path.join(contentDir, section))
        ? readdirSync(path.join(contentDir, section))
            .filter((name) => name.endsWith('.mdx'))
            .sort()
            .map((name) => ({ section, id: name.slice(0, -'.mdx'.length) }))
        : [],
    )
    .at(0);
  if (!paper) throw new Error(`no MDX entry under ${contentDir} to measure a paper page on`);
  return [
    { name: 'home', sitePath: routes.home() },
    { name: 'a section', sitePath: routes.section(paper.section) },
    { name: 'a paper (MDX)', sitePath: routes.paper(paper.section, paper.id) },
    { name: 'search with a query', sitePath: routes.search(query) },
  ];
}

export interface LighthouseResult {
  /** What was measured: the build, and the number of cores whose load the samples note. */
  build: string;
  cores: number;
  pages: { page: LighthousePage; samples: PerformanceSample[] }[];
}

/**
 * The performance of each page of the build in `dist`, `runs` times in turn (page after page, so
 * a change in the machine's load spreads over all of them), each run noting the load average.
 */
export async function measurePerformance({
  dist,
  build,
  pages,
  runs,
  chromePath,
  log = () => {},
}: {
  dist: string;
  build: string;
  pages: readonly LighthousePage[];
  runs: number;
  chromePath: string;
  log?: (line: string) => void;
}): Promise<LighthouseResult> {
  const site = await serveDist(dist);
  const session = await openLighthouse(chromePath);
  try {
    const result: LighthouseResult = {
      build,
      cores: os.availableParallelism(),
      pages: pages.map((page) => ({ page, samples: [] })),
    };
    for (let run = 1; run <= runs; run++)
      for (const measured of result.pages) {
        const report = await session.run(site.url(measured.page.sitePath));
        const sample = performanceSample(report, os.loadavg()[0]!);
        measured.samples.push(sample);
        log(
          `Lighthouse ${run}/${runs}, ${measured.page.name}: performance ${Math.round(sample.score * 100)}, load ${sample.load.toFixed(2)}`,
        );
      }
    return result;
  } finally {
    await session.close();
    await site.close();
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The columns of the bench's Lighthouse table (tests read the report by them). */
export const LIGHTHOUSE_COLUMNS = [
  'page',
  'performance (median, lowest–highest)',
  'FCP ms',
  'LCP ms',
  'TBT ms',
  'Speed Index ms',
  'load average (lowest–highest)',
] as const;

/** The report's section: medians per page, the spread of the score, and the load each run saw. */
export function lighthouseMarkdown(result: LighthouseResult): string {
  const runs = result.pages[0]?.samples.length ?? 0;
  const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—');
  const rows = result.pages.map(({ page, samples }) => {
    const scores = samples.map((sample) => Math.round(sample.score * 100));
    const loads = samples.map((sample) => sample.load);
    const of = (key: keyof PerformanceSample) => whole(median(samples.map((sample) => sample[key])));
    return [
      `${page.name} (\`/${page.sitePath}\`)`,
      `${median(scores)} (${Math.min(...scores)}–${Math.max(...scores)})`,
      of('firstContentfulPaintMs'),
      of('largestContentfulPaintMs'),
      of('totalBlockingTimeMs'),
      of('speedIndexMs'),
      `${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`,
    ];
  });
  return [
    '## Lighthouse performance',
    '',
    `Lighthouse (mobile emulation, simulated throttling: its defaults) on ${result.build}, ${runs} run(s) of each page in turn. The performance score is made of timings, so it moves with the machine's load: the load average (1 minute, ${result.cores} cores) is noted at each run. That is why it is measured here and not asserted in \`npm test\`, whose Lighthouse test (tests/browser/lighthouse.test.ts) holds what does not depend on the machine's speed.`,
    '',
    markdownTable([...LIGHTHOUSE_COLUMNS], rows),
    '',
  ].join('\n');
}
