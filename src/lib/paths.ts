import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(import.meta.url);

/**
 * The repository root: two folders above this module (src/lib/). During rendering the module runs
 * from the build's chunks instead, at a depth that is Astro's to choose: there it is the nearest
 * folder above holding a package.json.
 */
export const REPO_ROOT = /[\\/]src[\\/]lib[\\/]paths\.[cm]?[jt]s$/.test(HERE)
  ? path.resolve(path.dirname(HERE), '../..')
  : findPackageRoot(path.dirname(HERE));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/**
 * Where entries live; `CONTENT_DIR` points the site and scripts elsewhere (benchmarks, tests),
 * relative to the working directory.
 */
export function contentRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONTENT_DIR ? path.resolve(env.CONTENT_DIR) : path.join(REPO_ROOT, 'content');
}

export function sectionRegistryPath(root: string = contentRoot()): string {
  return path.join(root, 'sections.yaml');
}

/** Scripts run against a checkout; outside one they say so instead of failing later. */
export function assertInRepository(root: string = REPO_ROOT): void {
  if (!existsSync(path.join(root, 'package.json')) || !existsSync(path.join(root, 'src', 'schemas', 'paper.ts'))) {
    throw new Error(`not inside the awesome-mllm repository (looked in ${root})`);
  }
}

/**
 * Whether the build keeps Astro's incremental cache (`experimental.incrementalBuild`): yes, unless
 * `BUILD_CACHE=off` (CI and the deployment, which build clean every time). astro.config.mjs sets it
 * from here, and pages hash their keys only when it is kept (pageCacheKey, lib/data/cache-key.ts).
 */
export function incrementalBuild(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BUILD_CACHE !== 'off';
}

/**
 * Where `npm run build` writes the site, relative to the project root: `OUT_DIR` (e.g.
 * dist-subpath/ for the sub-path tests) or dist/. astro.config.mjs and the search indexer that
 * runs after Astro both read it here, so they agree.
 */
export function buildOutDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OUT_DIR ?? './dist';
}

/** A path as messages show it: relative to `from` (default: the working directory), with `/`. */
export function displayPath(file: string, from: string = process.cwd()): string {
  return path.relative(from, file).split(path.sep).join('/') || '.';
}
