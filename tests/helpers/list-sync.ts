import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { applySyncPlan, parseAddedDates, planSyncFromDisk, type SyncPlan } from '../../scripts/lib/list/sync';
import { REPO_ROOT } from '../../src/lib/paths';

/** The lists as published (defects included) and their first-appearance dates. */
export const FIXTURES = path.join(REPO_ROOT, 'tests/unit/fixtures/lists');
export const readFixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
export const UPSTREAM = readFixture('upstream-awesome-list.md');
export const UPSTREAM_DATES = parseAddedDates(readFixture('upstream-added-dates.tsv'));

const temps: string[] = [];
/** Deletes every folder `contentFolder` made (call in afterAll). */
export const removeContentFolders = () => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));

/** An empty content folder with the given registry (default: the repository's). */
export function contentFolder(registry = readFileSync(path.join(REPO_ROOT, 'content/sections.yaml'), 'utf8')): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'list-sync-'));
  temps.push(dir);
  const root = path.join(dir, 'content');
  mkdirSync(root);
  writeFileSync(path.join(root, 'sections.yaml'), registry);
  return root;
}

/** A copy of a content folder, in a folder of its own. */
export function copyOf(root: string): string {
  const copy = contentFolder();
  cpSync(root, copy, { recursive: true });
  return copy;
}

/** Plans and applies a sync that must not be refused; returns the plan. */
export function sync(root: string, text: string, options: Partial<Parameters<typeof planSyncFromDisk>[1]> = {}): SyncPlan {
  const plan = planSyncFromDisk(text, { contentDir: root, defaultAdded: '2030-01-01', ...options });
  expect(plan.report.refusals).toEqual([]);
  applySyncPlan(plan);
  return plan;
}

const ENTRY_FILE = /^[^/.][^/]*\/[^/]+\.(yaml|md|mdx)$/;

/**
 * The papers of a snapshot, per section, without their file names and kept arXiv ids: a file's
 * name is the paper's address, fixed when it is first created, so a paper whose list line lost
 * its arXiv link keeps the id (and the arXiv id) it was created with.
 */
export function papers(files: Record<string, string>, omit: readonly string[] = ['arxiv']): string[] {
  return Object.entries(files)
    .filter(([file]) => ENTRY_FILE.test(file))
    .map(([file, text]) => {
      const data = parse(text.replace(/^---\n([\s\S]*?)---\n[\s\S]*$/, '$1')) as Record<string, unknown>;
      for (const key of omit) delete data[key];
      return `${file.split('/')[0]}\t${JSON.stringify(data)}`;
    })
    .sort();
}

/** The files of a snapshot that are not entries (registry, about.md, sync state). */
export const notEntries = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).filter(([file]) => !ENTRY_FILE.test(file)));
