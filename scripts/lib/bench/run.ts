import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openContentRoot } from '../../../src/lib/content/content-root';
import { serializeEntry } from '../../../src/lib/content/entry-files';
import { PAGEFIND_DIR } from '../../../src/lib/routes';
import {
  ASTRO_FLOOR_PROJECT,
  assertFloorParity,
  cleanAstroFloorBuild,
  cleanAstroRoot,
  floorParity,
  prepareAstroRoot,
  type FloorParity,
} from './astro-floor';
import { countFiles, directoryStats, largestPage, pageWeight, type LargestPage, type PageWeight } from './output';
import { summarizeCpuProfile, type CpuProfile, type ProfileSummary } from './profile';
import { searchCosts, type SearchCost } from './search-costs';
import { floorSteps, runSteps, siteSteps, type BuildMeasure, type SiteBuildOptions } from './steps';
import {
  syntheticEntries,
  syntheticEntryPath,
  writeSyntheticContent,
  writeSyntheticEntry,
  type SyntheticEntry,
} from './synthetic';

/**
 * One size of the benchmark: synthetic content, clean builds of the floor, the Astro floor and
 * the site in turn, the weight of the output and of two searches on each, then warm rebuilds of
 * the site after an edit and after a few new entries.
 */

/** Where one size's files go under the work folder (bench/.work/ is gitignored). */
export interface SizeLayout {
  entries: number;
  contentDir: string;
  /** The Astro project root of this size's builds: its config, `.astro/`, cache and output. */
  siteRoot: string;
  outDir: string;
  cacheDir: string;
  /** Where the floor writes its pages and index. */
  floorDir: string;
  /** The Astro root of the Astro floor's builds (bench/astro-floor/), and its output. */
  astroFloorRoot: string;
  astroFloorDir: string;
}

export function sizeLayout(workDir: string, entries: number): SizeLayout {
  const siteRoot = path.join(workDir, `site-${entries}`);
  return {
    entries,
    contentDir: path.join(workDir, `content-${entries}`),
    siteRoot,
    outDir: path.join(siteRoot, 'dist'),
    cacheDir: path.join(siteRoot, 'cache'),
    floorDir: path.join(workDir, `floor-${entries}`),
    astroFloorRoot: path.join(workDir, `astro-floor-${entries}`),
    astroFloorDir: path.join(workDir, `astro-floor-${entries}`, 'dist'),
  };
}

/** `npm run build` of one size's content, as the project runs it (see steps.ts). */
export function buildSite(layout: SizeLayout, repoRoot: string, options: SiteBuildOptions): Promise<BuildMeasure> {
  return runSteps(siteSteps(repoRoot, layout, options), repoRoot);
}

/**
 * A clean site build: no content cache, no `.astro/`, no output. Without the incremental cache
 * unless asked, as CI and the deployment build (and as the Astro floor builds: it has none).
 */
export function cleanSiteBuild(
  layout: SizeLayout,
  repoRoot: string,
  options: SiteBuildOptions = { cache: false },
): Promise<BuildMeasure> {
  cleanAstroRoot(layout.siteRoot);
  return buildSite(layout, repoRoot, options);
}

export function floorBuild(layout: SizeLayout, repoRoot: string): Promise<BuildMeasure> {
  return runSteps(floorSteps(repoRoot, { contentDir: layout.contentDir, outDir: layout.floorDir }), repoRoot);
}

/** One round: the floor, the Astro floor, then the site, back to back (so drift in the machine's speed hits all three). */
export interface Round {
  floor: BuildMeasure;
  astroFloor: BuildMeasure;
  site: BuildMeasure;
}

