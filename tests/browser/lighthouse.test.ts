import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';
import { browserSuite, CHROME_PATH, serveDist, type ServedSite } from '../helpers/browser';
import { contentEntries } from '../helpers/content';
import { DIST } from '../setup/dist';

/**
 * Lighthouse (from npm, mobile emulation, the default) on the built site with the test Chromium:
 * the home page, a section, a paper and the search page with a query. Accessibility must be 100;
 * performance, best practices and SEO 95 or more; cumulative layout shift at most 0.1. The static
 * server here neither compresses nor sets cache headers (GitHub Pages does): Lighthouse lists
 * those but they do not weigh in these scores.
 */
const entries = contentEntries();
// The heaviest kind of paper page: a long note in MDX, with its components and their styles.
const paper = entries.find((entry) => entry.file.endsWith('.mdx')) ?? entries[0]!;
// A word of that paper's title, so the search page has results to lay out.
const word = paper.data.title.match(/[A-Za-z]{5,}/)?.[0] ?? paper.data.title;
const PAGES: [string, string][] = [
  ['home', ''],
  ['a section', `${paper.section}/`],
  ['a paper', `${paper.section}/${paper.id}/`],
  // A paper with a scholarly record: fifty authors folded, an abstract, the record's links.
  ['a paper with a record', 'reasoning/glm-4-5/'],
  ['search with a query', `search/?q=${encodeURIComponent(word)}`],
];
const MINIMUM = { performance: 0.95, accessibility: 1, 'best-practices': 0.95, seo: 0.95 } as const;
const MAX_LAYOUT_SHIFT = 0.1;
const LIGHTHOUSE = path.join(REPO_ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');

interface Report {
  categories: Record<keyof typeof MINIMUM, { score: number; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; numericValue?: number; displayValue?: string }>;
}

async function lighthouse(url: string): Promise<Report> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      LIGHTHOUSE,
      url,
      '--quiet',
      '--output=json',
      '--output-path=stdout',
      `--only-categories=${Object.keys(MINIMUM).join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ],
    { env: { ...process.env, CHROME_PATH }, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Report;
}

/** What fell short, by name, so a failure says what to fix. */
function shortfalls(report: Report): string[] {
  const out: string[] = [];
  for (const [name, minimum] of Object.entries(MINIMUM) as [keyof typeof MINIMUM, number][]) {
    const category = report.categories[name];
    if (category.score >= minimum) continue;
    const failing = category.auditRefs
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${ref.id} (${report.audits[ref.id]!.displayValue ?? report.audits[ref.id]!.score})`);
    out.push(`${name} ${category.score} < ${minimum}: ${failing.join(', ')}`);
  }
  const shift = report.audits['cumulative-layout-shift']?.numericValue ?? 0;
  if (shift > MAX_LAYOUT_SHIFT) out.push(`cumulative layout shift ${shift} > ${MAX_LAYOUT_SHIFT}`);
  return out;
}

browserSuite('Lighthouse, mobile, on the built site', () => {
  let site: ServedSite;
  beforeAll(async () => {
    site = await serveDist(DIST);
  });
  afterAll(() => site?.close());

  it.each(PAGES)('%s (/%s)', async (_, sitePath) => {
    let report = await lighthouse(site.url(sitePath));
    // Other tests share the cores: a busy machine only lowers the timing-based performance score,
    // so a page short of it is measured once more before it counts.
    if (report.categories.performance.score < MINIMUM.performance) report = await lighthouse(site.url(sitePath));
    const scores = Object.entries(report.categories).map(([name, { score }]) => `${name} ${Math.round(score * 100)}`);
    console.log(`/${sitePath}: ${scores.join(', ')}, CLS ${report.audits['cumulative-layout-shift']?.numericValue}`);
    expect(shortfalls(report)).toEqual([]);
  });
});
