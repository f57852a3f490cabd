import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the folder holding this project's package.json. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Where entries live; `CONTENT_DIR` points the site and scripts elsewhere (benchmarks, tests),
 * relative to the working directory: during rendering this module runs from the build's chunks,
 * so REPO_ROOT is only right for the default.
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
 * Where `npm run build` writes the site, relative to the project root: `OUT_DIR` (e.g.
 * dist-subpath/ for the sub-path tests) or dist/. astro.config.mjs and the search indexer that
 * runs after Astro both read it here, so they agree.
 */
export function buildOutDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OUT_DIR ?? './dist';
}
