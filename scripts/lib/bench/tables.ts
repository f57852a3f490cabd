import type { Bytes } from './output';
import type { Round, SizeResult } from './run';
import { pageGenerationMs } from './astro-timings';
import type { BuildMeasure } from './steps';

/** bench/results.md's tables: one function per table over the sizes run, and the figures' formats. */

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
export const seconds = (ms: number) => (ms / 1000).toFixed(1);
export const ratio = (value: number) => `${value.toFixed(2)}×`;
/** A figure formatted, or '—' where it was not measured. */
export const optional = (value: number | undefined, format: (value: number) => string) =>
  value === undefined ? '—' : format(value);
const bytesCell = (bytes: Bytes) => `${kb(bytes.raw)} / ${kb(bytes.served)}`;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The middle value of a figure over the rounds. */
export function acrossRounds(rounds: readonly Round[], figure: (round: Round) => number | undefined): number | undefined {
  const values = rounds.map(figure);
  return values.every((value) => value !== undefined) && values.length ? median(values as number[]) : undefined;
}

/** The two floors: the no-framework build (bench/floor.mjs) and the bare Astro site (bench/astro-floor/). */
export type Floor = 'floor' | 'astroFloor';

/**
 * Site ÷ a floor of a figure, taken within each round (the floors and the site built back to back,
 * so a slow hour slows all three) and then the median over the rounds.
 */
export function siteTo(
  floorName: Floor,
  rounds: readonly Round[],
  figure: (build: BuildMeasure) => number | undefined,
): number | undefined {
  return acrossRounds(rounds, (round) => {
    const [site, floor] = [figure(round.site), figure(round[floorName])];
    return site !== undefined && floor ? site / floor : undefined;
  });
}

/** Site ÷ the no-framework floor (see siteTo). */
export const siteToFloor = (rounds: readonly Round[], figure: (build: BuildMeasure) => number | undefined) =>
  siteTo('floor', rounds, figure);

export const step = (build: BuildMeasure, name: string) => build.steps.find((measured) => measured.name === name);

