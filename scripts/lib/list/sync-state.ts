import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * What the sync remembers between runs, committed next to the content it produced:
 * `last-import.md`, the list exactly as last imported (the base of the three-way merge, and the
 * source of the export's verbatim lines), and `fixes.yaml`, hand fixes for lines the sync cannot
 * read, keyed by the exact line. A dot folder: not a section, and no entry loader reads it.
 */
export const SYNC_STATE_DIR = '.list-sync';
export const LAST_IMPORT_FILE = 'last-import.md';
export const FIXES_FILE = 'fixes.yaml';

export function syncStatePaths(contentDir: string): { dir: string; lastImport: string; fixes: string } {
  const dir = path.join(contentDir, SYNC_STATE_DIR);
  return { dir, lastImport: path.join(dir, LAST_IMPORT_FILE), fixes: path.join(dir, FIXES_FILE) };
}

/** The list last imported into `contentDir`, or undefined before the first sync that recorded it. */
export function readLastImport(contentDir: string): string | undefined {
  const file = syncStatePaths(contentDir).lastImport;
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

/**
 * A line-wise three-way merge (diff3): changes on either side since `base` are combined; where
 * both changed the same lines differently, `ours` is kept and the hunk reported.
 */
export function mergeLines(
  base: string,
  ours: string,
  theirs: string,
): { text: string; conflicts: { ours: string; theirs: string }[] } {
  const [b, o, t] = [base, ours, theirs].map((text) => text.split('\n'));
  const mo = matchLines(b!, o!);
  const mt = matchLines(b!, t!);
  const out: string[] = [];
  const conflicts: { ours: string; theirs: string }[] = [];
  let [i, j, k] = [0, 0, 0];
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((line, index) => line === y[index]);
  while (i < b!.length || j < o!.length || k < t!.length) {
    if (i < b!.length && mo.get(i) === j && mt.get(i) === k) {
      out.push(b![i]!);
      [i, j, k] = [i + 1, j + 1, k + 1];
      continue;
    }
    let next = i;
    while (next < b!.length && !(mo.has(next) && mt.has(next) && mo.get(next)! >= j && mt.get(next)! >= k)) next++;
    const [oEnd, tEnd] = next < b!.length ? [mo.get(next)!, mt.get(next)!] : [o!.length, t!.length];
    const [bc, oc, tc] = [b!.slice(i, next), o!.slice(j, oEnd), t!.slice(k, tEnd)];
    if (same(oc, bc)) out.push(...tc);
    else if (same(tc, bc) || same(oc, tc)) out.push(...oc);
    else {
      out.push(...oc);
      conflicts.push({ ours: oc.join('\n'), theirs: tc.join('\n') });
    }
    [i, j, k] = [next, oEnd, tEnd];
  }
  return { text: out.join('\n'), conflicts };
}

/** The longest common subsequence of two line arrays, as a map from `a` index to `b` index. */
function matchLines(a: readonly string[], b: readonly string[]): Map<number, number> {
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let x = a.length - 1; x >= 0; x--)
    for (let y = b.length - 1; y >= 0; y--)
      table[x]![y] = a[x] === b[y] ? table[x + 1]![y + 1]! + 1 : Math.max(table[x + 1]![y]!, table[x]![y + 1]!);
  const matches = new Map<number, number>();
  let [x, y] = [0, 0];
  while (x < a.length && y < b.length) {
    if (a[x] === b[y]) matches.set(x++, y++);
    else if (table[x + 1]![y]! >= table[x]![y + 1]!) x++;
    else y++;
  }
  return matches;
}
