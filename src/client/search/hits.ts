import { FOLDED_MARK, foldChinese, type FoldTable } from '../../lib/search/chinese-fold';
import { CONCEPT_TOKEN_PATTERN, matchedForms, type QueryTerm } from '../../lib/search/glossary';
import { SEARCH_META } from '../../lib/routes';
import type { DateRanks, HitContext, PagefindResponse, PagefindResult, PagefindResultData, PaperHit } from './types';
import { pagefindQuery } from './query';
import { escapeRegExp } from '../../lib/regexp';

/**
 * Turning Pagefind's results into what a reader sees: their order (exact phrase first, or by
 * date), the facet counts of a union of searches, and each hit with an excerpt as written.
 */

/** How many results up front are read to bring exact-phrase matches first. */
export const PHRASE_WINDOW = 40;

/**
 * Results holding the query as one phrase (words in order, nothing between but spaces or
 * punctuation) move ahead of those holding its words apart; Pagefind's order is kept within each.
 * Only the first PHRASE_WINDOW results are read (their texts are fetched for the first page anyway).
 */
export async function phraseFirst(results: PagefindResult[], text: string, fold: FoldTable): Promise<PagefindResult[]> {
  const phrase = phraseKey(text);
  const words = pagefindQuery(text).split(' ').filter(Boolean);
  if (words.length < 2 || !phrase) return results;
  const head = results.slice(0, PHRASE_WINDOW);
  const holds = await Promise.all(
    head.map(async (result) => phraseKey(foldChinese(asWritten((await result.data()).content ?? ''), fold)).includes(phrase)),
  );
  return [...head.filter((_, i) => holds[i]), ...head.filter((_, i) => !holds[i]), ...results.slice(PHRASE_WINDOW)];
}

/** Lower-case, punctuation and spaces as one space, none between Chinese characters. */
export function phraseKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '')
    .trim();
}

/** A page missing from the order (an index and order file from different builds) goes last. */
export function byDate(results: readonly PagefindResult[], ranks: DateRanks): PagefindResult[] {
  const rank = (result: PagefindResult) => ranks.get(result.id) ?? ranks.size;
  return [...results].sort((a, b) => rank(a) - rank(b));
}

/**
 * Facet counts of a union of searches: `base`'s own counts, plus those of the `others` results it
 * does not hold, counted from their own records.
 */
export async function unionCounts(
  base: PagefindResponse,
  others: readonly PagefindResult[],
): Promise<Record<string, Record<string, number>>> {
  const counts = structuredClone(base.filters ?? {});
  const counted = new Set(base.results.map((result) => result.id));
  for (const result of others) {
    if (counted.has(result.id)) continue;
    counted.add(result.id);
    for (const [name, values] of Object.entries((await result.data()).filters)) {
      const facet = (counts[name] ??= {});
      for (const value of values) facet[value] = (facet[value] ?? 0) + 1;
    }
  }
  return counts;
}

/** The page's indexed text without its folded Traditional Chinese (see lib/search/chinese-fold). */
export function asWritten(content: string): string {
  const at = content.indexOf(FOLDED_MARK);
  return at < 0 ? content : content.slice(0, at);
}

/**
 * One result as shown. `glossaryTerms` are the query's glossary terms when the paper was found
 * only through them: it then says which forms it uses ("幻觉" for a search for hallucination).
 */
export function toHit(data: PagefindResultData, context: HitContext, glossaryTerms: readonly QueryTerm[] = []): PaperHit {
  const content = asWritten(data.content ?? '');
  // The section title counts, as on the paper page (its keywords include it).
  const folded = foldChinese(content, context.fold);
  const via = glossaryTerms.length
    ? matchedForms(`${folded}\n${data.meta[SEARCH_META.section] ?? ''}`, glossaryTerms, context.glossary)
    : [];
  const words = pagefindQuery(context.text).split(' ').filter(Boolean);
  // Pagefind marks what it matched in its copy of the text; a page with Traditional Chinese was
  // matched in its folded copy, which is not shown: there the match is found again in the text.
  const ownExcerpt = via.length
    ? markedExcerpt(content, via, folded)
    : folded !== content
      ? markedExcerpt(content, words, folded)
      : '';
  return {
    url: data.url,
    title: data.meta[SEARCH_META.title] ?? data.url,
    section: data.meta[SEARCH_META.section] ?? '',
    added: data.meta[SEARCH_META.added] ?? '',
    byline: data.meta[SEARCH_META.byline] ?? '',
    excerpt: (ownExcerpt || asWritten(data.excerpt))
      .replace(CONCEPT_TOKEN_PATTERN, '')
      .replace(/\s{2,}/g, ' ')
      .trim(),
    via: via.length ? via : glossaryTerms.map((term) => term.concept.en[0]!),
  };
}

/**
 * An excerpt of `content` around the first of `forms` found in `haystack` (the content folded,
 * of the same length), every form in it marked the way Pagefind marks matches; '' when none is.
 */
export function markedExcerpt(content: string, forms: readonly string[], haystack = content): string {
  const patterns = forms.map((form) => {
    const words = form.split(/[\s\-_/]+/).map(escapeRegExp);
    return words.join('[\\s\\-_/]+');
  });
  if (patterns.length === 0) return '';
  const anyForm = new RegExp(patterns.join('|'), 'giu');
  const first = new RegExp(anyForm.source, 'iu').exec(haystack);
  if (!first) return '';
  const start = Math.max(0, first.index - 60);
  const end = Math.min(content.length, first.index + first[0].length + 80);
  // Pagefind's excerpt format, not HTML: only < and > are escaped, and render.ts turns the result
  // into text nodes and <mark>s (never innerHTML), so it is not the html template's job.
  const escape = (part: string) => part.replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const match of haystack.slice(start, end).matchAll(anyForm)) {
    const from = start + match.index;
    out += `${escape(content.slice(at, from))}<mark>${escape(content.slice(from, from + match[0].length))}</mark>`;
    at = from + match[0].length;
  }
  return `${out}${escape(content.slice(at, end))}${end < content.length ? '…' : ''}`;
}