export const FLOOR_COLUMNS = [
  'entries',
  'pages site / floor / Astro floor',
  'floor s',
  'Astro floor s',
  'site s',
  'time ÷ floor',
  'time ÷ Astro floor',
  'floor CPU s',
  'Astro floor CPU s',
  'site CPU s',
  'CPU ÷ floor',
  'CPU ÷ Astro floor',
] as const;
export const PEAK_COLUMNS = [
  'entries',
  'floor peak MB',
  'Astro floor peak MB',
  'site peak MB',
  'peak ÷ floor',
  'peak ÷ Astro floor',
  'floor 1st search KB served',
  'Astro floor 1st search KB served',
  'site 1st search KB served',
  '1st search ÷ floor',
  '1st search ÷ Astro floor',
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
  'Astro floor build s',
  'Astro floor page generation s',
  'Astro floor build peak MB',
  'Astro floor index s',
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
  'clean with cache s',
  'edit 1 entry s',
  'edit ÷ clean',
  'add entries s',
  'add ÷ clean',
  'edit peak MB',
  'add peak MB',
  'pages reused, edit / add',
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
export const OUTPUT_COLUMNS = [
  'entries',
  'dist MB',
  'dist files',
  'Pagefind MB',
  'Pagefind files',
  'floor Pagefind MB',
  'Astro floor Pagefind MB',
  'Astro floor page − floor page, most bytes',
] as const;
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
export const ROUND_COLUMNS = [
  'entries',
  'round',
  'floor s',
  'Astro floor s',
  'site s',
  'time ÷ floor',
  'time ÷ Astro floor',
  'floor peak MB',
  'Astro floor peak MB',
  'site peak MB',
] as const;

export function markdownTable(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The site's time and CPU against both floors: medians, and ratios within each round. */
export function floorTable(results: readonly SizeResult[]): string {
  return markdownTable(
    FLOOR_COLUMNS,
    results.map(({ entries, pages, floorPages, astroFloorPages, rounds }) => {
      const figures = (figure: (build: BuildMeasure) => number | undefined) => [
        ...(['floor', 'astroFloor', 'site'] as const).map((build) =>
          optional(
            acrossRounds(rounds, (round) => figure(round[build])),
            seconds,
          ),
        ),
        ...(['floor', 'astroFloor'] as const).map((floor) => optional(siteTo(floor, rounds, figure), ratio)),
      ];
      return [
        entries,
        `${pages} / ${floorPages} / ${astroFloorPages}`,
        ...figures((build) => build.wallMs),
        ...figures((build) => build.cpuMs),
      ];
    }),
  );
}

/** The site's peak memory and first search against both floors. */
export function peakTable(results: readonly SizeResult[]): string {
  return markdownTable(
    PEAK_COLUMNS,
    results.map(({ entries, rounds, searches, floorSearches, astroFloorSearches }) => {
      const peak = (build: 'floor' | 'astroFloor' | 'site') =>
        optional(
          acrossRounds(rounds, (round) => round[build].peakRssBytes),
          mb,
        );
      const peakRatio = (floor: Floor) =>
        optional(
          siteTo(floor, rounds, (build) => build.peakRssBytes),
          ratio,
        );
      const [site, floor, astroFloor] = [searches[0], floorSearches[0], astroFloorSearches[0]].map(
        (search) => search?.bytes.served,
      );
      const searchRatio = (of: number | undefined) => (site !== undefined && of ? ratio(site / of) : '—');
      return [
        entries,
        peak('floor'),
        peak('astroFloor'),
        peak('site'),
        peakRatio('floor'),
        peakRatio('astroFloor'),
        optional(floor, kb),
        optional(astroFloor, kb),
        optional(site, kb),
        searchRatio(floor),
        searchRatio(astroFloor),
      ];
    }),
  );
}

export function stepTable(results: readonly SizeResult[]): string {
  return markdownTable(
    STEP_COLUMNS,
    results.map(({ entries, rounds }) => {
      const mid = (build: 'site' | Floor, name: string, figure: 'wallMs' | 'peakRssBytes' | 'pageGeneration') =>
        optional(
          acrossRounds(rounds, (round) => {
            const measured = step(round[build], name);
            return figure === 'pageGeneration' ? pageGenerationMs(measured) : measured?.[figure];
          }),
          figure === 'peakRssBytes' ? mb : seconds,
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
        mid('astroFloor', 'astro floor build', 'wallMs'),
        mid('astroFloor', 'astro floor build', 'pageGeneration'),
        mid('astroFloor', 'astro floor build', 'peakRssBytes'),
        mid('astroFloor', 'astro floor index', 'wallMs'),
      ];
    }),
  );
}

/** Astro's step less its page generation; undefined when its log gave no generation time. */
function astroWithoutPageGeneration(build: BuildMeasure): number | undefined {
  const astro = step(build, 'astro build');
  const generation = pageGenerationMs(astro);
  return generation === undefined ? undefined : astro!.wallMs - generation;
}

/** A build's time but for Astro's page generation: the rest of Astro's step, then the search index. */
function withoutPageGeneration(build: BuildMeasure): number | undefined {
  const generation = pageGenerationMs(step(build, 'astro build'));
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
        mid((round) => pageGenerationMs(step(round.site, 'astro build'))),
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
      if (!warm) return [entries, seconds(clean), '—', '—', '—', '—', '—', '—', '—', '—'];
      const reused = (build: BuildMeasure) => step(build, 'astro build')?.astro?.pagesFromCache ?? '—';
      return [
        entries,
        seconds(clean),
        seconds(warm.seed.wallMs),
        seconds(warm.edit.wallMs),
        ratio(warm.edit.wallMs / clean),
        `${seconds(warm.add.wallMs)} (${warm.added})`,
        ratio(warm.add.wallMs / clean),
        mb(warm.edit.peakRssBytes),
        mb(warm.add.peakRssBytes),
        `${reused(warm.edit)} / ${reused(warm.add)}`,
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
      (result.astroFloorIndex.bytes / 1024 / 1024).toFixed(1),
      `${result.floorParity.largestDifference.bytes}`,
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
        seconds(round.astroFloor.wallMs),
        seconds(round.site.wallMs),
        ratio(round.site.wallMs / round.floor.wallMs),
        ratio(round.site.wallMs / round.astroFloor.wallMs),
        mb(round.floor.peakRssBytes),
        mb(round.astroFloor.peakRssBytes),
        mb(round.site.peakRssBytes),
      ]),
    ),
  );
}
