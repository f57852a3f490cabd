import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentRoot } from '../../src/lib/content/content-root';
import { fileSnapshot } from '../helpers/content';
import { runScript } from '../helpers/run';
import { LIST_CONTENT, LIST_DIST } from '../setup/dist';

/*
 * The one smoke check of the real list: content/ and its build in dist/ (made by the site suites'
 * setup exactly as `npm run build` makes it) pass the maintainer's own commands. Everything else
 * the site does is tested on the fixture content; what this expects is computed from content/, so
 * adding a valid paper never turns it red.
 */
const asMaintainer = { CONTENT_DIR: undefined, OUT_DIR: undefined, BASE_PATH: undefined };
const papers = openContentRoot(LIST_CONTENT).entrySources().length;

describe('the real list', () => {
  it('passes npm run validate with no error', async () => {
    const run = await runScript('scripts/validate.ts', [], asMaintainer);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^${papers} entries in \\d+ sections: 0 errors`, 'm'));
  });

  it('loses no paper between its files, pages, search index, data file and export (npm run check:counts)', async () => {
    const run = await runScript('scripts/check-counts.ts', [], asMaintainer);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^total\\s+(${papers}\\s+){4}${papers}$`, 'm'));
  });

  it('has no broken internal link in its build (npm run check:links)', async () => {
    const run = await runScript('scripts/check-links.ts', ['--dist', LIST_DIST], asMaintainer);
    expect([run.status, run.stdout.trim()]).toEqual([0, 'no broken internal links']);
  });

  it('exports a list that syncs back changing nothing (npm run export:readme, then npm run sync)', async () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'real-list-'));
    try {
      const list = path.join(temp, 'list.md');
      const exported = await runScript('scripts/export-readme.ts', ['--out', list], asMaintainer);
      expect(exported.status, exported.stderr).toBe(0);
      const copy = path.join(temp, 'content');
      cpSync(LIST_CONTENT, copy, { recursive: true });
      const synced = await runScript('scripts/sync.ts', [list, '--content', copy], asMaintainer);
      expect(synced.status, synced.stderr).toBe(0);
      expect(synced.stdout).toContain('nothing to sync');
      expect(fileSnapshot(copy)).toEqual(fileSnapshot(LIST_CONTENT));
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
