import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problems';
import { explainYamlError } from './yaml-hints';
import { handOn, takeHandedOn } from './yaml-handoff';
import { formatZodIssue, type ZodIssue } from './zod-messages';

/**
 * The one YAML reader: entry files (and MDX frontmatter), the section registry and the glossary are
 * read here, with the `yaml` package, the library Astro reads frontmatter with, in its core schema
 * (an unquoted date stays the text written, so rewriting an entry keeps it). Syntax errors come
 * back at their file line in an editor's words (lib/content/yaml-hints); schema problems one per field, at
 * the field's line, as `Problem`s (lib/content/problems), so all three files report alike.
 */

/** YAML text read: its data, its syntax errors, and where each field is. */
export interface YamlText {
  /** The data; undefined when the YAML has a syntax error. */
  data: unknown;
  /** Syntax errors with 1-based lines in the file. */
  syntaxErrors: { line: number; message: string }[];
  /** 1-based line in the file of a field path such as ['links', 0, 'url'] (nearest existing parent). */
  lineOf(fieldPath: readonly PropertyKey[]): number;
}

/**
 * Parses YAML that starts at line `firstLine` of its file. Never throws. While a build hands
 * parses on (lib/content/yaml-handoff), a text read twice is parsed once.
 */
export function parseYaml(text: string, firstLine = 1): YamlText {
  const handedOn = takeHandedOn(text, firstLine);
  if (handedOn)
    return { data: handedOn.data, syntaxErrors: [], lineOf: (fieldPath) => parseText(text, firstLine).lineOf(fieldPath) };
  const parsed = parseText(text, firstLine);
  if (!parsed.syntaxErrors.length) handOn(text, firstLine, parsed.data);
  return parsed;
}

function parseText(text: string, firstLine: number): YamlText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  // One mistake, one line: later errors are mostly the parser losing its way after the first. A
  // warning (an unknown tag such as `!!python/str`) counts: the value would not be what it shows.
  const first = doc.errors[0] ?? doc.warnings[0];
  const syntaxErrors: YamlText['syntaxErrors'] = [];
  if (first) {
    const line = toFileLine(first.pos[0]);
    const message = first.message.split('\n')[0]!;
    syntaxErrors.push({ line, message: explainYamlError(message, text.split('\n')[line - firstLine] ?? '') });
  }
  return {
    data: first ? undefined : doc.toJS(),
    syntaxErrors,
    lineOf: (fieldPath) =>
      toFileLine(
        nodeOffset(
          doc,
          fieldPath.filter((key): key is string | number => typeof key !== 'symbol'),
        ),
      ),
  };
}

function nodeOffset(doc: Document, fieldPath: readonly (string | number)[]): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: number[] } | null)?.range?.[0] ?? 0;
  for (const key of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key];
      offset = (node as { range?: number[] }).range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

/**
 * Problems of YAML read from `file` against `schema`: its syntax error, else one problem per Zod
 * issue (and per unknown key), each at its field's line. `whole` names the data as a field when an
 * issue is about all of it: `(entry)`, `(registry)`, `(glossary)`.
 */
export function yamlProblems<T>(
  file: string,
  source: YamlText,
  schema: z.ZodType<T>,
  whole: string,
): { data: T; problems: Problem[] } | { data?: undefined; problems: Problem[] } {
  const problem = (line: number, field: string, message: string): Problem => ({ file, line, field, message, severity: 'error' });
  if (source.syntaxErrors.length)
    return { problems: source.syntaxErrors.map(({ line, message }) => problem(line, '(syntax)', message)) };
  const result = schema.safeParse(source.data);
  if (result.success) return { data: result.data, problems: [] };
  return {
    problems: result.error.issues.flatMap((issue) =>
      schemaIssueFields(issue, whole).map(({ fieldPath, field, message }) => problem(source.lineOf(fieldPath), field, message)),
    ),
  };
}

/** One field per Zod issue, and one per unknown key so each points at its own line. */
function schemaIssueFields(issue: ZodIssue, whole: string): { fieldPath: PropertyKey[]; field: string; message: string }[] {
  const single = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue];
  return single.map((part) => {
    const fieldPath = part.code === 'unrecognized_keys' ? [...part.path, part.keys[0]!] : part.path;
    // formatZodIssue words the message as `field: message`; the field goes in its own column here.
    const zodField = fieldPath.length ? fieldPath.join('.') : '(entry)';
    const text = formatZodIssue(part);
    const message = text.startsWith(`${zodField}: `) ? text.slice(zodField.length + 2) : text;
    return { fieldPath, field: fieldPath.length ? zodField : whole, message };
  });
}

/**
 * Reads and checks a YAML file (the registry, the glossary); `empty` stands for a file with no data
 * when that is allowed. A file that cannot be read throws.
 */
export function readYamlFile<T>(file: string, schema: z.ZodType<T>, whole: string, empty?: T) {
  const source = parseYaml(readFileSync(file, 'utf8'));
  if (empty !== undefined && source.data == null && !source.syntaxErrors.length) source.data = empty;
  return yamlProblems(file, source, schema, whole);
}
