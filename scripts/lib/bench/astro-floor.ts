import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ASTRO_CLI, floorIndexStep, runSteps, type BuildMeasure, type Step } from './steps';

/**
 * The Astro floor (issue #33): the least an Astro 7 content-collection site can do for the same
 * pages as the no-framework floor (bench/astro-floor/, beside bench/floor.mjs), then the same
 * Pagefind CLI. Built in each round beside the site and the no-framework floor, so the site's
 * cost splits into what Astro itself costs and what the site adds.
 */

/** Where an Astro project's config and folders are, relative to the repository. */
export interface AstroProject {
  config: string;
  srcDir: string;
  publicDir: string;
}

/** The site: the repository's own config, src/ and public/. */
export const SITE_PROJECT: AstroProject = { config: 'astro.config.mjs', srcDir: 'src', publicDir: 'public' };
/** The Astro floor, under bench/ (it has no public/ folder: Astro is fine without one). */
export const ASTRO_FLOOR_PROJECT: AstroProject = {
  config: 'bench/astro-floor/astro.config.mjs',
  srcDir: 'bench/astro-floor/src',
  publicDir: 'bench/astro-floor/public',
};

/**
 * A project's Astro config, rooted in a folder of its own. Astro keeps the content data store in
 * `cacheDir` (default node_modules/.astro) and writes the MDX module map to
 * `<root>/.astro/content-modules.mjs`; both are shared by every build in the checkout, and a
 * build running at the same time overwrote the module map mid-build (MDX entries then fail to
 * render). A root of its own isolates both; the sources stay the project's.
 */
export function isolatedConfigSource(repoRoot: string, project: AstroProject = SITE_PROJECT): string {
  const projectConfig = pathToFileURL(path.join(repoRoot, project.config)).href;
  const dirs = {
    srcDir: path.join(repoRoot, project.srcDir),
    publicDir: path.join(repoRoot, project.publicDir),
    outDir: './dist',
    cacheDir: './cache',
  };
  return [
    `import config from ${JSON.stringify(projectConfig)};`,
    `export default { ...config, ${Object.entries(dirs)
      .map(([key, dir]) => `${key}: ${JSON.stringify(dir)}`)
      .join(', ')} };`,
    '',
  ].join('\n');
}

/** An empty root whose config is `project`'s (so the next build starts cold). */
export function prepareAstroRoot(root: string, repoRoot: string, project: AstroProject = SITE_PROJECT): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'astro.config.mjs'), isolatedConfigSource(repoRoot, project));
}

/** Forgets a root's content cache, `.astro/` and output, for a clean build. */
export function cleanAstroRoot(root: string): void {
  for (const dir of ['cache', 'dist', '.astro']) rmSync(path.join(root, dir), { recursive: true, force: true });
}

/**
 * `astro build` of the Astro floor's root (plain `node`: the floor takes Node's defaults, where the
 * site's build script sets its own flags), then the Pagefind CLI over its output as for the
 * no-framework floor.
 */
export function astroFloorSteps(repoRoot: string, { root, contentDir }: { root: string; contentDir: string }): Step[] {
  return [
    {
      name: 'astro floor build',
      command: process.execPath,
      args: [path.join(repoRoot, ASTRO_CLI), 'build', '--timings', '--root', root],
      env: { CONTENT_DIR: contentDir },
    },
    floorIndexStep('astro floor index', path.join(root, 'dist')),
  ];
}

/** A clean build of the Astro floor in `root` (prepared by prepareAstroRoot). */
export function cleanAstroFloorBuild(root: string, contentDir: string, repoRoot: string): Promise<BuildMeasure> {
  cleanAstroRoot(root);
  return runSteps(astroFloorSteps(repoRoot, { root, contentDir }), repoRoot);
}

/** How far the Astro floor's pages are from the no-framework floor's. */
export interface FloorParity {
  /** HTML pages one floor writes and the other does not (paths under the output folder). */
  onlyInFloor: string[];
  onlyInAstroFloor: string[];
  /** The page whose size differs most between the two, and by how many bytes (Astro's less the floor's). */
  largestDifference: { file: string; bytes: number };
}

const htmlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .sort();

/** Compares the two floors' HTML page by page: the same pages, each within a few bytes. */
export function floorParity(floorDir: string, astroFloorDir: string): FloorParity {
  const [floor, astro] = [htmlFiles(floorDir), htmlFiles(astroFloorDir)];
  const astroSet = new Set(astro);
  const floorSet = new Set(floor);
  let largestDifference = { file: '', bytes: 0 };
  for (const file of floor) {
    if (!astroSet.has(file)) continue;
    const bytes = readFileSync(path.join(astroFloorDir, file)).length - readFileSync(path.join(floorDir, file)).length;
    if (Math.abs(bytes) > Math.abs(largestDifference.bytes) || !largestDifference.file) largestDifference = { file, bytes };
  }
  return {
    onlyInFloor: floor.filter((file) => !astroSet.has(file)),
    onlyInAstroFloor: astro.filter((file) => !floorSet.has(file)),
    largestDifference,
  };
}

/** Most a page of the Astro floor may differ from the floor's before the bench calls them different work. */
export const PARITY_BYTES = 64;

/** Throws, naming the pages, when the two floors do not write the same pages within PARITY_BYTES each. */
export function assertFloorParity(parity: FloorParity, where: string): void {
  const { onlyInFloor, onlyInAstroFloor, largestDifference } = parity;
  const problems = [
    onlyInFloor.length && `pages only the no-framework floor writes: ${onlyInFloor.slice(0, 5).join(', ')}`,
    onlyInAstroFloor.length && `pages only the Astro floor writes: ${onlyInAstroFloor.slice(0, 5).join(', ')}`,
    Math.abs(largestDifference.bytes) > PARITY_BYTES &&
      `${largestDifference.file} differs by ${largestDifference.bytes} bytes (at most ${PARITY_BYTES})`,
  ].filter(Boolean);
  if (problems.length) {
    throw new Error(
      `${where}: the Astro floor (bench/astro-floor/) and bench/floor.mjs no longer write the same pages: ${problems.join('; ')}`,
    );
  }
}
