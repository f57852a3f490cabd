import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';

/**
 * The two wings: src/ holds what the site and its build import, scripts/ the tooling. These
 * checks keep it so: a module under src/ that nothing of the site or the build imports belongs
 * under scripts/ (or is dead), and src/ never reaches into scripts/ or spawns processes.
 */

/** Source files; `.d.ts` declarations are for the type checker and are never imported. */
const SOURCE = /(?<!\.d)\.(ts|mts|mjs|js|astro|mdx|css)$/;
/** Static imports, re-exports, side-effect imports and dynamic imports with a literal path. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => SOURCE.test(file) && statSync(file).isFile());
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return ['', '.ts', '.mjs', '.js', '.astro', '/index.ts']
    .map((ext) => base + ext)
    .find((file) => existsSync(file) && statSync(file).isFile());
}

/** An MDX page's `layout:` frontmatter names the layout it renders in. */
const MDX_LAYOUT = /^layout:\s*['"]?(\.{1,2}\/[^'"\s]+)/m;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // A query (`entry.css?url`) changes what an import yields, not which file it reads.
  const specifiers = [...text.matchAll(IMPORT)].map((match) => match[1]!.replace(/\?.*$/, ''));
  const layout = file.endsWith('.mdx') ? MDX_LAYOUT.exec(text)?.[1] : undefined;
  return [...specifiers, ...(layout ? [layout] : [])].flatMap((specifier) => resolveImport(file, specifier) ?? []);
}

/** Every file reachable by imports from `roots`. */
function closure(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file));
  }
  return seen;
}

/** What `npm run build` runs: Astro (its config, pages and collections) and any step it chains after Astro. */
function buildRoots(): string[] {
  const src = path.join(REPO_ROOT, 'src');
  const buildScript = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts.build!;
  const chained = [...buildScript.matchAll(/(?:^|\s)((?:scripts|src)\/[\w./-]+\.(?:ts|mjs|js))/g)].map((match) =>
    path.join(REPO_ROOT, match[1]!),
  );
  return [
    path.join(REPO_ROOT, 'astro.config.mjs'),
    path.join(src, 'content.config.ts'),
    ...filesUnder(path.join(src, 'pages')),
    ...chained,
  ];
}

describe('the two wings', () => {
  const srcFiles = filesUnder(path.join(REPO_ROOT, 'src'));

  it('imports every module under src/ from the site or its build (tooling lives under scripts/)', () => {
    const reachable = closure(buildRoots());
    const unused = srcFiles.filter((file) => !reachable.has(file)).map((file) => path.relative(REPO_ROOT, file));
    expect(unused, 'move these to scripts/lib/<job>/ or delete them').toEqual([]);
  });

  it('keeps src/ free of imports from scripts/ and of child processes', () => {
    const scriptsDir = path.join(REPO_ROOT, 'scripts') + path.sep;
    const offenders = srcFiles.filter(
      (file) =>
        importsOf(file).some((target) => target.startsWith(scriptsDir)) ||
        /['"](?:node:)?child_process['"]/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => path.relative(REPO_ROOT, file))).toEqual([]);
  });

  it('finds the modules the site is known to import (the check itself can see imports)', () => {
    const reachable = closure(buildRoots());
    for (const known of [
      'src/lib/routes.ts',
      'src/client/search/box.ts',
      'src/styles/global.css',
      'src/integrations/validate-content.ts',
    ])
      expect(reachable.has(path.join(REPO_ROOT, known)), known).toBe(true);
  });
});
