import { samePaperReason } from '../../../src/lib/data/same-paper';
import { titleKey } from '../../../src/lib/title-key';

/**
 * How a service's title stands to the entry's, by the project's one title key (src/lib/title-key)
 * and same-paper rule (src/lib/data/same-paper):
 * - `same`: the keys are equal (case, spacing, punctuation, dashes, quotes, LaTeX aside);
 * - `names`: one is the other's name before its subtitle (`Qwen2-VL` and `Qwen2-VL: Enhancing …`),
 *   the list's usual short form;
 * - `near`: close but not equal (a word changed between versions, a typo): for a person to judge;
 * - `different`: another paper.
 */
export type TitleAgreement = 'same' | 'names' | 'near' | 'different';

/** Dice similarity of the two keys' character pairs above which titles are `near`. */
export const NEAR_SIMILARITY = 0.8;

export function compareTitles(entryTitle: string, serviceTitle: string): TitleAgreement {
  const [a, b] = [titleKey(entryTitle), titleKey(serviceTitle)];
  if (a && a === b) return 'same';
  const reason = samePaperReason({ title: entryTitle, links: [] }, { title: serviceTitle, links: [] });
  if (reason) return 'names';
  return similarity(a, b) >= NEAR_SIMILARITY ? 'near' : 'different';
}

/**
 * Whether a record fetched by an id the list gives may stand for the entry: the same title, or
 * one title naming the other. Anything else is a conflict (a wrong id in the list, or a title
 * arXiv changed) for the maintainer to accept or reject.
 */
export function titleAgrees(entryTitle: string, serviceTitle: string): boolean {
  const agreement = compareTitles(entryTitle, serviceTitle);
  return agreement === 'same' || agreement === 'names';
}

/**
 * The answers of a title search sorted for the entry: `exact` (equal keys: written when alone)
 * and `close` (a near title or a short form: reported for the maintainer to confirm).
 */
export function sortCandidates<T extends { title: string }>(entryTitle: string, found: readonly T[]): { exact: T[]; close: T[] } {
  const exact: T[] = [];
  const close: T[] = [];
  for (const candidate of found) {
    const agreement = compareTitles(entryTitle, candidate.title);
    if (agreement === 'same') exact.push(candidate);
    else if (agreement !== 'different') close.push(candidate);
  }
  return { exact, close };
}

/** Sørensen–Dice coefficient of two strings' character pairs (1: equal, 0: nothing shared). */
function similarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const pairs = (text: string) => {
    const counts = new Map<string, number>();
    for (let index = 0; index < text.length - 1; index++) {
      const pair = text.slice(index, index + 2);
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
    return counts;
  };
  const [left, right] = [pairs(a), pairs(b)];
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}
