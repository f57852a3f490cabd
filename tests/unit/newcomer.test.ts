import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentIds, exportedIds } from '../../scripts/lib/checks/check-counts';
import { createEntry, parseNewEntryArgs } from '../../scripts/lib/list/new-entry';
import { parseList } from '../../scripts/lib/list/parse';
import { exportListFromDisk } from '../../scripts/lib/list/write';
import { openContentRoot } from '../../src/lib/content/content-root';
import { contentRoot } from '../../src/lib/paths';
import { validateContent } from '../../src/lib/validate/validate';
import { addGeneratedPapers, contributingArgv, promisedFile } from '../helpers/newcomer';
import { runScript } from '../helpers/run';

/**
 * The rule that adding a valid paper never turns a check red, in seconds: a copy of content/ gets
 * the exact `npm run new` command CONTRIBUTING.md shows, then a batch of other new papers, and the
 * content checks run on it in-process. tests/newcomer/ runs the same path for real, with the
 * build and the site's test suites, in a clean copy of the whole project.
 */
let temp: string;
let root: string;
const added: string[] = [];

beforeAll(() => {
  temp = mkdtempSync(path.join(tmpdir(), 'newcomer-'));
  root = path.join(temp, 'content');
  cpSync(contentRoot(), root, { recursive: true });
  const first = createEntry(parseNewEntryArgs(contributingArgv()), { root, today: '2026-01-01' });
  writeFileSync(first.file, first.text);
  added.push(first.file, ...addGeneratedPapers(root));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a newcomer adds papers', () => {
  it('writes the file CONTRIBUTING.md promises, with the venue and published month', () => {
    expect(path.relative(temp, added[0]!)).toBe(promisedFile());
    expect(readFileSync(added[0]!, 'utf8')).toMatch(/\nvenue: arXiv\n/);
    expect(readFileSync(added[0]!, 'utf8')).toMatch(/\npublished: 2024-08\n/);
    expect(added.length).toBeGreaterThan(20);
  });

  it('validates with no error', () => {
    expect(validateContent({ root }).filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('exports the list, which reads back with every paper', () => {
    const exported = exportListFromDisk(root);
    expect(exported.problems).toEqual([]);
    const sections = openContentRoot(root).sections();
    const parsed = parseList(
      exported.text,
      sections.map((section) => section.title),
    );
    expect(parsed.problems).toEqual([]);
    const entries = parsed.sections.reduce((sum, section) => sum + section.entries.length, 0);
    expect(entries).toBe(openContentRoot(root).entrySources().length);
  });

  it('keeps the counts check green between files and the exported list', () => {
    const sections = openContentRoot(root).sections();
    const files = contentIds(root, sections);
    const exported = exportedIds(root, sections);
    expect(exported.problems).toEqual([]);
    for (const section of sections)
      expect(exported.ids.get(section.id)?.length ?? 0, section.id).toBe(files.get(section.id)?.length ?? 0);
  });

  it('passes the real commands: npm run validate and npm run export:readme', async () => {
    const validate = await runScript('scripts/validate.ts', ['--content', root]);
    expect(validate.status, validate.stdout + validate.stderr).toBe(0);
    const exported = await runScript('scripts/export-readme.ts', ['--content', root, '--out', path.join(temp, 'README.md')]);
    expect(exported.status, exported.stderr).toBe(0);
  });
});
