import type { Bytes } from './output';
import type { Round, SizeResult } from './run';
import type { BuildMeasure } from './steps';

/** bench/results.md's tables: one function per table over the sizes run, and the figures' formats. */

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
export const seconds = (ms: number) => (ms / 1000).toFixed(1);
export const ratio = (value: number) => `${value.toFixed(2)}×`;
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

export const step = (build: BuildMeasure, name: string) => build.steps.find((measured) => measured.name === name);

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
