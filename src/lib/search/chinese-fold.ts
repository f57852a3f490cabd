/**
 * Traditional and Simplified Chinese folded to one form (Simplified, the form the notes are
 * written in), so that either script finds both. Folding is one character for one character,
 * never a phrase: a folded text has the same length as the text, so a match found in the folded
 * text marks the same place in the text as written (excerpts and highlights show it as written).
 * Index and query fold with the same table, so the few characters that are a word of their own in
 * both scripts (乾 in 乾隆, folded to 干) stay consistent: they only match a little more loosely.
 *
 * The table comes from OpenCC (`./chinese-fold-table.ts`, at build time); the browser fetches the
 * part of it the index needs (`foldTableFile`) only for queries with Chinese in them.
 */

/** Traditional (or variant) character → its Simplified form; each key and value one UTF-16 unit. */
export type FoldTable = ReadonlyMap<string, string>;

/**
 * A paper page indexes its folded runs last, after this word; the search client cuts the page's
 * text there, so excerpts show only the text as written.
 */
export const FOLDED_MARK = 'qzfoldedtext';

const HAN_RUN = /\p{Script=Han}+/gu;
export const HAS_HAN = /\p{Script=Han}/u;

/** The text with every character of the table replaced by its Simplified form; same length. */
export function foldChinese(text: string, table: FoldTable): string {
  if (table.size === 0 || !HAS_HAN.test(text)) return text;
  return text.replace(HAN_RUN, (run) => {
    let out = '';
    for (const char of run) out += table.get(char) ?? char;
    return out;
  });
}

/**
 * The runs of Chinese in `text` that folding changes, folded: what a page written in Traditional
 * indexes besides its text, so that the folded query finds it. Empty for a Simplified text.
 */
export function foldedRuns(text: string, table: FoldTable): string[] {
  const runs = new Set<string>();
  for (const [run] of text.matchAll(HAN_RUN)) {
    const folded = foldChinese(run, table);
    if (folded !== run) runs.add(folded);
  }
  return [...runs];
}

/**
 * The table as the search client fetches it: one string of pairs, each a character and its
 * Simplified form. Only pairs whose Simplified form occurs in `indexedText` are kept: a query
 * character folding to anything else could match nothing anyway.
 */
export function foldTableFile(table: FoldTable, indexedText: Iterable<string>): string {
  const seen = new Set<string>();
  for (const text of indexedText) for (const [run] of text.matchAll(HAN_RUN)) for (const char of run) seen.add(char);
  const pairs = [...table].filter(([, simplified]) => seen.has(simplified)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(pairs.map(([from, to]) => from + to).join(''));
}

/** Reads what foldTableFile wrote; throws when it is not a string of pairs. */
export function parseFoldTable(json: unknown): FoldTable {
  if (typeof json !== 'string' || json.length % 2 !== 0)
    throw new Error('the Chinese fold table is not a string of character pairs');
  const table = new Map<string, string>();
  for (let i = 0; i < json.length; i += 2) table.set(json[i]!, json[i + 1]!);
  return table;
}
