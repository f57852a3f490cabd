/**
 * What `astro build --timings` reports (a documented flag, not a log line), read from the output
 * of the site's and the Astro floor's Astro step, so that each phase of the site's build can be
 * set beside the same phase of the bare Astro build.
 */

/**
 * The report's rows the bench reads (Astro 7.4's names), in the report's order. `content-validation`
 * is the site's own integration hook (src/integrations/validate-content.ts), timed by Astro.
 * Page rendering's own rows (component render, page pipeline) are left out: they add up the time of
 * pages in flight together, so they depend on `build.concurrency`, which the two builds set apart.
 */
export const ASTRO_PHASES = [
  'resolve config',
  'setup',
  'content-validation',
  'content sync',
  'prerender bundle',
  'generate pages',
  'static paths',
] as const;
export type AstroPhase = (typeof ASTRO_PHASES)[number];

/** One Astro step's timings: each phase's ms where the report has its row, and the pages it reused. */
export interface AstroTimings {
  phasesMs: Partial<Record<AstroPhase, number>>;
  /** Pages restored from the incremental build's cache (0 when the report names none). */
  pagesFromCache: number;
}

/** `869ms`, `25.97s` or `1m 5s`, as the report writes a duration. */
const DURATION = String.raw`(?:(\d+)m (\d+)s|(\d+(?:\.\d+)?)(ms|s))`;

function durationMs(match: RegExpExecArray, first: number): number {
  if (match[first] !== undefined) return (Number(match[first]) * 60 + Number(match[first + 1])) * 1000;
  return Number(match[first + 2]) * (match[first + 3] === 's' ? 1000 : 1);
}

/** The timings in an Astro step's output; undefined when it has no report (any other step). */
export function astroTimings(log: string): AstroTimings | undefined {
  const text = log.replace(/\x1b\[[\d;]*m/g, '');
  const phasesMs: AstroTimings['phasesMs'] = {};
  for (const phase of ASTRO_PHASES) {
    const row = new RegExp(String.raw`^\s+${phase}\s+${DURATION}\s`, 'm').exec(text);
    if (row) phasesMs[phase] = durationMs(row, 1);
  }
  if (Object.keys(phasesMs).length === 0) return undefined;
  const cached = /^Slowest pages \(.*· ([\d,]+) from cache\)/m.exec(text);
  return { phasesMs, pagesFromCache: cached ? Number(cached[1]!.replaceAll(',', '')) : 0 };
}

/**
 * Astro's page generation in a measured step (its timings report's `generate pages` row). The rest
 * of the step (start-up, validation, content sync, bundling, the sitemap) is paid whatever the pages cost.
 */
export const pageGenerationMs = (step: { astro?: AstroTimings } | undefined): number | undefined =>
  step?.astro?.phasesMs['generate pages'];
