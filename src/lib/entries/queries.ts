import { facetCounts, type FacetName, type FacetOption } from '../data/facets';
import { memoize } from '../memo';
import { tagSlug } from '../tags';
import type { PaperEntry } from './paper-entry';

/** Other sections' entries for the same paper (looked up by key: a scan per paper is quadratic). */
export function alsoListedIn(paper: PaperEntry, all: readonly PaperEntry[]): PaperEntry[] {
  return (papersByKey(all).get(paper.key) ?? []).filter((other) => other !== paper);
}
const papersByKey = memoize((all: readonly PaperEntry[]) => {
  const byKey = new Map<string, PaperEntry[]>();
  for (const entry of all) byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
  return byKey;
});

export interface TagCount {
  tag: string;
  slug: string;
  count: number;
}

/** Tags with how many papers carry them, most used first. Memoised: every listing page asks. */
export const tagCounts: (papers: readonly PaperEntry[]) => TagCount[] = memoize(countTags);

function countTags(papers: readonly PaperEntry[]): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const paper of papers) {
    for (const tag of paper.data.tags ?? []) {
      const slug = tagSlug(tag);
      const current = counts.get(slug) ?? { tag, slug, count: 0 };
      current.count++;
      counts.set(slug, current);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));
}

/** Facet values with counts over `papers` (memoised per list: every listing page of a section asks). */
export const paperFacetCounts: (papers: readonly PaperEntry[]) => Record<FacetName, FacetOption[]> = memoize((papers) =>
  facetCounts(papers.map((paper) => ({ sectionId: paper.section.id, data: paper.data }))),
);
