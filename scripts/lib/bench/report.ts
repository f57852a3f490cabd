import { PAGE_SIZE } from '../../../src/lib/section-views';
import { PAPER_PAGE_MAX_RAW_BYTES, type Bytes } from './output';
import { SITE_BUNDLE, type ProfileSummary } from './profile';
import type { Round, SizeResult } from './run';
import type { BuildMeasure } from './steps';

/** bench/results.md: the tables, the targets of issue #16 checked, the profile, the kept notes. */

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
export const seconds = (ms: number) => (ms / 1000).toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}×`;
const optional = (value: number | undefined, format: (value: number) => string) => (value === undefined ? '—' : format(value));
const bytesCell = (bytes: Bytes) => `${kb(bytes.raw)} / ${kb(bytes.served)}`;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The middle value of a figure over the rounds. */
function acrossRounds(rounds: readonly Round[], figure: (round: Round) => number | undefined): number | undefined {
  const values = rounds.map(figure);
  return values.every((value) => value !== undefined) && values.length ? median(values as number[]) : undefined;
}

/**
 * Site ÷ floor of a figure, taken within each round (floor and site built back to back, so a
 * slow hour slows both) and then the median over the rounds.
 */
export function siteToFloor(rounds: readonly Round[], figure: (build: BuildMeasure) => number | undefined): number | undefined {
  return acrossRounds(rounds, (round) => {
    const [site, floor] = [figure(round.site), figure(round.floor)];
    return site !== undefined && floor ? site / floor : undefined;
  });
}

const step = (build: BuildMeasure, name: string) => build.steps.find((measured) => measured.name === name);

export const FLOOR_COLUMNS = [
  'entries',
  'pages site / floor',
  'floor s',
  'site s',
  'time ÷ floor',
  'floor CPU s',
  'site CPU s',
  'CPU ÷ floor',
  'floor peak MB',
  'site peak MB',
  'peak ÷ floor',
] as const;
export const STEP_COLUMNS = [
  'entries',
  'astro build s',
  'astro build peak MB',
  'search index s',
  'search index peak MB',
  'floor pages s',
  'floor index s',
  'floor index peak MB',
] as const;
export const FIXED_COST_COLUMNS = [
  'entries',
  'astro build s',
  'page generation s',
  'astro build without it s',
  'search index s',
  'build without page generation s',
  '÷ floor',
  '÷ clean site',
] as const;
export const REBUILD_COLUMNS = [
  'entries',
  'clean site s',
  'edit 1 entry s',
  'edit ÷ clean',
  'add entries s',
  'add ÷ clean',
  'edit peak MB',
  'add peak MB',
] as const;
export const MDX_COLUMNS = [
  'entries',
  'MDX entries',
  'site s with MDX',
  'site s as Markdown',
  'MDX adds s',
  'CPU s with MDX',
  'CPU s as Markdown',
  'CPU ms per MDX entry',
  'peak MB with MDX',
  'peak MB as Markdown',
] as const;
export const OUTPUT_COLUMNS = ['entries', 'dist MB', 'dist files', 'Pagefind MB', 'Pagefind files', 'floor Pagefind MB'] as const;
export const WEIGHT_COLUMNS = [
  'entries',
  'section page KB raw / gzip',
  'paper page KB raw / gzip',
  'paper page HTML / CSS / JS KB raw',
  'largest page KB raw (cards)',
  '1st search KB raw / served',
  'floor 1st search KB served',
  '1st search ÷ floor',
  '1st search files',
  '1st search ms',
  '2nd search KB raw / served',
  'floor 2nd search KB served',
  '2nd search files',
  '2nd search ms',
] as const;
export const ROUND_COLUMNS = ['entries', 'round', 'floor s', 'site s', 'time ÷ floor', 'floor peak MB', 'site peak MB'] as const;

export function markdownTable(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}

export function floorTable(results: readonly SizeResult[]): string {
  return markdownTable(
    FLOOR_COLUMNS,
    results.map(({ entries, pages, floorPages, rounds }) => {
      const mid = (figure: (round: Round) => number | undefined, format: (value: number) => string) =>
        optional(acrossRounds(rounds, figure), format);
      return [
        entries,
        `${pages} / ${floorPages}`,
        mid((round) => round.floor.wallMs, seconds),
        mid((round) => round.site.wallMs, seconds),
        optional(
          siteToFloor(rounds, (build) => build.wallMs),
          ratio,
        ),
        mid((round) => round.floor.cpuMs, seconds),
        mid((round) => round.site.cpuMs, seconds),
        optional(
          siteToFloor(rounds, (build) => build.cpuMs),
          ratio,
        ),
        mid((round) => round.floor.peakRssBytes, mb),
        mid((round) => round.site.peakRssBytes, mb),
        optional(
          siteToFloor(rounds, (build) => build.peakRssBytes),
          ratio,
        ),
      ];
    }),
  );
}

export function stepTable(results: readonly SizeResult[]): string {
  return markdownTable(
    STEP_COLUMNS,
    results.map(({ entries, rounds }) => {
      const mid = (build: 'site' | 'floor', name: string, figure: 'wallMs' | 'peakRssBytes') =>
        optional(
          acrossRounds(rounds, (round) => step(round[build], name)?.[figure]),
          figure === 'wallMs' ? seconds : mb,
        );
      return [
        entries,
        mid('site', 'astro build', 'wallMs'),
        mid('site', 'astro build', 'peakRssBytes'),
        mid('site', 'search index', 'wallMs'),
        mid('site', 'search index', 'peakRssBytes'),
        mid('floor', 'floor pages', 'wallMs'),
        mid('floor', 'floor index', 'wallMs'),
        mid('floor', 'floor index', 'peakRssBytes'),
      ];
    }),
  );
}

/** Astro's step less its page generation; undefined when its log gave no generation time. */
function astroWithoutPageGeneration(build: BuildMeasure): number | undefined {
  const astro = step(build, 'astro build');
  return astro?.pageGenerationMs === undefined ? undefined : astro.wallMs - astro.pageGenerationMs;
}

/** A build's time but for Astro's page generation: the rest of Astro's step, then the search index. */
function withoutPageGeneration(build: BuildMeasure): number | undefined {
  const generation = step(build, 'astro build')?.pageGenerationMs;
  return generation === undefined ? undefined : build.wallMs - generation;
}

/**
 * What the site's build costs besides generating its pages, against the floor and the clean build
 * itself (ratios within each round, then medians): what no page-level change can take off.
 */
export function fixedCostTable(results: readonly SizeResult[]): string {
  return markdownTable(
    FIXED_COST_COLUMNS,
    results.map(({ entries, rounds }) => {
      const mid = (figure: (round: Round) => number | undefined) => optional(acrossRounds(rounds, figure), seconds);
      /** The build without page generation as a share of another build of the same round. */
      const share = (of: (round: Round) => BuildMeasure) =>
        optional(
          acrossRounds(rounds, (round) => {
            const rest = withoutPageGeneration(round.site);
            return rest === undefined ? undefined : rest / of(round).wallMs;
          }),
          ratio,
        );
      return [
        entries,
        mid((round) => step(round.site, 'astro build')?.wallMs),
        mid((round) => step(round.site, 'astro build')?.pageGenerationMs),
        mid((round) => astroWithoutPageGeneration(round.site)),
        mid((round) => step(round.site, 'search index')?.wallMs),
        mid((round) => withoutPageGeneration(round.site)),
        share((round) => round.floor),
        share((round) => round.site),
      ];
    }),
  );
}

export function rebuildTable(results: readonly SizeResult[]): string {
  return markdownTable(
    REBUILD_COLUMNS,
    results.map(({ entries, rounds, warm }) => {
      const clean = median(rounds.map((round) => round.site.wallMs));
      if (!warm) return [entries, seconds(clean), '—', '—', '—', '—', '—', '—'];
      return [
        entries,
        seconds(clean),
        seconds(warm.edit.wallMs),
        ratio(warm.edit.wallMs / clean),
        `${seconds(warm.add.wallMs)} (${warm.added})`,
        ratio(warm.add.wallMs / clean),
        mb(warm.edit.peakRssBytes),
        mb(warm.add.peakRssBytes),
      ];
    }),
  );
}

/** Medians over the MDX-cost pairs of each size that measured them. */
export function mdxTable(results: readonly SizeResult[]): string {
  return markdownTable(
    MDX_COLUMNS,
    results.flatMap(({ entries, mdx }) => {
      if (!mdx) return [];
      const of = (side: 'mdx' | 'markdown', key: 'wallMs' | 'cpuMs' | 'peakRssBytes') =>
        median(mdx.pairs.map((pair) => pair[side][key] ?? Number.NaN));
      const cpuAdded = of('mdx', 'cpuMs') - of('markdown', 'cpuMs');
      return [
        [
          entries,
          mdx.mdxEntries,
          seconds(of('mdx', 'wallMs')),
          seconds(of('markdown', 'wallMs')),
          seconds(of('mdx', 'wallMs') - of('markdown', 'wallMs')),
          seconds(of('mdx', 'cpuMs')),
          seconds(of('markdown', 'cpuMs')),
          mdx.mdxEntries ? Math.round(cpuAdded / mdx.mdxEntries) : '—',
          mb(of('mdx', 'peakRssBytes')),
          mb(of('markdown', 'peakRssBytes')),
        ],
      ];
    }),
  );
}

export function outputTable(results: readonly SizeResult[]): string {
  return markdownTable(
    OUTPUT_COLUMNS,
    results.map((result) => [
      result.entries,
      mb(result.dist.bytes),
      result.dist.files,
      (result.pagefindIndex.bytes / 1024 / 1024).toFixed(1),
      result.pagefindIndex.files,
      (result.floorIndex.bytes / 1024 / 1024).toFixed(1),
    ]),
  );
}

export function weightTable(results: readonly SizeResult[]): string {
  return markdownTable(
    WEIGHT_COLUMNS,
    results.map((result) => {
      const [first, second] = result.searches;
      const [floorFirst, floorSecond] = result.floorSearches;
      const { html, css, js } = result.paperPage;
      return [
        result.entries,
        bytesCell(result.sectionPage.total),
        bytesCell(result.paperPage.total),
        `${kb(html.raw)} / ${kb(css.raw)} / ${kb(js.raw)}`,
        `${kb(result.largestPage.bytes)} (${result.largestPage.cards})`,
        first ? bytesCell(first.bytes) : '—',
        floorFirst ? kb(floorFirst.bytes.served) : '—',
        first && floorFirst ? ratio(first.bytes.served / floorFirst.bytes.served) : '—',
        first?.files.length ?? '—',
        first ? Math.round(first.ms) : '—',
        second ? bytesCell(second.bytes) : '—',
        floorSecond ? kb(floorSecond.bytes.served) : '—',
        second?.files.length ?? '—',
        second ? Math.round(second.ms) : '—',
      ];
    }),
  );
}

export function roundTable(results: readonly SizeResult[]): string {
  return markdownTable(
    ROUND_COLUMNS,
    results.flatMap(({ entries, rounds }) =>
      rounds.map((round, index) => [
        entries,
        index + 1,
        seconds(round.floor.wallMs),
        seconds(round.site.wallMs),
        ratio(round.site.wallMs / round.floor.wallMs),
        mb(round.floor.peakRssBytes),
        mb(round.site.peakRssBytes),
      ]),
    ),
  );
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** Issue #16's targets (and the page-weight ones before it), checked on the sizes that were run. */
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
  }
  const tenThousand = results.find((result) => result.entries === 10_000);
  if (tenThousand) {
    const clean = median(tenThousand.rounds.map((round) => round.site.wallMs));
    const { warm } = tenThousand;
    for (const [what, build] of warm
      ? ([
          ['editing 1 entry', warm.edit],
          [`adding ${warm.added} entries`, warm.add],
        ] as const)
      : []) {
      checks.push({
        target: `10,000 entries: warm rebuild after ${what} ≤ half a clean build`,
        measured: `${seconds(build.wallMs)} s of ${seconds(clean)} s (${ratio(build.wallMs / clean)})`,
        met: build.wallMs <= clean / 2,
      });
    }
    const [first, second] = tenThousand.searches;
    const [floorFirst] = tenThousand.floorSearches;
    if (first && floorFirst) {
      checks.push({
        target: "10,000 entries: first search ≤ the floor's bytes + 10 %",
        measured: `${kb(first.bytes.served)} KB against ${kb(floorFirst.bytes.served)} KB (${ratio(first.bytes.served / floorFirst.bytes.served)})`,
        met: first.bytes.served <= floorFirst.bytes.served * 1.1,
      });
    }
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
  command,
  pending = [],
}: {
  machine: Machine;
  results: readonly SizeResult[];
  profile?: { entries: number; build: BuildMeasure; summary: ProfileSummary };
  command: string;
  /** What the run has still to measure, when the report is written part way. */
  pending?: readonly string[];
}): string {
  const targets = checkTargets(results);
  const missed = targets.filter((target) => !target.met);
  const firstSearchFiles = results.at(-1)?.searches[0]?.files ?? [];
  const rounds = results[0]?.rounds.length ?? 0;
  const lines = [
    '# Benchmark: build and search at scale, against a floor',
    '',
    `A real run of \`${command}\` on this machine: ${machineLine(machine)}.`,
    ...(pending.length ? [`**Part way: still to run when this was written: ${pending.join(', ')}.**`] : []),
    'Entries are synthetic (scripts/lib/bench/synthetic.ts, seeded): English titles, Chinese notes, 1–3 links, tags, 5% MDX, spread over the real sections like the real list.',
    "**The floor** (bench/floor.mjs) is the least a static build of the same content can do: one page per paper and per section written with template strings, then the Pagefind CLI with the site's index settings. Absolute times on this shared machine drift by a third from hour to hour, so each size builds the floor and the site back to back, " +
      `${rounds} time(s) in turn, and the ratios are taken within each round (median over the rounds); the absolute figures are medians.`,
    "The site builds as `npm run build` does (its Node flags, Astro, then the search index in a process of its own once Astro has exited), from a clean cache, in an Astro root of its own (bench/.work/site-N). Peak MB is the largest sum of RSS over a step's process tree (sampled every 100 ms), the largest step's; CPU s is user + system time of the steps and their children: GNU time's figure, or the sum over the sampled processes where that is larger (Pagefind's indexer is killed by the build, never waited for, so GNU time misses it).",
    '',
    '## Clean builds against the floor',
    '',
    floorTable(results),
    '',
    'By step (medians):',
    '',
    stepTable(results),
    '',
    'Each round:',
    '',
    roundTable(results),
    '',
    '## What the build costs besides its pages',
    '',
    "Astro's step less its page generation (as Astro logs it): Node and Astro starting, the content validated and synced, the site bundled (each MDX entry a module), the sitemap; then the search index. No change to how pages are rendered can take this off, so it bounds both the clean build against the floor and any warm rebuild that still bundles and indexes everything (Astro 5 and Pagefind 1.6 do).",
    '',
    fixedCostTable(results),
    '',
    '## Warm rebuilds',
    '',
    "After the clean builds, with their cache: one entry's note edited and the site built again, then a few new entries added and built again (not measured where the row says —).",
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
