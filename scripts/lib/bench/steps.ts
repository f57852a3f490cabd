import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pagefindArgs, pagefindBinary } from '../search-index/pagefind';
import { escapeRegExp } from '../../../src/lib/regexp';
import { astroTimings, type AstroTimings } from './astro-timings';
import { childEnv, runMeasured } from './processes';

/**
 * The builds the benchmark measures, one process per step as they run for real: the site as
 * `npm run build` runs it (Astro, then the search index once Astro has exited) and the floor
 * (bench/floor.mjs, then the Pagefind CLI).
 */

/** One step's measures. */
export interface StepMeasure {
  name: string;
  wallMs: number;
  /** User + system CPU time of the step and its children, when GNU time is installed. */
  cpuMs?: number;
  /** Peak RSS summed over the step's process tree. */
  peakRssBytes: number;
  /** An Astro step only: the phases of Astro's timings report, and the pages it reused. */
  astro?: AstroTimings;
}

/** A build, its steps one after the other: wall and CPU times add up, the peak is the largest step's. */
export interface BuildMeasure {
  wallMs: number;
  cpuMs?: number;
  peakRssBytes: number;
  steps: StepMeasure[];
}

export interface Step {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

/** Runs steps in order, each measured; throws with the failing step's log tail. */
export async function runSteps(steps: readonly Step[], cwd: string): Promise<BuildMeasure> {
  const measured: StepMeasure[] = [];
  for (const step of steps) {
    const run = await runMeasured(step.command, step.args, { cwd, env: childEnv(step.env) });
    if (run.exitCode !== 0) {
      throw new Error(
        `${step.name} failed (exit ${run.exitCode}): ${step.command} ${step.args.join(' ')}\n${run.output.split('\n').slice(-30).join('\n')}`,
      );
    }
    measured.push({
      name: step.name,
      wallMs: run.wallMs,
      cpuMs: run.cpuMs,
      peakRssBytes: run.peakRssBytes,
      astro: astroTimings(run.output),
    });
  }
  return combine(measured);
}

export function combine(steps: readonly StepMeasure[]): BuildMeasure {
  const cpu = steps.map((step) => step.cpuMs);
  return {
    wallMs: steps.reduce((sum, step) => sum + step.wallMs, 0),
    cpuMs: cpu.every((ms) => ms !== undefined) ? cpu.reduce((sum, ms) => sum! + ms!, 0) : undefined,
    peakRssBytes: Math.max(0, ...steps.map((step) => step.peakRssBytes)),
    steps: [...steps],
  };
}

/** The two commands of package.json "build", their Node flags and the indexer's entry. */
export interface BuildScript {
  astroFlags: string[];
  indexFlags: string[];
  indexEntry: string;
}

/** Astro's command-line entry, as package.json "build" runs it. */
export const ASTRO_CLI = 'node_modules/astro/bin/astro.mjs';

const BUILD_SCRIPT = new RegExp(
  String.raw`^node((?:\s+--\S+)*)\s+${escapeRegExp(ASTRO_CLI)} build && node((?:\s+--\S+|\s+--import \S+)*)\s+(scripts\/\S+\.ts)$`,
);

/** Reads package.json "build", so the benchmark builds exactly as the project does. */
export function parseBuildScript(script: string): BuildScript {
  const match = BUILD_SCRIPT.exec(script);
  if (!match) {
    throw new Error(`package.json "build" is not \`node [flags] ${ASTRO_CLI} build && node [flags] scripts/….ts\`: ${script}`);
  }
  const flags = (text: string) => text.trim().split(/\s+/).filter(Boolean);
  return { astroFlags: flags(match[1]!), indexFlags: flags(match[2]!), indexEntry: match[3]! };
}

export function buildScript(repoRoot: string): BuildScript {
  return parseBuildScript(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts.build);
}

/** How the site is built: with the incremental cache (a local build) or without (CI, the deployment). */
export interface SiteBuildOptions {
  /** Write and use the incremental cache; false sets BUILD_CACHE=off, as CI and the deployment do. */
  cache: boolean;
  extraAstroFlags?: readonly string[];
}

/**
 * `npm run build` for an Astro root of its own (`siteRoot`, see sizeLayout) and a content folder:
 * Astro's step with `--root`, then the indexer over that root's output.
 */
export function siteSteps(
  repoRoot: string,
  { siteRoot, outDir, contentDir }: { siteRoot: string; outDir: string; contentDir: string },
  { cache, extraAstroFlags = [] }: SiteBuildOptions,
): Step[] {
  const script = buildScript(repoRoot);
  // CONTENT_DIR absolute: src/lib/paths.ts resolves a relative one from the working directory.
  // BUILD_CACHE is always set, so the bench's own environment cannot change what it measures.
  const env = { CONTENT_DIR: contentDir, BUILD_CACHE: cache ? 'on' : 'off' };
  return [
    {
      name: 'astro build',
      command: process.execPath,
      args: [...script.astroFlags, ...extraAstroFlags, path.join(repoRoot, ASTRO_CLI), 'build', '--timings', '--root', siteRoot],
      env,
    },
    { name: 'search index', command: process.execPath, args: [...script.indexFlags, script.indexEntry, outDir], env },
  ];
}

/** The floor: bench/floor.mjs writes the pages, the Pagefind CLI indexes them with the site's settings. */
export function floorSteps(repoRoot: string, { contentDir, outDir }: { contentDir: string; outDir: string }): Step[] {
  return [
    { name: 'floor pages', command: process.execPath, args: [path.join(repoRoot, 'bench/floor.mjs'), contentDir, outDir] },
    floorIndexStep('floor index', outDir),
  ];
}

/** The Pagefind CLI over a floor's pages, with the site's index settings (both floors index as the site does). */
export function floorIndexStep(name: string, outDir: string): Step {
  return { name, command: pagefindBinary(), args: pagefindArgs(outDir) };
}
