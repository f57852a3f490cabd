import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openContentRoot } from '../../src/lib/content/content-root';
import { contentRoot } from '../../src/lib/paths';
import { readRecord } from '../../src/lib/validate/validate-records';
import { paperSchema, type Paper } from '../../src/schemas/paper';
import type { PaperRecord } from '../../src/schemas/record';

export interface SourceEntry {
  section: string;
  id: string;
  file: string;
  data: Paper;
}

/** The entries as the files under `root` hold them: the ground truth the built site is checked against. */
export function contentEntries(root = contentRoot()): SourceEntry[] {
  return openContentRoot(root)
    .entrySources()
    .map((source) => ({
      section: source.section,
      id: source.id,
      file: source.file,
      data: paperSchema.parse(source.data),
    }));
}

/** Every file under `dir` (dot folders included) with its text, sorted by path: to prove a run changed nothing. */
export function fileSnapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), readFileSync(file, 'utf8')] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * The scholarly records of the entries under `root`, by `section/id`, as their files hold them
 * (src/schemas/record.ts): what the built pages are checked against.
 */
export function contentRecords(root = contentRoot()): Map<string, PaperRecord> {
  const content = openContentRoot(root);
  const records = new Map<string, PaperRecord>();
  for (const source of content.entrySources()) {
    const file = content.recordFile(source.section, source.id);
    if (!existsSync(file)) continue;
    const { record, problems } = readRecord(file, readFileSync(file, 'utf8'));
    if (!record) throw new Error(problems.map((problem) => problem.message).join('\n'));
    records.set(`${source.section}/${source.id}`, record);
  }
  return records;
}
