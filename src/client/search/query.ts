/**
 * Turns what a reader typed into the query Pagefind's Chinese index understands: words separated
 * by spaces, segmented the way Pagefind segments a zh query.
 *
 * Why here: Pagefind segments a query only when the searching page is `<html lang="zh…">`, and
 * its JS API offers no way to choose (it reads `<html lang>` itself). Our pages are truthfully
 * English, so we segment with the same `Intl.Segmenter('zh')` Pagefind would use, then hand it the
 * words; on an English page Pagefind keeps spaces and only lower-cases and drops punctuation.
 * 视频理解 → "视频 理解", "Qwen2-VL 幻觉" → "Qwen2 VL 幻觉"; Pagefind then wants every word (AND).
 */
const words = new Intl.Segmenter('zh', { granularity: 'word' });

export function pagefindQuery(text: string): string {
  return Array.from(words.segment(text.normalize('NFKC')))
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment)
    .join(' ');
}
