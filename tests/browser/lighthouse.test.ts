import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  categoryShortfalls,
  COUNTS_AND_SCORES,
  openLighthouse,
  pageCounts,
  type LighthouseSession,
  type PageCounts,
} from '../../scripts/lib/bench/lighthouse';
import { routes } from '../../src/lib/routes';
import { browserSuite, CHROME_PATH, serveDist, type ServedSite } from '../helpers/browser';
import { contentEntries } from '../helpers/content';
import { DIST } from '../setup/dist';

/**
 * Lighthouse (scripts/lib/bench/lighthouse.ts: from npm, mobile emulation) on the built site with
 * the test Chromium: the home page, a section, a paper and the search page with a query. Only what
 * does not depend on how fast the machine is: accessibility, best practices and SEO at 100, layout
 * shift, and budgets that count (bytes, requests, render-blocking requests, script bytes). The
 * performance score is made of timings, so it moves with the machine's load: `npm run bench`
 * measures it (bench/results.md). The static server here neither compresses nor sets cache headers
 * (GitHub Pages does), so bytes are counted raw.
 */
const entries = contentEntries();
// The heaviest kind of paper page: a long note in MDX, with its components and their styles.
const paper = entries.find((entry) => entry.file.endsWith('.mdx')) ?? entries[0]!;
// A word of that paper's title, so the search page has results to lay out.
const word = paper.data.title.match(/[A-Za-z]{5,}/)?.[0] ?? paper.data.title;

type Budget = Omit<PageCounts, 'layoutShift'>;
const KB = 1024;
/** A page's theme script and two stylesheets block its first paint; a paper with components adds theirs. */
const PAGE: Budget = { bytes: 64 * KB, requests: 12, renderBlocking: 3, scriptBytes: 16 * KB };
const PAGES: [string, string, Budget][] = [
  ['home', routes.home(), PAGE],
  ['a section', routes.section(paper.section), PAGE],
  ['a paper', routes.paper(paper.section, paper.id), { ...PAGE, requests: 16, renderBlocking: 4 }],
  // A paper with a scholarly record: fifty authors folded, an abstract, the record's links.
  ['a paper with a record', routes.paper('reasoning', 'glm-4-5'), PAGE],
  // Pagefind: its script, worker, WebAssembly, index chunks and the results' fragments.
  ['search with a query', routes.search(word), { ...PAGE, bytes: 320 * KB, requests: 40, scriptBytes: 128 * KB }],
];
const MINIMUM = { accessibility: 1, 'best-practices': 1, seo: 1 } as const;
const MAX_LAYOUT_SHIFT = 0.1;

/** Each count over its budget, by name. */
function overBudget(counts: PageCounts, budget: Budget): string[] {
  return (Object.keys(budget) as (keyof Budget)[])
    .filter((name) => counts[name] > budget[name])
    .map((name) => `${name} ${counts[name]} > ${budget[name]}`);
}

browserSuite('Lighthouse, mobile, on the built site', () => {
  let site: ServedSite;
  let lighthouse: LighthouseSession;
  beforeAll(async () => {
    site = await serveDist(DIST);
    lighthouse = await openLighthouse(CHROME_PATH);
  });
  afterAll(async () => {
    await lighthouse?.close();
    await site?.close();
  });

  // One Lighthouse run: some 10 s idle, minutes with every core busy (it waits up to 4 for a load).
  it.each(PAGES)('%s (/%s)', { timeout: 600_000 }, async (_, sitePath, budget) => {
    const report = await lighthouse.run(site.url(sitePath), COUNTS_AND_SCORES);
    const counts = pageCounts(report);
    // What budgets are for: the counts rise only when the page changes.
    expect(counts.bytes).toBeGreaterThan(0);
    expect(counts.requests).toBeGreaterThan(0);
    expect(counts.renderBlocking).toBeGreaterThan(0);
    expect(counts.scriptBytes).toBeGreaterThan(0);
    console.log(`/${sitePath}: ${JSON.stringify(counts)}`);
    expect([
      ...categoryShortfalls(report, MINIMUM),
      ...(counts.layoutShift > MAX_LAYOUT_SHIFT ? [`cumulative layout shift ${counts.layoutShift} > ${MAX_LAYOUT_SHIFT}`] : []),
      ...overBudget(counts, budget),
    ]).toEqual([]);
  });
});
