/**
 * "Newest first" for search results, kept out of Pagefind's index. Pagefind can sort by a
 * `data-pagefind-sort` key, but it stores every key's full page order in the metadata file that
 * each first search loads (a large share of it: bench/results.md has the figures), whether or not the
 * reader ever sorts. The same order as a file of its own costs nothing until a reader sorts by
 * date: the search build writes it here, and the search client fetches it then.
 */
import { SEARCH_META } from '../routes';

/** One indexed paper, as its Pagefind fragment records it. */
export interface IndexedPaper {
  /** Pagefind's page id: the fragment file's name, and what its search results carry as `id`. */
  id: string;
  url: string;
  added: string;
}

const FRAGMENT = /(?:^|\/)fragment\/([^/]+)\.pf_fragment$/;
/** Pagefind prefixes the JSON it gzips with this marker (its "decompressed" check). */
const FRAGMENT_MARKER = 'pagefind_dcd';

/** A fragment file's record as Pagefind wrote it: the page id, its URL and its metadata. */
export interface FragmentRecord {
  id: string;
  url: unknown;
  meta: Record<string, unknown>;
  /** The page's indexed text. */
  content: string;
}

/**
 * The record a fragment file (`fragment/<page id>.pf_fragment`) holds, from its decompressed
 * text; throws naming the file when it is not one. The one reader of Pagefind's fragment format,
 * for the date-order file and for `check:counts`.
 */
export function readFragment(path: string, text: string): FragmentRecord {
  const id = FRAGMENT.exec(path)?.[1];
  if (!id) throw new Error(`${path} is not a Pagefind fragment file`);
  if (!text.startsWith(FRAGMENT_MARKER)) throw new Error(`Pagefind fragment ${path} does not start with "${FRAGMENT_MARKER}"`);
  const fragment = JSON.parse(text.slice(FRAGMENT_MARKER.length)) as {
    url?: unknown;
    meta?: Record<string, unknown>;
    content?: unknown;
  };
  return {
    id,
    url: fragment.url,
    meta: fragment.meta ?? {},
    content: typeof fragment.content === 'string' ? fragment.content : '',
  };
}

/** The paper a fragment file records, with the date the date order needs and its indexed text. */
export function parseFragment(path: string, text: string): IndexedPaper & { content: string } {
  const { id, url, meta, content } = readFragment(path, text);
  const added = meta[SEARCH_META.added];
  if (typeof url !== 'string' || typeof added !== 'string') {
    throw new Error(
      `Pagefind fragment ${path} has no url or no "added" metadata (data-pagefind-meta="added[datetime]" on the paper page)`,
    );
  }
  return { id, url, added, content };
}

/** Page ids, newest added first; ties by URL, so the file is the same on every build. */
export function newestFirst(papers: readonly IndexedPaper[]): string[] {
  return [...papers]
    .sort((a, b) => (a.added === b.added ? compareCodePoints(a.url, b.url) : compareCodePoints(b.added, a.added)))
    .map((paper) => paper.id);
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each id's place in the file, for sorting results: smaller is newer. */
export function ranksOf(newestFirstIds: readonly string[]): Map<string, number> {
  return new Map(newestFirstIds.map((id, rank) => [id, rank]));
}
