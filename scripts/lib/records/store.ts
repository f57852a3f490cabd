import { existsSync, readdirSync, readFileSync, rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ContentRoot } from '../../../src/lib/content/content-root';
import { ENTRY_EXTENSIONS, writeFileAtomic } from '../../../src/lib/content/entry-files';
import { formatProblem } from '../../../src/lib/content/problems';
import { parseYaml, yamlProblems } from '../../../src/lib/content/yaml-file';
import { RECORD_FIELD_ORDER, recordSchema, type PaperRecord } from '../../../src/schemas/record';
import { DECISIONS_FILE_NAME } from './decisions';

/** The record files on disk: read, written whole and only when they change, removed with their entry. */

export const RECORD_HEADER = `# Written by \`npm run records\` from arXiv or OpenReview: do not edit, the next run rewrites it.
# The entry file beside it in content/ is the list's; where both say something, the entry wins.
`;

/** A record's file text: the header, then the fields in RECORD_FIELD_ORDER (empty ones left out). */
export function serializeRecord(record: PaperRecord): string {
  const ordered: Record<string, unknown> = {};
  for (const key of RECORD_FIELD_ORDER) {
    const value = record[key];
    if (value !== undefined) ordered[key] = value;
  }
  return `${RECORD_HEADER}${stringify(ordered, { lineWidth: 0, defaultKeyType: 'PLAIN', defaultStringType: 'PLAIN' })}`;
}

/** A record file as read: its record, or why it cannot be used (it is then written anew). */
export type StoredRecord = { record: PaperRecord; text: string } | { problem: string };

/** The record at `file`, undefined when there is none. */
export function readRecord(file: string): StoredRecord | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const { data, problems } = yamlProblems(file, parseYaml(text), recordSchema, '(record)');
  return data ? { record: data, text } : { problem: problems.map((problem) => formatProblem(problem)).join('; ') };
}

export type WriteOutcome = 'new' | 'changed' | 'unchanged';

/**
 * Writes `record` to `file` unless only its `fetched` day would change (a refresh with the same
 * answer changes no file). Checked against the schema first: a record that does not fit throws
 * and nothing is written.
 */
export function writeRecord(file: string, record: PaperRecord, stored: StoredRecord | undefined): WriteOutcome {
  const checked = recordSchema.safeParse(record);
  if (!checked.success)
    throw new Error(
      `the record does not fit the schema: ${checked.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`).join('; ')}`,
    );
  if (stored && 'record' in stored && serializeRecord({ ...checked.data, fetched: stored.record.fetched }) === stored.text)
    return 'unchanged';
  writeFileAtomic(file, serializeRecord(checked.data));
  return stored ? 'changed' : 'new';
}

/**
 * Removes every record file whose entry file is gone (or whose section the registry no longer
 * has), and folders left empty; returns the files removed. `decisions.yaml` stays.
 */
export function removeOrphanRecords(content: ContentRoot, sectionIds: readonly string[]): string[] {
  if (!existsSync(content.recordsDir)) return [];
  const removed: string[] = [];
  for (const folder of readdirSync(content.recordsDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const dir = path.join(content.recordsDir, folder.name);
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.yaml')) continue;
      const id = name.slice(0, -'.yaml'.length);
      const entryExists =
        sectionIds.includes(folder.name) &&
        ENTRY_EXTENSIONS.some((ext) => existsSync(path.join(content.dir, folder.name, `${id}${ext}`)));
      if (entryExists) continue;
      rmSync(path.join(dir, name));
      removed.push(path.join(dir, name));
    }
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }
  return removed;
}

export const decisionsFile = (content: ContentRoot) => path.join(content.recordsDir, DECISIONS_FILE_NAME);
