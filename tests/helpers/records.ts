import { existsSync, readFileSync } from 'node:fs';
import { openContentRoot } from '../../src/lib/content-root';
import { parseYaml } from '../../src/lib/yaml-file';
import { recordSchema, type PaperRecord } from '../../src/schemas/record';

/** An entry's scholarly record as its file holds it (the ground truth for pages and data), or undefined. */
export function recordOf(section: string, id: string, root = openContentRoot()): PaperRecord | undefined {
  const file = root.recordFile(section, id);
  return existsSync(file) ? recordSchema.parse(parseYaml(readFileSync(file, 'utf8')).data) : undefined;
}