export interface SizeResult {
  entries: number;
  pages: number;
  floorPages: number;
  astroFloorPages: number;
  rounds: Round[];
  /**
   * Warm rebuilds, where measured: a clean build that writes the incremental cache (`seed`), then
   * the rebuild after editing one entry's note, then after adding `added` entries.
   */
  warm?: { seed: BuildMeasure; edit: BuildMeasure; add: BuildMeasure; added: number };
  /** Where measured, the cost of MDX: clean builds of the content as it is and with its MDX long notes as Markdown. */
  mdx?: MdxCost;
  dist: { bytes: number; files: number };
  pagefindIndex: { bytes: number; files: number };
  floorIndex: { bytes: number; files: number };
  astroFloorIndex: { bytes: number; files: number };
  /** How far the Astro floor's pages are from the floor's (the same pages, within a few bytes each). */
  floorParity: FloorParity;
  sectionPage: PageWeight;
  paperPage: PageWeight;
  largestPage: LargestPage;
  searches: SearchCost[];
  floorSearches: SearchCost[];
  astroFloorSearches: SearchCost[];
}

export interface MeasureOptions {
  entries: number;
  seed: number;
  repoRoot: string;
  workDir: string;
  /** The registry and header copied into the synthetic content root. */
  registryFile: string;
  aboutFile: string;
  sections: readonly string[];
  sectionWeights?: readonly number[];
  /** The first runs on a fresh Pagefind, the rest after it. */
  queries: readonly string[];
  /** Floor, Astro floor and site clean builds, in turn, this many times each. */
  rounds: number;
  /** Measure the warm rebuilds (default yes). */
  warm?: boolean;
  /** Entries the "add" rebuild adds. */
  addEntries?: number;
  /** Measure the cost of the MDX entries (default no). */
  mdxCost?: boolean;
  log?: (line: string) => void;
}

export async function measureSize(options: MeasureOptions): Promise<SizeResult> {
  const { entries, repoRoot, log = () => {} } = options;
  log(`${entries} entries: writing content`);
  const { layout, written } = prepareSize(options);

  const rounds: Round[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    log(`${entries} entries: round ${round}/${options.rounds}, floor`);
    const floor = await floorBuild(layout, repoRoot);
    log(`${entries} entries: floor ${describeBuild(floor)}`);
    log(`${entries} entries: round ${round}/${options.rounds}, Astro floor`);
    const astroFloor = await cleanAstroFloorBuild(layout.astroFloorRoot, layout.contentDir, repoRoot);
    log(`${entries} entries: Astro floor ${describeBuild(astroFloor)}`);
    // Checked at once: a long run should not measure two floors that do different work.
    if (round === 1) assertFloorParity(floorParity(layout.floorDir, layout.astroFloorDir), `${entries} entries`);
    log(`${entries} entries: round ${round}/${options.rounds}, clean site build`);
    const site = await cleanSiteBuild(layout, repoRoot);
    log(`${entries} entries: site ${describeBuild(site)}`);
    rounds.push({ floor, astroFloor, site });
  }
  const sample = samplePages(written);
  const measured = {
    pages: countFiles(layout.outDir, '.html'),
    floorPages: countFiles(layout.floorDir, '.html'),
    astroFloorPages: countFiles(layout.astroFloorDir, '.html'),
    dist: directoryStats(layout.outDir),
    pagefindIndex: directoryStats(path.join(layout.outDir, PAGEFIND_DIR)),
    floorIndex: directoryStats(path.join(layout.floorDir, PAGEFIND_DIR)),
    astroFloorIndex: directoryStats(path.join(layout.astroFloorDir, PAGEFIND_DIR)),
    floorParity: floorParity(layout.floorDir, layout.astroFloorDir),
    sectionPage: pageWeight(layout.outDir, `${sample.section}/`),
    paperPage: pageWeight(layout.outDir, `${sample.paper.section}/${sample.paper.id}/`),
    largestPage: largestPage(layout.outDir),
    searches: await searchCosts(layout.outDir, options.queries),
    floorSearches: await searchCosts(layout.floorDir, options.queries),
    astroFloorSearches: await searchCosts(layout.astroFloorDir, options.queries),
  };

  // Before the warm rebuilds, which edit the content.
  const mdx = options.mdxCost ? await mdxCost(options, layout, written) : undefined;
  const warm = options.warm === false ? undefined : await warmRebuilds(options, layout, sample.paper);
  return { entries, rounds, warm, mdx, ...measured };
}

