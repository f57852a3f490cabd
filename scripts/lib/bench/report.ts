import { PAGE_SIZE } from '../../../src/lib/data/section-views';
import { PAPER_PAGE_MAX_RAW_BYTES } from './output';
import { phaseTable } from './phase-table';
import { SITE_BUNDLE, type ProfileSummary } from './profile';
import type { SizeResult } from './run';
import type { BuildMeasure } from './steps';
import {
  fixedCostTable,
  floorTable,
  kb,
  markdownTable,
  mb,
  mdxTable,
  median,
  outputTable,
  peakTable,
  ratio,
  rebuildTable,
  roundTable,
  seconds,
  siteTo,
  siteToFloor,
  step,
  stepTable,
  weightTable,
} from './tables';

/** bench/results.md: the tables (./tables), the targets of issue #16 checked, the profile, the kept notes. */

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** Issues #16's and #33's targets (and the page-weight ones before them), checked on the sizes that were run. */
export function checkTargets(results: readonly SizeResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const size = (entries: number) => entries.toLocaleString('en');
  const peakLimitMb = new Map([
    [10_000, 1.1 * 1024],
    [30_000, 2.6 * 1024],
  ]);
  for (const result of results) {
    if (result.entries !== 10_000 && result.entries !== 30_000) continue;
    const timeRatio = siteToFloor(result.rounds, (build) => build.wallMs);
    if (timeRatio !== undefined) {
      checks.push({
        target: `${size(result.entries)} entries: clean build within 2× the floor's time`,
        measured: ratio(timeRatio),
        met: timeRatio <= 2,
      });
    }
    const peak = Math.max(...result.rounds.map((round) => round.site.peakRssBytes));
    const limit = peakLimitMb.get(result.entries)!;
    checks.push({
      target: `${size(result.entries)} entries: peak memory of the build's process tree ≤ ${(limit / 1024).toFixed(1)} GB`,
      measured: `${mb(peak)} MB (highest of ${result.rounds.length} clean builds)`,
      met: peak <= limit * 1024 * 1024,
    });
    // Issue #33: what the site adds to a bare Astro build costs at most half of it.
    for (const [what, figure, limitRatio] of [
      ['time', (build: BuildMeasure) => build.wallMs, 1.5],
      ['CPU time', (build: BuildMeasure) => build.cpuMs, 1.5],
      ['peak memory', (build: BuildMeasure) => build.peakRssBytes, 1.15],
    ] as const) {
      const toAstro = siteTo('astroFloor', result.rounds, figure);
      if (toAstro === undefined) continue;
      checks.push({
        target: `${size(result.entries)} entries: clean build's ${what} within ${limitRatio}× the Astro floor's`,
        measured: ratio(toAstro),
        met: toAstro <= limitRatio,
      });
    }
    // Issue #30: with records, at both sizes, the floor indexing the same text.
    const [first] = result.searches;
    const [floorFirst] = result.floorSearches;
    if (first && floorFirst) {
      checks.push({
        target: `${size(result.entries)} entries: first search ≤ the floor's bytes + 10 %`,
        measured: `${kb(first.bytes.served)} KB against ${kb(floorFirst.bytes.served)} KB (${ratio(first.bytes.served / floorFirst.bytes.served)})`,
        met: first.bytes.served <= floorFirst.bytes.served * 1.1,
      });
    }
  }
  const tenThousand = results.find((result) => result.entries === 10_000);
  if (tenThousand) {
    const clean = median(tenThousand.rounds.map((round) => round.site.wallMs));
    const { warm } = tenThousand;
    // Issue #33: after an edit at most half a clean build, after adding three at most 0.6 of it.
    for (const [what, build, limitRatio] of warm
      ? ([
          ['editing 1 entry', warm.edit, 0.5],
          [`adding ${warm.added} entries`, warm.add, 0.6],
        ] as const)
      : []) {
      checks.push({
        target: `10,000 entries: warm rebuild after ${what} ≤ ${limitRatio}× a clean build`,
        measured: `${seconds(build.wallMs)} s of ${seconds(clean)} s (${ratio(build.wallMs / clean)})`,
        met: build.wallMs <= clean * limitRatio,
      });
    }
    const [, second] = tenThousand.searches;
    if (second) {
      checks.push({
        target: '10,000 entries: second search ≤ 30 KB',
        measured: `${kb(second.bytes.served)} KB`,
        met: second.bytes.served <= 30 * 1024,
      });
    }
  }
  for (const result of results) {
    const total = result.paperPage.total.raw;
    checks.push({
      target: `${size(result.entries)} entries: paper page under ${PAPER_PAGE_MAX_RAW_BYTES / 1024} KB HTML+CSS+JS before search`,
      measured: `${kb(total)} KB raw`,
      met: total < PAPER_PAGE_MAX_RAW_BYTES,
    });
    const { file, bytes, cards } = result.largestPage;
    checks.push({
      target: `${size(result.entries)} entries: listings paginated, no page over ${PAGE_SIZE} papers`,
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

/** Everything below this line in results.md is written by hand and kept when the bench rewrites the file. */
export const NOTES_MARKER = '<!-- Notes below this line are kept when `npm run bench` rewrites this file. -->';

export function resultsMarkdown({
  machine,
  results,
  profile,
  lighthouse,
  command,
  pending = [],
}: {
  machine: Machine;
  results: readonly SizeResult[];
  profile?: { entries: number; build: BuildMeasure; summary: ProfileSummary };
  /** The Lighthouse section, as ./lighthouse.ts writes it. */
  lighthouse?: string;
  command: string;
  /** What the run has still to measure, when the report is written part way. */
  pending?: readonly string[];
}): string {
  const targets = checkTargets(results);
  const missed = targets.filter((target) => !target.met);
  const firstSearchFiles = results.at(-1)?.searches[0]?.files ?? [];
  const rounds = results[0]?.rounds.length ?? 0;
  const lines = [
    '# Benchmark: build and search at scale, against two floors',
    '',
    `A real run of \`${command}\` on this machine: ${machineLine(machine)}.`,
    ...(pending.length ? [`**Part way: still to run when this was written: ${pending.join(', ')}.**`] : []),
    'Entries are synthetic (scripts/lib/bench/synthetic.ts, seeded): English titles, Chinese notes, 1–3 links, tags, 5% MDX, spread over the real sections like the real list; about 9 in 10 have a scholarly record (scripts/lib/bench/synthetic-records.ts: 1–30 authors, an abstract of 150–250 words, dates, PDF, sometimes venue and code).',
    "**The floor** (bench/floor.mjs) is the least a static build of the same content can do: one page per paper and per section written with template strings, then the Pagefind CLI with the site's index settings. " +
      "**The Astro floor** (bench/astro-floor/) is the least an Astro 7 content-collection site can do for the same pages: `glob()` collections of the same entry and record YAML with minimal schemas, one `.astro` page per paper and per section, a home page, then the same Pagefind CLI; the bench checks that it writes the same pages as the floor, within a few bytes each. Both floors show and index what the site's paper page shows of a record (authors and abstract, below the title and note). " +
      `Absolute times drift on a shared machine, so each size builds the floor, the Astro floor and the site back to back, ${rounds} time(s) in turn, and the ratios are taken within each round (median over the rounds); the absolute figures are medians.`,
    "The site builds as `npm run build` does (its Node flags, Astro, then the search index in a process of its own once Astro has exited), from nothing, in an Astro root of its own (bench/.work/site-N). Its clean builds are made as CI and the deployment make them, with `BUILD_CACHE=off` (no incremental cache, as the Astro floor has none); only the warm rebuilds use the cache. Peak MB is the largest sum of RSS over a step's process tree (sampled every 100 ms), the largest step's; CPU s is user + system time of the steps and their children: GNU time's figure, or the sum over the sampled processes where that is larger (GNU time misses a child killed unwaited).",
    '',
    '## Clean builds against both floors',
    '',
    floorTable(results),
    '',
    "Peak memory, and the first search's bytes (as in the search table below), against both floors:",
    '',
    peakTable(results),
    '',
    'By step (medians):',
    '',
    stepTable(results),
    '',
    'Each round:',
    '',
    roundTable(results),
    '',
    "## The site's build phase by phase, against the Astro floor's",
    '',
    "Astro's own timings report (`astro build --timings`) of both Astro steps, then each build's search index: where the site's build spends what the bare Astro build does not. `setup` holds the site's validation hook and content sync; `generate pages` holds static paths (each route's getStaticPaths, the site's shared data built once) and then the rendering and writing of every page. Medians over the rounds; the difference and the ratio taken within each round.",
    '',
    phaseTable(results),
    '',
    '## What the build costs besides its pages',
    '',
    "Astro's step less its page generation (as Astro logs it): Node and Astro starting, the content validated and synced (each MDX long note compiled to a tree of data), the site bundled, the sitemap; then the search index. No change to how pages are rendered can take this off, so it bounds both the clean build against the floor and any warm rebuild that still bundles and indexes everything (Astro 7 and Pagefind 1.6 do).",
    '',
    fixedCostTable(results),
    '',
    '## Warm rebuilds',
    '',
    "A clean build that writes the incremental cache (as a maintainer's first local build), then one entry's note edited and the site built again, then a few new entries added and built again (not measured where the row says —). Each is compared to the clean build without the cache (the median of the rounds above), which is what the cache must beat.",
    '',
    rebuildTable(results),
    '',
    ...(results.some((result) => result.mdx)
      ? [
          '## The cost of MDX entries',
          '',
          'The same papers built clean, in turn: as generated (their long notes in `.mdx`, compiled by @astrojs/mdx, one module each) and with those entries as `.md` holding the same notes without the component tags (Markdown the loader renders). Medians over the pairs.',
          '',
          mdxTable(results),
          '',
        ]
      : []),
    '## Output, page weight and search',
    '',
    outputTable(results),
    '',
    'KB raw / gzip (as a static host serves it). A page counts its HTML, stylesheets and eagerly loaded scripts; Pagefind is counted in the searches. The section page is the first page of the largest section; the largest page is the biggest HTML file of the build, with the paper cards it lists.',
    `A search runs the built \`pagefind.js\` in Node (scripts/lib/pagefind-node.ts): the first (\`${results[0]?.searches[0]?.query ?? ''}\`) loads Pagefind (its script and worker, index entry, WebAssembly, metadata) plus the index chunks and the first 5 results' excerpts; the second (\`${results[0]?.searches[1]?.query ?? ''}\`) only what it adds. Pagefind's index files are compressed already, so they count as they are. The floor's searches run the same way on the floor's index.`,
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
  if (lighthouse) lines.push(lighthouse);
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
  const astro = step(build, 'astro build');
  return [
    `## CPU profile of a clean ${entries.toLocaleString('en')}-entry build`,
    '',
    `\`node --cpu-prof\` on Astro's build process (${seconds(astro?.wallMs ?? build.wallMs)} s with the profiler on, ${ms(summary.totalMs)} ms sampled; the search index step after it is not profiled). "ours" is src/ run from source (the integrations); "${SITE_BUNDLE}" is src/ as Vite bundled it for rendering, with Astro's content runtime (\`getCollection\`) inlined there.`,
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
