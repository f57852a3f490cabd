/**
 * Misspellings: the words the index holds (its vocabulary, a file written at build time and
 * fetched only when a query needs it), and the closest of them to a word that finds too little.
 * Pure, so the build, the search client and the tests share it.
 */

/** Words shorter than this are never corrected (too many words lie one letter away). */
export const MIN_CORRECTED_LENGTH = 5;
/** From this length two edits are allowed; below it, one. */
export const TWO_EDITS_FROM = 8;
/** Vocabulary words shorter than this are left out of the file: no correction can reach them. */
const MIN_VOCABULARY_LENGTH = MIN_CORRECTED_LENGTH - 1;

/** Each word of the index (lower-case Latin letters) and how many papers hold it. */
export type Vocabulary = ReadonlyMap<string, number>;

/**
 * The Latin words of a text as Pagefind indexes them: split at anything but letters and at a
 * camelCase step, lower-cased. Words with digits (Qwen2) are split there too; only letters count.
 */
export function latinWords(text: string): string[] {
  return (text.normalize('NFKC').match(/[A-Za-z]+/g) ?? [])
    .flatMap((word) => word.split(/(?<=[a-z])(?=[A-Z])/))
    .map((word) => word.toLowerCase());
}

/** The vocabulary of the indexed texts (one per paper), leaving out words matching `skip`. */
export function vocabularyOf(texts: Iterable<string>, skip?: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of new Set(latinWords(text))) {
      if (word.length < MIN_VOCABULARY_LENGTH || skip?.test(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

/** The file the client fetches: `{ word: papers }`, words in code-point order (reproducible builds). */
export function vocabularyFile(vocabulary: Vocabulary): string {
  return JSON.stringify(Object.fromEntries([...vocabulary].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

export function parseVocabulary(json: unknown): Vocabulary {
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new Error('the search vocabulary is not an object of word counts');
  return new Map(Object.entries(json as Record<string, number>).filter(([, n]) => typeof n === 'number'));
}

/** Papers holding a word starting with `word` (as Pagefind matches it), at most: a paper may hold several. */
export function papersStartingWith(word: string, vocabulary: Vocabulary): number {
  let count = vocabulary.get(word) ?? 0;
  for (const [other, n] of vocabulary) if (other !== word && other.startsWith(word)) count = Math.max(count, n);
  return count;
}

/**
 * Edit distance with adjacent swaps counting as one edit (optimal string alignment), or
 * `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The word to search instead of `word`, when it finds far fewer papers than a word one edit away
 * (two for long words) would: the closest such word, then the one most papers hold. `found` is how
 * many papers the word finds as typed. Undefined when nothing is clearly better.
 */
export function correctionFor(word: string, found: number, vocabulary: Vocabulary): string | undefined {
  const typed = word.toLowerCase();
  if (!/^[a-z]+$/.test(typed) || typed.length < MIN_CORRECTED_LENGTH) return undefined;
  const limit = typed.length >= TWO_EDITS_FROM ? 2 : 1;
  // "Far fewer": a third or less of what the close spelling finds (anything, when it finds nothing).
  const needed = Math.max(1, 3 * Math.max(found, papersStartingWith(typed, vocabulary)));
  let best: { word: string; distance: number; papers: number } | undefined;
  for (const [candidate, papers] of vocabulary) {
    if (papers < needed || candidate === typed || candidate.startsWith(typed)) continue;
    const distance = editDistance(typed, candidate, limit);
    if (distance > limit) continue;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && (papers > best.papers || (papers === best.papers && candidate < best.word)))
    )
      best = { word: candidate, distance, papers };
  }
  return best?.word;
}
