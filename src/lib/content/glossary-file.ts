import { existsSync } from 'node:fs';
import path from 'node:path';
import { glossarySchema, type Concept } from '../../schemas/glossary';
import { REPO_ROOT, contentRoot } from '../paths';
import { ProblemsError, type Problem } from './problems';
import { readYamlFile } from './yaml-file';

export const GLOSSARY_FILE_NAME = 'glossary.yaml';

/**
 * The glossary a content folder uses: its own `glossary.yaml`, else the repository's. The glossary
 * is about the field's words, not about one list, so a content folder made for a benchmark or a
 * test (which carries only sections and entries) searches with the real one.
 */
export function glossaryPath(root: string = contentRoot()): string {
  const own = path.join(root, GLOSSARY_FILE_NAME);
  return existsSync(own) ? own : path.join(REPO_ROOT, 'content', GLOSSARY_FILE_NAME);
}

/** Reads and checks a glossary file; problems name the line and field, as entry problems do. */
export function readGlossary(file: string): { concepts: Concept[]; problems: Problem[] } {
  if (!existsSync(file)) return { concepts: [], problems: [] };
  const { data, problems } = readYamlFile(file, glossarySchema, '(glossary)', []);
  return { concepts: data ?? [], problems };
}

/** The glossary of a content folder; throws with every problem when the file is invalid (the build stops). */
export function loadGlossary(root: string = contentRoot()): Concept[] {
  const { concepts, problems } = readGlossary(glossaryPath(root));
  if (problems.length) throw new ProblemsError(problems);
  return concepts;
}
