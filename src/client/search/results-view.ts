import { loadPagefind, SearchUnavailable } from './load';
import { searchPapers } from './search-papers';
import type { PaperHit, PaperQuery, PaperResults, ResultGroup } from './types';
import { renderGroupLabel, renderHit, setStatus } from './render';

/** Where "search exactly as typed" leads, for the query as typed. */
export type ExactHref = (typed: string) => string;

/**
 * Shows searches in a list with a status line: the papers matching the query, then each further
 * group (corrected spelling, some of the words) under its label. Each keystroke starts a search; a
 * slow earlier one that finishes late must not replace a newer one's results, so only the latest
 * call renders.
 */
export function resultsView(status: HTMLElement, list: HTMLOListElement, exactHref: ExactHref) {
  let latest = 0;
  return async function show(query: PaperQuery, count: number): Promise<PaperResults | undefined> {
    const call = ++latest;
    try {
      const results = await searchPapers(query);
      const hits = await hitsAcross(results, 0, count);
      if (call !== latest) return undefined;
      list.replaceChildren(...rendered(hits, undefined, exactHref(query.text)));
      list.dataset.exactHref = exactHref(query.text);
      setStatus(status, statusText(results));
      return results;
    } catch (error) {
      if (call !== latest) return undefined;
      list.replaceChildren();
      if (!(error instanceof SearchUnavailable)) console.error(error);
      if (error instanceof SearchUnavailable && import.meta.env.DEV) setStatus(status, 'Search works after ', 'npm run build');
      else setStatus(status, 'Search could not load. Reload the page to try again.');
      return undefined;
    }
  };
}

/** Every result a search shows: its matches and those of its further groups. */
export function shownTotal(results: PaperResults): number {
  return results.more.reduce((sum, group) => sum + group.total, results.total);
}

function statusText(results: PaperResults): string {
  const papers = (n: number) => `${n} paper${n === 1 ? '' : 's'}`;
  if (shownTotal(results) === 0) return 'No papers match. Try fewer or other words.';
  return [
    results.total ? papers(results.total) : 'No paper has every word as typed',
    ...results.more.map((group) =>
      group.kind === 'corrected' ? `${papers(group.total)} for “${group.text}”` : `${papers(group.total)} with some of the words`,
    ),
  ].join('; ');
}

/** Hits `start` to `start + count` of the results and their groups, each with the group it belongs to. */
async function hitsAcross(
  results: PaperResults,
  start: number,
  count: number,
): Promise<{ hit: PaperHit; group?: ResultGroup }[]> {
  const out: { hit: PaperHit; group?: ResultGroup }[] = [];
  let offset = 0;
  for (const group of [undefined, ...results.more]) {
    const list = group ?? results;
    const from = Math.max(0, start - offset);
    const wanted = Math.min(list.total - from, start + count - offset - from);
    if (wanted > 0) out.push(...(await list.hits(from, wanted)).map((hit) => ({ hit, group })));
    offset += list.total;
  }
  return out;
}

/** The hits as list items, a group's label before its first hit (`after`: the group of the hit before them). */
function rendered(hits: { hit: PaperHit; group?: ResultGroup }[], after: string | undefined, exactHref: string): HTMLLIElement[] {
  let current = after;
  return hits.flatMap(({ hit, group }) => {
    const item = renderHit(hit);
    item.dataset.group = group?.kind ?? '';
    const label = group && group.kind !== current ? [renderGroupLabel(group, exactHref)] : [];
    current = group?.kind ?? '';
    return [...label, item];
  });
}

/** Appends the next `count` hits of `results` to `list`; says whether more remain. */
export async function showMore(results: PaperResults, list: HTMLOListElement, count: number): Promise<boolean> {
  const shown = list.querySelectorAll<HTMLLIElement>(':scope > .search-hit');
  const hits = await hitsAcross(results, shown.length, count);
  list.append(...rendered(hits, shown[shown.length - 1]?.dataset.group, list.dataset.exactHref ?? ''));
  return shown.length + hits.length < shownTotal(results);
}

/** Starts loading Pagefind, so the first results come quickly once the reader types. */
export function preloadSearch(): Promise<unknown> {
  return loadPagefind();
}
