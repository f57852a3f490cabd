import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { ListDialect } from '../parse';

/**
 * What the sync remembers between runs, committed next to the content it produced:
 * `last-sync.md`, the list exactly as last synced (the base of the three-way merge, and the
 * source of the export's verbatim lines), and `fixes.yaml`, hand fixes for lines the sync cannot
 * read, keyed by the exact line, and `dialect.yaml`, how the list writes sections and entries. A dot folder: not a section, and no entry loader
 * reads it.
 */
export const SYNC_STATE_DIR = '.list-sync';
export const LAST_SYNC_FILE = 'last-sync.md';
export const FIXES_FILE = 'fixes.yaml';
export const DIALECT_FILE = 'dialect.yaml';

export function syncStatePaths(contentDir: string): { dir: string; lastSync: string; fixes: string; dialect: string } {
  const dir = path.join(contentDir, SYNC_STATE_DIR);
  return {
    dir,
    lastSync: path.join(dir, LAST_SYNC_FILE),
    fixes: path.join(dir, FIXES_FILE),
    dialect: path.join(dir, DIALECT_FILE),
  };
}

const DIALECT_HEADER = `# How the list writes its sections and entries, as the sync last read it; the export writes
# the list back this way. headings: "#" or "##"; entries: numbered, "-", "*" or "+".
`;

/**
 * The dialect the sync last read for `contentDir` (undefined before a sync recorded one: read as
 * numbered `#`); throws `dialect.yaml: …` naming what to write.
 */
export function readDialect(contentDir: string): ListDialect | undefined {
  const file = syncStatePaths(contentDir).dialect;
  if (!existsSync(file)) return undefined;
  const data: unknown = parse(readFileSync(file, 'utf8'));
  const { headings, entries } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (headings !== '#' && headings !== '##') throw new Error(`${file}: headings: write "#" or "##"`);
  if (entries !== 'numbered' && entries !== '-' && entries !== '*' && entries !== '+')
    throw new Error(`${file}: entries: write numbered, "-", "*" or "+"`);
  return { headingLevel: headings === '##' ? 2 : 1, entries };
}

export function writeDialectText(dialect: ListDialect): string {
  return `${DIALECT_HEADER}${stringify({ headings: '#'.repeat(dialect.headingLevel), entries: dialect.entries })}`;
}

/** The list last synced into `contentDir`, or undefined before the first sync that recorded it. */
export function readLastSync(contentDir: string): string | undefined {
  const file = syncStatePaths(contentDir).lastSync;
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** One recorded fix: `line` exactly as the list writes it, `fix` the line to read instead ('' = not written yet). */
export interface LineFix {
  line: string;
  fix: string;
}

export const FIXES_HEADER = `# Fixes for list lines the sync cannot read, kept until the line changes upstream.
# \`line\` is the line exactly as the list writes it; write the corrected line under \`fix\`.
# The sync records an unreadable line here with an empty fix; it reads the fix from then on,
# and reports a fix whose line the list no longer has (delete it then).
`;

/** The fixes of `contentDir`; throws `fixes.yaml: …` when the file is not a list of {line, fix}. */
export function readFixes(contentDir: string): LineFix[] {
  const file = syncStatePaths(contentDir).fixes;
  if (!existsSync(file)) return [];
  const data: unknown = parse(readFileSync(file, 'utf8')) ?? [];
  const bad = (index: number, what: string) =>
    new Error(`${file}: item ${index + 1}: ${what} (write \`- line: "…"\` and \`fix: "…"\`)`);
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of fixes`);
  return data.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null) throw bad(index, 'not a mapping');
    const { line, fix } = item as Record<string, unknown>;
    if (typeof line !== 'string' || !line.trim()) throw bad(index, '`line` must be the list line, as text');
    if (fix !== undefined && fix !== null && typeof fix !== 'string') throw bad(index, '`fix` must be text');
    return { line, fix: typeof fix === 'string' ? fix : '' };
  });
}

export function writeFixesText(fixes: readonly LineFix[]): string {
  return `${FIXES_HEADER}${
    fixes.length
      ? stringify(
          fixes.map(({ line, fix }) => ({ line, fix })),
          { lineWidth: 0 },
        )
      : '[]\n'
  }`;
}

/**
 * The list text with each recorded fix applied to the line it names (exact match, ignoring
 * trailing spaces and a \r). Returns the fixed text and which lines were fixed.
 */
export function applyFixes(text: string, fixes: readonly LineFix[]): { text: string; fixed: { line: number; text: string }[] } {
  const byLine = new Map(fixes.filter((fix) => fix.fix.trim()).map((fix) => [fix.line.trimEnd(), fix.fix]));
  const fixed: { line: number; text: string }[] = [];
  const lines = text.split('\n').map((line, index) => {
    const replacement = byLine.get(line.replace(/\r$/, '').trimEnd());
    if (replacement === undefined) return line;
    fixed.push({ line: index + 1, text: line.trim() });
    return replacement;
  });
  return { text: lines.join('\n'), fixed };
}

/**
 * Why `bytes` is not a list the sync may read, or undefined: not UTF-8 text, or NUL bytes
 * (a binary file, such as a gzip or an image, fails one or the other).
 */
export function notListText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not UTF-8 text (a binary file?)';
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) return `contains a NUL byte (line ${text.slice(0, nul).split('\n').length}): not a text list`;
  return undefined;
}
