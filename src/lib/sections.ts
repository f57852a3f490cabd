import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sectionRegistrySchema, type Section } from '../schemas/section';
import { formatZodIssue } from './zod-messages';
import { sectionRegistryPath } from './paths';

/** Reads and checks the section registry, sorted by `order`. Throws with the file and field on bad input. */
export function loadSections(file: string = sectionRegistryPath()): Section[] {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const result = sectionRegistrySchema.safeParse(raw);
  if (!result.success) {
    throw new Error(result.error.issues.map((issue) => `${file}: ${formatZodIssue(issue)}`).join('\n'));
  }
  return [...result.data].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
