import { memoize } from '../memo';
import { titleKey } from '../title-key';

/** What sorting needs of an entry. */
export interface Sortable {
  id: string;
  data: { title: string; added: string; published?: string };
}

export const SORT_ORDERS = ['added', 'published', 'title'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const SORT_LABELS: Record<SortOrder, string> = {
  added: 'Newest added',
  published: 'Publication date',
  title: 'Title A–Z',
};

const collator = new Intl.Collator('en');
/** Title keys are computed once per title: sorting compares each entry many times. */
const cachedTitleKey = memoize(titleKey);

const byTitle = (a: Sortable, b: Sortable) =>
  collator.compare(cachedTitleKey(a.data.title), cachedTitleKey(b.data.title)) || collator.compare(a.id, b.id);

/** Newest first, ties broken by title then id so that every build lists entries the same way. */
const byAdded = (a: Sortable, b: Sortable) => b.data.added.localeCompare(a.data.added) || byTitle(a, b);

/** Newest publication first; entries without a publication month go last, by date added. */
const byPublished = (a: Sortable, b: Sortable) => (b.data.published ?? '').localeCompare(a.data.published ?? '') || byAdded(a, b);

const COMPARATORS: Record<SortOrder, (a: Sortable, b: Sortable) => number> = {
  added: byAdded,
  published: byPublished,
  title: byTitle,
};

export function sortEntries<T extends Sortable>(entries: readonly T[], order: SortOrder = 'added'): T[] {
  return [...entries].sort(COMPARATORS[order]);
}
