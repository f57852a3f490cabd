import { loadPagefind, searchPapers, SearchUnavailable, type PaperQuery, type PaperResults } from './pagefind';
import { renderHit, setStatus } from './render';

/**
 * Shows searches in a list with a status line. Each keystroke starts a search; a slow earlier one
 * that finishes late must not replace a newer one's results, so only the latest call renders.
 */
export function resultsView(status: HTMLElement, list: HTMLOListElement) {
  let latest = 0;
  return async function show(query: PaperQuery, count: number): Promise<PaperResults | undefined> {
    const call = ++latest;
    try {
      const results = await searchPapers(query);
      const hits = await results.hits(0, count);
      if (call !== latest) return undefined;
      list.replaceChildren(...hits.map(renderHit));
      setStatus(
        status,
        results.total === 0
          ? 'No papers match. Try fewer or other words.'
          : `${results.total} paper${results.total === 1 ? '' : 's'}`,
      );
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

/** Appends the next `count` hits of `results` to `list`; says whether more remain. */
export async function showMore(results: PaperResults, list: HTMLOListElement, count: number): Promise<boolean> {
  list.append(...(await results.hits(list.children.length, count)).map(renderHit));
  return list.children.length < results.total;
}

/** Starts loading Pagefind, so the first results come quickly once the reader types. */
export function preloadSearch(): Promise<unknown> {
  return loadPagefind();
}
