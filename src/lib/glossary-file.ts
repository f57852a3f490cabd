import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { glossarySchema, type Concept } from '../schemas/glossary';
import { parseEntrySource } from './entry-files';
import { REPO_ROOT, contentRoot } from './paths';
import { formatZodIssue } from './zod-messages';

export const GLOSSARY_FILE_NAME = 'glossary.yaml';

/** One problem of the glossary file, with its 1-based line and field path (`3.zh.0`). */
export interface GlossaryProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

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
export function readGlossary(file: string): { concepts: Concept[]; problems: GlossaryProblem[] } {
  if (!existsSync(file)) return { concepts: [], problems: [] };
  const source = parseEntrySource(file, readFileSync(file, 'utf8'), '');
  const problem = (line: number, field: string, message: string) => ({ file, line, field, message });
  if (source.syntaxErrors.length)
    return { concepts: [], problems: source.syntaxErrors.map(({ line, message }) => problem(line, '(syntax)', message)) };
  const result = glossarySchema.safeParse(source.data ?? []);
  if (result.success) return { concepts: result.data, problems: [] };
  return {
    concepts: [],
    problems: result.error.issues.map((issue) => {
      const fieldPath = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      const field = fieldPath.length ? fieldPath.join('.') : '(glossary)';
      const text = formatZodIssue(issue);
      return problem(source.lineOf(fieldPath), field, text.startsWith(`${field}: `) ? text.slice(field.length + 2) : text);
    }),
  };
}

/** The glossary of a content folder; throws with every problem when the file is invalid (the build stops). */
export function loadGlossary(root: string = contentRoot()): Concept[] {
  const { concepts, problems } = readGlossary(glossaryPath(root));
  if (problems.length) throw new Error(problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n'));
  return concepts;
}
