/**
 * The key two titles share when they name the same paper: Unicode NFKC (full-width `：` becomes
 * `:`), case folded, every run of punctuation and spaces collapsed to one space.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The name before a subtitle (`Mini-Gemini: Mining …` → key of `Mini-Gemini`), or undefined without one. */
export function shortTitleKey(title: string): string | undefined {
  const normalized = title.normalize('NFKC');
  const colon = normalized.indexOf(':');
  if (colon <= 0) return undefined;
  const key = titleKey(normalized.slice(0, colon));
  return key || undefined;
}
