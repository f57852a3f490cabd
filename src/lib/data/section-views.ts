import { SORT_ORDERS, sortEntries, type Sortable, type SortOrder } from './sort';
import { hasTag, tagSlug } from '../tags';

/** Above this many papers a view is split into pages, so no page ships megabytes of HTML. */
export const PAGE_SIZE = 100;

export interface ViewEntry extends Sortable {
  data: Sortable['data'] & { tags?: string[] };
}

/** One server-rendered listing: a section, narrowed to a tag or not, in one order, one page of it. */
export interface SectionView<T extends ViewEntry> {
  /** Path after `<section>/`, '' for the default view; ends with '/' otherwise. */
  rest: string;
  order: SortOrder;
  tag?: { name: string; slug: string };
  page: number;
  pageCount: number;
  /** Every entry of the view across its pages. */
  total: number;
  /**
   * Every entry of the view, unsorted: the same list for each order and page of one view, so
   * what is counted over it (the facets) is counted once.
   */
  subset: readonly T[];
  entries: T[];
}

export function viewRest(options: { order: SortOrder; tagSlug?: string; page?: number }): string {
  const parts: string[] = [];
  if (options.tagSlug) parts.push('tag', options.tagSlug);
  if (options.order !== 'added') parts.push('sort', options.order);
  return `${parts.length ? `${parts.join('/')}/` : ''}${pageRest(options.page ?? 1)}`;
}

/** Consecutive pages of at most `pageSize` entries; an empty list is one empty page. */
export function paginate<T>(entries: readonly T[], pageSize = PAGE_SIZE): T[][] {
  const count = Math.max(1, Math.ceil(entries.length / pageSize));
  return Array.from({ length: count }, (_, index) => entries.slice(index * pageSize, (index + 1) * pageSize));
}

/** `page/N/` for pages after the first. */
export function pageRest(page: number): string {
  return page > 1 ? `page/${page}/` : '';
}

/** Every view of a section: each order × (all, each tag) × each page. Pure, so it is tested directly. */
export function sectionViews<T extends ViewEntry>(entries: readonly T[], pageSize = PAGE_SIZE): SectionView<T>[] {
  const tags = new Map<string, string>();
  for (const entry of entries) for (const tag of entry.data.tags ?? []) if (!tags.has(tagSlug(tag))) tags.set(tagSlug(tag), tag);
  const subsets: { tag?: { name: string; slug: string }; entries: readonly T[] }[] = [
    { entries },
    ...[...tags]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([slug, name]) => ({
        tag: { name, slug },
        entries: entries.filter((entry) => hasTag(entry, slug)),
      })),
  ];
  return subsets.flatMap(({ tag, entries: subset }) =>
    SORT_ORDERS.flatMap((order) => {
      const pages = paginate(sortEntries(subset, order), pageSize);
      return pages.map((page, index) => ({
        rest: viewRest({ order, tagSlug: tag?.slug, page: index + 1 }),
        order,
        tag,
        page: index + 1,
        pageCount: pages.length,
        total: subset.length,
        subset,
        entries: page,
      }));
    }),
  );
}
