import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { recordSchema, type PaperRecord } from '../../schemas/record';
import { RECORDS_FOLDER_NAME } from '../content/content-root';
import type { EntrySource } from '../content/entry-files';
import type { Problem } from '../content/problems';
import { parseYaml, yamlProblems } from '../content/yaml-file';

/**
 * The records command's remembered decisions (accepted matches, rejected candidates), at the top
 * of the records folder: not a record.
 */
export const RECORD_DECISIONS_FILE_NAME = 'decisions.yaml';

/** What to do about a record whose paper or section is gone, said once for both problems. */
const REMOVE_HINT = 'delete it, or run `npm run records`, which removes such records';

/**
 * The problems of the records folder under `root` (src/schemas/record.ts): each record against the
 * schema, at the field's line; a record whose entry is gone; a folder that is not a section. A
 * missing folder is fine (no paper has a record yet).
 */
export function recordProblems(root: string, sectionIds: readonly string[], sources: readonly EntrySource[]): Problem[] {
  const dir = path.join(root, RECORDS_FOLDER_NAME);
  const problems: Problem[] = [];
  const entries = new Set(sources.map((source) => `${source.section}/${source.id}`));
  const sections = new Set(sectionIds);
  for (const folder of listDir(dir).filter((item) => item.isDirectory() && !item.name.startsWith('.'))) {
    const files = listDir(path.join(dir, folder.name))
      .filter((item) => item.isFile() && !item.name.startsWith('.'))
      .map((item) => item.name)
      .sort();
    if (!sections.has(folder.name)) {
      problems.push({
        file: path.join(dir, folder.name, files[0] ?? ''),
        line: 1,
        field: '(section)',
        message: `records folder "${folder.name}" is not a section of sections.yaml, so its records belong to no paper: ${REMOVE_HINT}`,
        severity: 'error',
      });
      continue;
    }
    for (const name of files) {
      const file = path.join(dir, folder.name, name);
      const problem = (message: string): Problem => ({ file, line: 1, field: '(file)', message, severity: 'error' });
      if (!name.endsWith('.yaml')) {
        problems.push(problem('is not read: a record is <entry id>.yaml'));
        continue;
      }
      const id = name.slice(0, -'.yaml'.length);
      if (!entries.has(`${folder.name}/${id}`))
        problems.push(problem(`is the record of ${folder.name}/${id}, which is no longer an entry: ${REMOVE_HINT}`));
      problems.push(...readRecord(file, readFileSync(file, 'utf8')).problems);
    }
  }
  return problems;
}

/** A record file's text checked against the schema: the record, or problems at their lines. */
export function readRecord(file: string, text: string): { record?: PaperRecord; problems: Problem[] } {
  const { data, problems } = yamlProblems(file, parseYaml(text), recordSchema, '(record)');
  return { record: data, problems };
}

function listDir(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
}