/** Clean site builds of the same papers with their long notes as MDX (components) and as Markdown, in turn. */
export interface MdxCost {
  /** Entries written as `.mdx`. */
  mdxEntries: number;
  pairs: { mdx: BuildMeasure; markdown: BuildMeasure }[];
}

/**
 * The MDX entries' cost: the content as generated (MDX through @astrojs/mdx, one module each)
 * against a copy whose MDX entries are `.md` with the same long notes, their component tags taken
 * out (Markdown the loader renders), built in turn `rounds` times from a clean cache.
 */
async function mdxCost(options: MeasureOptions, layout: SizeLayout, written: readonly SyntheticEntry[]): Promise<MdxCost> {
  const { entries, repoRoot, log = () => {} } = options;
  const asMarkdown = { ...layout, contentDir: `${layout.contentDir}-as-md` };
  rmSync(asMarkdown.contentDir, { recursive: true, force: true });
  cpSync(layout.contentDir, asMarkdown.contentDir, { recursive: true });
  const mdx = written.filter((entry) => entry.format === 'mdx');
  for (const entry of mdx) {
    rmSync(syntheticEntryPath(asMarkdown.contentDir, entry));
    writeFileSync(
      syntheticEntryPath(asMarkdown.contentDir, entry).replace(/\.mdx$/, '.md'),
      serializeEntry(entry.paper, 'mdx', withoutComponentTags(entry.body)),
    );
  }
  const pairs: MdxCost['pairs'] = [];
  for (let round = 1; round <= options.rounds; round++) {
    log(`${entries} entries: MDX cost, round ${round}/${options.rounds}: long notes as Markdown`);
    const markdown = await cleanSiteBuild(asMarkdown, repoRoot);
    log(`${entries} entries: as Markdown ${describeBuild(markdown)}`);
    log(`${entries} entries: MDX cost, round ${round}/${options.rounds}: as generated (MDX)`);
    const asGenerated = await cleanSiteBuild(layout, repoRoot);
    log(`${entries} entries: with MDX ${describeBuild(asGenerated)}`);
    pairs.push({ mdx: asGenerated, markdown });
  }
  rmSync(asMarkdown.contentDir, { recursive: true, force: true });
  return { mdxEntries: mdx.length, pairs };
}

