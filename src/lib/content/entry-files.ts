import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { PAPER_FIELD_ORDER, type PaperInput } from '../../schemas/paper';
import { parseYaml, type YamlText } from './yaml-file';

/** `.yaml` for data only, `.md` for a long note in Markdown, `.mdx` for a long note with components. */
export const ENTRY_EXTENSIONS = ['.yaml', '.md', '.mdx'] as const;
export type EntryFormat = 'yaml' | 'md' | 'mdx';
/** Path of the JSON Schema (for editors) relative to an entry file in content/<section>/. */
export const JSON_SCHEMA_REF = '../paper.schema.json';

/** An entry file as read from disk, before schema validation; its YAML read by lib/content/yaml-file. */
export interface EntrySource extends YamlText {
  /** Absolute path. */
  file: string;
  section: string;
  /** The file name without extension: the entry id and URL slug. */
  id: string;
  format: EntryFormat;
  /** The body of a .md or .mdx entry (the long note); '' for YAML entries. */
  body: string;
  /** 1-based line in `file` where the body starts (1 for YAML). */
  bodyLine: number;
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
  const yaml = parseYaml(yamlText, yamlLine);
  syntaxErrors.push(...yaml.syntaxErrors);
  return {
    file,
    section,
    id,
    format,
    data: syntaxErrors.length ? undefined : yaml.data,
    body,
    bodyLine,
    syntaxErrors,
    lineOf: yaml.lineOf,
  };
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
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
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
