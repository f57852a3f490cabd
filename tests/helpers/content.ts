import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openContentRoot } from '../../src/lib/content-root';
import { contentRoot } from '../../src/lib/paths';
import { paperSchema, type Paper } from '../../src/schemas/paper';

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