/** A long note's Markdown without its component tags (`<Callout type="…">`, `</Callout>`, `<Figure … />`). */
export function withoutComponentTags(body: string): string {
  return body.replace(/<\/?[A-Z][A-Za-z]*(?:\s+[A-Za-z-]+(?:="[^"]*"|='[^']*')?)*\s*\/?>/g, '');
}

/**
 * A clean build with the incremental cache, as a maintainer's first local build; then one entry's
 * note edited and built again, then new entries added and built again.
 */
async function warmRebuilds(
  options: MeasureOptions,
  layout: SizeLayout,
  edited: SyntheticEntry,
): Promise<NonNullable<SizeResult['warm']>> {
  const { entries, repoRoot, log = () => {}, addEntries = 3 } = options;
  log(`${entries} entries: clean build with the incremental cache, for the warm rebuilds`);
  const seed = await cleanSiteBuild(layout, repoRoot, { cache: true });
  log(`${entries} entries: cache-writing build ${describeBuild(seed)}`);
  log(`${entries} entries: warm rebuild after editing ${edited.section}/${edited.id}`);
  const editedNote = `${edited.paper.note ?? ''}（已修订 ${options.seed}）`;
  writeFileSync(
    syntheticEntryPath(layout.contentDir, edited),
    serializeEntry({ ...edited.paper, note: editedNote }, edited.format, edited.body),
  );
  const edit = await buildSite(layout, repoRoot, { cache: true });
  log(`${entries} entries: edit rebuild ${describeBuild(edit)}`);
  const rebuiltPage = readFileSync(path.join(layout.outDir, edited.section, edited.id, 'index.html'), 'utf8');
  if (!rebuiltPage.includes(editedNote))
    throw new Error(`the warm rebuild of ${entries} entries did not pick up the edited note`);

  // The generator is sequential: the first `entries` of a longer run are the ones written.
  const extra = syntheticEntries(entries + addEntries, options).slice(entries);
  log(`${entries} entries: warm rebuild after adding ${extra.length} entries`);
  for (const entry of extra) writeSyntheticEntry(openContentRoot(layout.contentDir), entry);
  const add = await buildSite(layout, repoRoot, { cache: true });
  log(`${entries} entries: add rebuild ${describeBuild(add)}`);
  for (const entry of extra) {
    if (!existsSync(path.join(layout.outDir, entry.section, entry.id, 'index.html')))
      throw new Error(`the warm rebuild of ${entries} entries has no page for the added ${entry.section}/${entry.id}`);
  }
  return { seed, edit, add, added: extra.length };
}

/** One line for the progress log: each step's wall s, CPU s and peak MB. */
export function describeBuild(build: BuildMeasure): string {
  const figures = (wallMs: number, cpuMs: number | undefined, peak: number) =>
    `${(wallMs / 1000).toFixed(1)} s, CPU ${cpuMs === undefined ? '—' : (cpuMs / 1000).toFixed(1)} s, peak ${Math.round(peak / 2 ** 20)} MB`;
  return `${figures(build.wallMs, build.cpuMs, build.peakRssBytes)} (${build.steps
    .map((step) => `${step.name}: ${figures(step.wallMs, step.cpuMs, step.peakRssBytes)}`)
    .join('; ')})`;
}

/** Writes one size's synthetic content and empty roots for the site and the Astro floor (so the next builds start cold). */
export function prepareSize(options: Omit<MeasureOptions, 'queries' | 'log' | 'rounds'>): {
  layout: SizeLayout;
  written: SyntheticEntry[];
} {
  const layout = sizeLayout(options.workDir, options.entries);
  const written = writeSyntheticContent(layout.contentDir, options.entries, options);
  prepareAstroRoot(layout.siteRoot, options.repoRoot);
  prepareAstroRoot(layout.astroFloorRoot, options.repoRoot, ASTRO_FLOOR_PROJECT);
  return { layout, written };
}

/** The largest section's first page, and a paper page in it with an arXiv id (so it has the Cite block). */
export function samplePages(entries: readonly SyntheticEntry[]): { section: string; paper: SyntheticEntry } {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.section, (counts.get(entry.section) ?? 0) + 1);
  const section = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const inSection = entries.filter((entry) => entry.section === section);
  const paper = inSection.find((entry) => entry.format === 'yaml' && entry.paper.arxiv) ?? inSection[0]!;
  return { section, paper };
}

/** A clean build of `layout` (already generated) with Astro's step under `node --cpu-prof`, summarised. */
export async function profileBuild(
  layout: SizeLayout,
  repoRoot: string,
  profileDir: string,
): Promise<{ build: BuildMeasure; summary: ProfileSummary }> {
  rmSync(profileDir, { recursive: true, force: true });
  const build = await cleanSiteBuild(layout, repoRoot, {
    cache: false,
    extraAstroFlags: ['--cpu-prof', '--cpu-prof-dir', profileDir],
  });
  const profiles = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
  const largest = profiles.map((name) => path.join(profileDir, name)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!largest) throw new Error(`node --cpu-prof wrote no profile into ${profileDir}`);
  return { build, summary: summarizeCpuProfile(JSON.parse(readFileSync(largest, 'utf8')) as CpuProfile, repoRoot) };
}
