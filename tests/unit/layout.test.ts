import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * src/lib/ in rooms by job, on floors: a room imports the rooms it names (each named before it,
 * so rooms never import in a circle), the shared modules at the top of src/lib/ and src/schemas/.
 */
const ROOMS: readonly (readonly [room: string, mayImport: readonly string[]])[] = [
  ['content', []],
  ['data', []],
  ['search', []],
  ['entries', ['content', 'data', 'search']],
  ['validate', ['content', 'data']],
  ['render', ['data', 'search', 'entries']],
];
/** The shared modules at the top of src/lib/. A leaf imports nothing of the project; the three that are not name what they import, never a room. */
const TOP: Readonly<Record<string, readonly string[]>> = {
  'src/lib/language.ts': [],
  'src/lib/memo.ts': [],
  'src/lib/paths.ts': [],
  'src/lib/regexp.ts': [],
  'src/lib/title-key.ts': [],
  'src/lib/tags.ts': ['src/lib/title-key.ts'],
  'src/lib/routes.ts': ['src/lib/tags.ts'],
  'src/lib/arxiv.ts': ['src/schemas/arxiv.ts'],
};
/** What a schema may import of src/lib/: the constants it shares with the site (arXiv's URLs, Han script, reserved section ids), from the top, never a room. */
const SCHEMAS_MAY_IMPORT = ['src/lib/arxiv.ts', 'src/lib/language.ts', 'src/lib/routes.ts'];

/** Each import of src/lib/ and src/schemas/ under `root` that the floors forbid, and each file or room they do not know. */
function layeringProblems(root: string): string[] {
  const name = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const rooms = new Map(ROOMS);
  const roomOf = (file: string) => /^src\/lib\/([^/]+)\//.exec(file)?.[1];
  const problems: string[] = [];
  const lib = filesUnder(path.join(root, 'src/lib')).map(name).sort();
  for (const file of lib) {
    const room = roomOf(file);
    if (room === undefined && !(file in TOP)) problems.push(`${file}: at the top of src/lib/ but not in TOP: put it in a room`);
    if (room !== undefined && !rooms.has(room)) problems.push(`${file}: src/lib/${room}/ is not a room of ROOMS`);
    for (const target of importsOf(path.join(root, file)).map(name)) {
      const targetRoom = roomOf(target);
      if (room === undefined) {
        if (!(TOP[file] ?? []).includes(target))
          problems.push(
            `${file} imports ${target}: ${TOP[file]?.length ? `it may import ${TOP[file]!.join(', ')}` : 'a leaf imports nothing of the project'}`,
          );
      } else if (targetRoom !== undefined) {
        if (targetRoom !== room && !rooms.get(room)?.includes(targetRoom))
          problems.push(`${file} imports ${target}: ${room}/ may import ${rooms.get(room)?.join(', ') || 'no other room'}`);
      } else if (!target.startsWith('src/lib/') && !target.startsWith('src/schemas/'))
        problems.push(`${file} imports ${target}: a room imports only src/lib/ and src/schemas/`);
    }
  }
  for (const file of filesUnder(path.join(root, 'src/schemas')).map(name))
    for (const target of importsOf(path.join(root, file)).map(name))
      if (!target.startsWith('src/schemas/') && !SCHEMAS_MAY_IMPORT.includes(target))
        problems.push(`${file} imports ${target}: a schema imports no lib room, only ${SCHEMAS_MAY_IMPORT.join(', ')}`);
  // Each room's first file (by name) says in its first line what the room is for.
  for (const room of new Set(lib.map(roomOf).filter((room) => room !== undefined))) {
    const first = lib.find((file) => roomOf(file) === room)!;
    const line = readFileSync(path.join(root, first), 'utf8').split('\n', 1)[0]!;
    if (!line.startsWith(`// src/lib/${room}/: `))
      problems.push(`${first}: a room's first file starts with "// src/lib/${room}/: what the room is for"`);
  }
  return problems;
}

describe('src/lib/ in rooms', () => {
  it('imports along the floors: each room the rooms it names, the top and src/schemas/; leaves nothing; schemas no room', () => {
    expect(layeringProblems(REPO_ROOT)).toEqual([]);
  });

  it('names rooms before the rooms that import them, and only rooms and modules that exist', () => {
    ROOMS.forEach(([room, mayImport], index) => {
      expect(statSync(path.join(REPO_ROOT, 'src/lib', room)).isDirectory(), room).toBe(true);
      for (const below of mayImport)
        expect(
          ROOMS.slice(0, index).map(([name]) => name),
          `${room} imports ${below}`,
        ).toContain(below);
    });
    for (const file of [...Object.keys(TOP), ...SCHEMAS_MAY_IMPORT])
      expect(existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
  });

  it('keeps tests/unit/ in the same rooms: each folder is a room of src/lib/ or a job of scripts/lib/', () => {
    const jobs = readdirSync(path.join(REPO_ROOT, 'scripts/lib'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    const known = new Set([...ROOMS.map(([room]) => room), ...jobs.map((entry) => entry.name), 'fixtures']);
    const folders = readdirSync(path.join(REPO_ROOT, 'tests/unit'), { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    );
    expect(folders.map((entry) => entry.name).filter((folder) => !known.has(folder))).toEqual([]);
  });

  it('finds each kind of bad import in a made-up tree (the check itself can see them)', () => {
    const root = tempFolder('layering-');
    const tree: Record<string, string> = {
      'src/content.ts': 'export type PaperEntry = {};\n',
      'src/lib/memo.ts': "import { a } from './content/a';\n",
      'src/lib/tags.ts': "import './memo';\n",
      'src/lib/stray.ts': '',
      'src/lib/routes.ts': '',
      'src/lib/content/a.ts': "// src/lib/content/: content.\nimport type { B } from '../render/b';\nexport const a = 1;\n",
      'src/lib/render/b.ts': "// src/lib/render/: pages.\nimport { a } from '../content/a';\nexport type B = 1;\n",
      'src/lib/data/d.ts': "import type { PaperEntry } from '../../content';\n",
      'src/lib/attic/e.ts': '// src/lib/attic/: old things.\n',
      'src/schemas/x.ts': "import '../lib/render/b';\nimport '../lib/memo';\nimport '../lib/routes';\n",
    };
    for (const [file, text] of Object.entries(tree)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    expect(layeringProblems(root)).toEqual([
      'src/lib/attic/e.ts: src/lib/attic/ is not a room of ROOMS',
      'src/lib/content/a.ts imports src/lib/render/b.ts: content/ may import no other room',
      'src/lib/data/d.ts imports src/content.ts: a room imports only src/lib/ and src/schemas/',
      'src/lib/memo.ts imports src/lib/content/a.ts: a leaf imports nothing of the project',
      'src/lib/render/b.ts imports src/lib/content/a.ts: render/ may import data, search, entries',
      'src/lib/stray.ts: at the top of src/lib/ but not in TOP: put it in a room',
      'src/lib/tags.ts imports src/lib/memo.ts: it may import src/lib/title-key.ts',
      'src/schemas/x.ts imports src/lib/render/b.ts: a schema imports no lib room, only src/lib/arxiv.ts, src/lib/language.ts, src/lib/routes.ts',
      'src/schemas/x.ts imports src/lib/memo.ts: a schema imports no lib room, only src/lib/arxiv.ts, src/lib/language.ts, src/lib/routes.ts',
      'src/lib/data/d.ts: a room\'s first file starts with "// src/lib/data/: what the room is for"',
    ]);
  });
});
