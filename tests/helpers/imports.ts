import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The project's own imports between its modules, read as text: what the layout tests walk. */

/** Source files; `.d.ts` declarations are for the type checker and are never imported. */
const SOURCE = /(?<!\.d)\.(ts|mts|mjs|js|astro|mdx|css)$/;
/** Static imports, re-exports, side-effect imports and dynamic imports with a literal path. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

export function filesUnder(dir: string): string[] {
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

export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // A query (`entry.css?url`) changes what an import yields, not which file it reads.
  const specifiers = [...text.matchAll(IMPORT)].map((match) => match[1]!.replace(/\?.*$/, ''));
  const layout = file.endsWith('.mdx') ? MDX_LAYOUT.exec(text)?.[1] : undefined;
  return [...specifiers, ...(layout ? [layout] : [])].flatMap((specifier) => resolveImport(file, specifier) ?? []);
}
