import { ASTRO_PHASES, type AstroPhase } from './astro-timings';
import type { Round, SizeResult } from './run';
import type { BuildMeasure } from './steps';
import { acrossRounds, markdownTable, optional, ratio, seconds, step } from './tables';

/** The site's build phase by phase against the Astro floor's (Astro's timings report, then the search index). */

/** A row of the phase table: how one figure of a build is read. */
interface PhaseRow {
  label: string;
  figure: (build: BuildMeasure, stepName: string, indexName: string) => number | undefined;
}

const phaseOf = (phase: AstroPhase) => (build: BuildMeasure, stepName: string) => step(build, stepName)?.astro?.phasesMs[phase];

const PHASE_ROWS: readonly PhaseRow[] = [
  { label: "Astro's step, whole", figure: (build, stepName) => step(build, stepName)?.wallMs },
  ...ASTRO_PHASES.map((phase) => ({
    label: phase === 'content-validation' ? "content-validation (the site's hook, in setup)" : phase,
    figure: phaseOf(phase),
  })),
  {
    label: 'generate pages less static paths (rendering and writing)',
    figure: (build, stepName) => {
      const [generate, paths] = [phaseOf('generate pages')(build, stepName), phaseOf('static paths')(build, stepName)];
      return generate === undefined ? undefined : generate - (paths ?? 0);
    },
  },
  { label: "search index (the site's step; the Pagefind CLI)", figure: (build, _, indexName) => step(build, indexName)?.wallMs },
  { label: 'whole build', figure: (build) => build.wallMs },
];

export const PHASE_COLUMNS = [
  'entries',
  'phase',
  'site s',
  'Astro floor s',
  'site − Astro floor s',
  'site ÷ Astro floor',
] as const;

/**
 * Each phase of the site's build beside the same phase of the Astro floor's (medians over the
 * rounds; the difference and the ratio taken within each round, as the other tables do).
 */
export function phaseTable(results: readonly SizeResult[]): string {
  return markdownTable(
    PHASE_COLUMNS,
    results.flatMap(({ entries, rounds }) =>
      PHASE_ROWS.map(({ label, figure }) => {
        const site = (round: Round) => figure(round.site, 'astro build', 'search index');
        const floor = (round: Round) => figure(round.astroFloor, 'astro floor build', 'astro floor index');
        const both = (combine: (site: number, floor: number) => number | undefined) => (round: Round) => {
          const [a, b] = [site(round), floor(round)];
          return a === undefined || b === undefined ? undefined : combine(a, b);
        };
        return [
          entries,
          label,
          optional(acrossRounds(rounds, site), seconds),
          optional(acrossRounds(rounds, floor), seconds),
          optional(
            acrossRounds(
              rounds,
              both((a, b) => a - b),
            ),
            seconds,
          ),
          // A phase the Astro floor spent no time in has no ratio, as siteTo gives none.
          optional(
            acrossRounds(
              rounds,
              both((a, b) => (b ? a / b : undefined)),
            ),
            ratio,
          ),
        ];
      }),
    ),
  );
}
