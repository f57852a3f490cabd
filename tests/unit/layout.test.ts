import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';
import { filesUnder, importsOf } from '../helpers/imports';
import { tempFolder } from '../helpers/temp-folder';

/**
 * The two wings: src/ holds what the site and its build import, scripts/ the tooling. These
 * checks keep it so: a module under src/ that nothing of the site or the build imports belongs
 * under scripts/ (or is dead), and src/ never reaches into scripts/ or spawns processes.
 */

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

/** The import cycles among `files` (type-only imports count: a reader follows them too), each as its files. */
function cycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file).filter((target) => target !== file)]));
  // Tarjan's strongly connected components: every component of more than one file is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (stack.includes(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do component.push((member = stack.pop()!));
    while (member !== file);
    if (component.length > 1) found.push(component.map((each) => path.relative(REPO_ROOT, each)).sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('imports run one way', () => {
  const modules = [...filesUnder(path.join(REPO_ROOT, 'src')), ...filesUnder(path.join(REPO_ROOT, 'scripts'))];

  it('has no import cycle in src/ or scripts/, type-only imports included', () => {
    expect(cycles(modules)).toEqual([]);
  });

  it('finds a cycle where there is one, through a type-only import too (the check itself can see them)', () => {
    const dir = tempFolder('import-cycles-');
    const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
    write('a.ts', "import { b } from './b';\nexport const a = b;\n");
    write('b.ts', "import type { C } from './c';\nexport const b: C = 1;\n");
    write('c.ts', "import { a } from './a';\nexport type C = typeof a;\n");
    write('d.ts', "import { a } from './a';\n");
    expect(cycles(filesUnder(dir))).toEqual([
      ['a.ts', 'b.ts', 'c.ts'].map((name) => path.relative(REPO_ROOT, path.join(dir, name))),
    ]);
  });

  it('keeps the search client’s types a leaf of it', () => {
    const search = path.join(REPO_ROOT, 'src/client/search') + path.sep;
    const types = path.join(search, 'types.ts');
    expect(importsOf(types).filter((target) => target.startsWith(search))).toEqual([]);
  });
});
