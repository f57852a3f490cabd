// src/lib/search/: search, alike at build time and in the browser: Chinese folding, spelling, glossary, newest first.

/**
 * The fold table (see ./chinese-fold.ts) from Open Chinese Convert's dictionaries, at build time
 * only (the browser gets the part the index needs as a file, never these dictionaries): OpenCC's
 * Traditional-to-Simplified characters, and the Taiwan and Hong Kong variant characters that it
 * first turns into standard Traditional ones (裡 → 裏 → 里). Phrase dictionaries are left out:
 * folding stays one character for one, so folded text keeps its length.
 */
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import type { FoldTable } from './chinese-fold';

/** OpenCC's dictionary format: `from to|from to…`, the first `to` being the usual one. */
function pairsOf(dictionary: string): [string, string][] {
  return dictionary
    .split('|')
    .map((pair) => pair.split(' '))
    .filter((pair): pair is [string, string] => pair.length >= 2 && pair[0]!.length === 1 && pair[1]!.length === 1);
}

let table: Map<string, string> | undefined;

export function chineseFoldTable(): FoldTable {
  if (table) return table;
  const toSimplified = new Map(pairsOf(TSCharacters));
  table = new Map([...toSimplified].filter(([from, to]) => from !== to));
  for (const [from, to] of [...pairsOf(TWVariantsRev), ...pairsOf(HKVariantsRev)]) {
    // Only variants of a character that has a Simplified form: others (著, 么) are Simplified text too.
    const folded = toSimplified.get(to);
    if (folded && folded !== from && !table.has(from)) table.set(from, folded);
  }
  return table;
}
