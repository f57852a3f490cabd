import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';

/**
 * Every file and folder of the repository the README names exists, so its map of the project
 * cannot drift from the tree: the paths in code spans, and the Layout section's tree.
 */

const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** What a build, an install, a bench run or `npm run records` makes: named in the README, absent from a clean clone. */
const MADE = /^(?:dist[\w-]*|node_modules|bench\/\.work|content\/records)(?:\/|$)/;
/** Where the repository's own paths start: `owner/name` and a bare file name in a sentence are not checked (the Layout tree names the top-level files). */
const TOP = /^(?:src|scripts|tests|content|bench|public|\.github|\.ci)\//;

/** A repository path in a code span (`src/lib/routes.ts`, `content/`), or undefined for anything else. */
function repositoryPath(span: string): string | undefined {
  // Site addresses (`/data/papers.json`), URLs, commands and globs are not repository paths.
  if (/^\/|:\/\/|\s|\*/.test(span) || MADE.test(span)) return undefined;
  if (!TOP.test(span)) return undefined;
  // A placeholder (`content/<section>/<entry>.yaml`, `records/…`) names the folder before it.
  return span.split(/[<…]/)[0]!;
}

function codeSpanPaths(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  return [...new Set([...prose.matchAll(/`([^`\n]+)`/g)].flatMap((match) => repositoryPath(match[1]!) ?? []))];
}

/** The Layout section's tree: its top-level names, and the names indented under `src/` and `scripts/`. */
function layoutPaths(markdown: string): string[] {
  const tree = /```\n([\s\S]*?)```/.exec(markdown.slice(markdown.indexOf('## Layout')))?.[1] ?? '';
  const paths: string[] = [];
  let parent = '';
  for (const line of tree.split('\n')) {
    const top = /^(\S+)/.exec(line)?.[1];
    if (top) {
      parent = top === 'src/' || top === 'scripts/' ? top : '';
      paths.push(top);
      // A line of tests/ names two folders side by side.
      const beside = /\s{2,}(tests\/\S+)/.exec(line)?.[1];
      if (beside) paths.push(beside);
      continue;
    }
    // `  lib/records/   what it is`, or several names on one line: `  pages/ layouts/ components/`.
    const children = /^ {2}(\S+(?: \S+\/)*)/.exec(line)?.[1];
    if (parent && children) paths.push(...children.split(' ').map((child) => parent + child));
  }
  return paths;
}

describe('the README names only what exists', () => {
  it('finds the paths it checks (the check itself can read the README)', () => {
    expect(codeSpanPaths(README)).toEqual(expect.arrayContaining(['src/schemas/paper.ts', 'content/sections.yaml']));
    expect(layoutPaths(README)).toEqual(
      expect.arrayContaining(['astro.config.mjs', 'src/content.ts', 'src/client/search/', 'scripts/lib/records/', 'tests/unit/']),
    );
  });

  it('every path in its prose exists', () => {
    const missing = codeSpanPaths(README).filter((file) => !existsSync(path.join(REPO_ROOT, file)));
    expect(missing, 'README.md names these, which the repository does not have').toEqual([]);
  });

  it('every image it shows exists', () => {
    const images = [...README.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
    expect(images).toEqual(expect.arrayContaining(['.github/screenshots/home.png']));
    expect(images.filter((file) => !existsSync(path.join(REPO_ROOT, file)))).toEqual([]);
  });

  it('every path of its Layout tree exists', () => {
    const missing = layoutPaths(README).filter((file) => !existsSync(path.join(REPO_ROOT, file)));
    expect(missing, 'README.md’s Layout names these, which the repository does not have').toEqual([]);
  });
});
