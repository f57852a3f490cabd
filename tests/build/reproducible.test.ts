import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';
import { buildFixtureSite } from '../setup/build-site';
import { DIST } from '../setup/dist';

const REPRO_OUT_DIR = 'dist-repro';
/** A whole build in a hook: about a minute idle, several with every core busy. */
const BUILD_TIMEOUT = 900_000;

/** sha256 of every file under `dir`, by path relative to it. */
function fileHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(dir, file).split(path.sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return hashes;
}

/** Files that differ between two folders: `changed: x`, `only in first: y`, `only in second: z`, sorted. */
function differingFiles(first: string, second: string): string[] {
  const a = fileHashes(first);
  const b = fileHashes(second);
  const out: string[] = [];
  for (const [file, hash] of a) {
    if (!b.has(file)) out.push(`only in ${path.basename(first)}: ${file}`);
    else if (b.get(file) !== hash) out.push(`changed: ${file}`);
  }
  for (const file of b.keys()) if (!a.has(file)) out.push(`only in ${path.basename(second)}: ${file}`);
  return out.sort();
}

describe('reproducible builds', () => {
  beforeAll(async () => {
    // The same command and environment as tests/setup/build-site.ts, into another folder.
    await buildFixtureSite({ OUT_DIR: `./${REPRO_OUT_DIR}` });
  }, BUILD_TIMEOUT);

  it('a second build of the same sources is byte-identical to the first (SKIP_BUILD=1 with a stale build shows up here)', () => {
    expect(fileHashes(DIST).size).toBeGreaterThan(300);
    expect(differingFiles(DIST, path.join(REPO_ROOT, REPRO_OUT_DIR))).toEqual([]);
  });

  it('the comparison names changed, missing and extra files', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'repro-'));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write('one/same.html', 'x');
    write('two/same.html', 'x');
    write('one/a/page.html', 'before');
    write('two/a/page.html', 'after');
    write('one/gone.js', '');
    write('two/new.js', '');
    expect(differingFiles(path.join(root, 'one'), path.join(root, 'two'))).toEqual([
      'changed: a/page.html',
      'only in one: gone.js',
      'only in two: new.js',
    ]);
  });
});
