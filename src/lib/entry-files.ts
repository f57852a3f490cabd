import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Document } from 'yaml';
import { PAPER_FIELD_ORDER, type PaperInput } from '../schemas/paper';
import { explainYamlError } from './yaml-hints';

/** `.yaml` for data only, `.md` for a long note in Markdown, `.mdx` for a long note with components. */
export const ENTRY_EXTENSIONS = ['.yaml', '.md', '.mdx'] as const;
export type EntryFormat = 'yaml' | 'md' | 'mdx';
/** Path of the JSON Schema (for editors) relative to an entry file in content/<section>/. */
export const JSON_SCHEMA_REF = '../paper.schema.json';

/** An entry file as read from disk, before schema validation. */
export interface EntrySource {
  /** Absolute path. */
  file: string;
  section: string;
  /** The file name without extension: the entry id and URL slug. */
  id: string;
  format: EntryFormat;
  /** The YAML data (frontmatter for .md and .mdx); undefined when the YAML does not parse. */
  data: unknown;
  /** The body of a .md or .mdx entry (the long note); '' for YAML entries. */
  body: string;
  /** 1-based line in `file` where the body starts (1 for YAML). */
  bodyLine: number;
  /** YAML syntax errors with 1-based lines in `file`. */
  syntaxErrors: { line: number; message: string }[];
  /** 1-based line in `file` of a field path such as ['links', 0, 'url'] (nearest existing parent). */
  lineOf(fieldPath: readonly PropertyKey[]): number;
}

/** Splits `---\nfrontmatter\n---\nbody`; returns the YAML text, the body and where each starts. */
function splitFrontmatter(text: string): { yaml: string; yamlLine: number; body: string; bodyLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  const yaml = match[1] ?? '';
  return { yaml, yamlLine: 2, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** An entry file's id: its name without the extension (`content/mllm/2409.12191.yaml` → `2409.12191`). */
export function entryId(file: string): string {
  return path.basename(file).replace(/\.(yaml|mdx?)$/, '');
}

/** Parses an entry file's text. Never throws: syntax problems come back in `syntaxErrors`. */
export function parseEntrySource(file: string, text: string, section = path.basename(path.dirname(file))): EntrySource {
  const format: EntryFormat = file.endsWith('.mdx') ? 'mdx' : file.endsWith('.md') ? 'md' : 'yaml';
  const id = entryId(file);
  let yamlText = text;
  let yamlLine = 1;
  let body = '';
  let bodyLine = 1;
  const syntaxErrors: EntrySource['syntaxErrors'] = [];
  if (format !== 'yaml') {
    const split = splitFrontmatter(text);
    if (split) ({ yaml: yamlText, yamlLine, body, bodyLine } = split);
    else {
      syntaxErrors.push({ line: 1, message: `an .${format} entry must start with YAML frontmatter between --- lines` });
      yamlText = '';
    }
  }
  // Most files are fine, and nothing needs their lines: js-yaml reads them several times faster
  // than `yaml`'s document API (bench/results.md, "Why each choice"). The document,
  // with positions, is parsed only when a line is asked for or js-yaml rejects the file. The core
  // schema keeps unquoted dates as strings, as `yaml` does, so rewriting an entry keeps them.
  let data: unknown;
  let fastError: Error | undefined;
  try {
    data = loadYaml(yamlText, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    fastError = error as Error;
  }
  let located: { doc: Document; toFileLine(offset: number): number } | undefined;
  const locate = () => {
    if (!located) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
      located = { doc, toFileLine: (offset) => lineCounter.linePos(offset).line + yamlLine - 1 };
    }
    return located;
  };
  if (fastError) {
    const { doc, toFileLine } = locate();
    // One mistake, one line: later errors are mostly the parser losing its way after the first.
    const [first] = doc.errors;
    // Where the two readers disagree, js-yaml's verdict stands: Astro reads entries with it.
    const error = first
      ? { line: toFileLine(first.pos[0]), message: first.message.split('\n')[0]! }
      : jsYamlSyntaxError(fastError, yamlLine);
    syntaxErrors.push({ line: error.line, message: explainYamlError(error.message, text.split('\n')[error.line - 1] ?? '') });
  }
  return {
    file,
    section,
    id,
    format,
    data: syntaxErrors.length ? undefined : data,
    body,
    bodyLine,
    syntaxErrors,
    lineOf: (fieldPath) => {
      const { doc, toFileLine } = locate();
      return toFileLine(
        nodeOffset(
          doc,
          fieldPath.filter((key): key is string | number => typeof key !== 'symbol'),
        ),
      );
    },
  };
}

/** js-yaml's error as a syntax error: its reason, at its 0-based line counted from the YAML's start. */
function jsYamlSyntaxError(
  error: Error & { reason?: string; mark?: { line: number } },
  yamlLine: number,
): EntrySource['syntaxErrors'][number] {
  return { line: (error.mark?.line ?? 0) + yamlLine, message: error.reason ?? error.message.split('\n')[0]! };
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

/** Every entry file under `root`, one folder per section id, sorted by section then file name. */
export function readEntrySources(root: string, sectionIds: readonly string[]): EntrySource[] {
  return sectionIds.flatMap((section) => {
    const dir = path.join(root, section);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names
      .filter((name) => ENTRY_EXTENSIONS.some((ext) => name.endsWith(ext)))
      .sort()
      .map((name) => {
        const file = path.join(dir, name);
        return parseEntrySource(file, readFileSync(file, 'utf8'), section);
      });
  });
}

/** Keeps fields in schema order and drops empty optionals, so written files are canonical. */
function orderedFields(paper: PaperInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of PAPER_FIELD_ORDER) {
    const value = paper[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

/** The YAML text of an entry: schema-ordered fields, strings quoted where YAML would retype them. */
export function serializeEntryYaml(paper: PaperInput): string {
  return stringify(orderedFields(paper), { lineWidth: 0, defaultKeyType: 'PLAIN', defaultStringType: 'PLAIN' }).replace(
    /^(added): '(\d{4}-\d{2}-\d{2})'$/m,
    '$1: $2',
  );
}

/** The full text of an entry file: YAML with the editor schema reference, or frontmatter + body (.md, .mdx). */
export function serializeEntry(paper: PaperInput, format: EntryFormat = 'yaml', body = ''): string {
  const yaml = serializeEntryYaml(paper);
  if (format !== 'yaml') return `---\n${yaml}---\n\n${body.trim()}\n`;
  return `# yaml-language-server: $schema=${JSON_SCHEMA_REF}\n${yaml}`;
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file behind. */
export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * A file the dev server was told has changed. An editor that saves in place empties the file
 * first, and the watcher drops a second event that comes within 50 ms of the first: a file read
 * empty is read again once its modification time moves (or after half a second), as Vite reads
 * changed modules.
 */
export async function readSavedFile(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  if (text) return text;
  const { mtimeMs } = await stat(file);
  for (let tries = 0; tries < 50 && (await stat(file)).mtimeMs === mtimeMs; tries++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  return readFile(file, 'utf8');
}
