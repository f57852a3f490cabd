/**
 * What the data endpoints (src/pages/data/, feeds) share: the list's entries as exportable
 * papers with absolute URLs, and a section's or the whole list's feed items.
 */
import type { PaperEntry } from '../entries/paper-entry';
import { listCitations, type Citation } from '../data/citation';
import type { PaperToExport } from '../data/data-export';
import { memoize } from '../memo';
import { renderInlineMarkdown } from './markdown';
import { withBase } from './urls';

/** Entries as the data files carry them, in the list's order (newest added first). */
export function toExport(papers: readonly PaperEntry[], site: URL): PaperToExport[] {
  return papers.map((paper) => ({
    section: paper.section.id,
    id: paper.id,
    url: absolute(paper.path, site),
    data: paper.data,
    ...(paper.record ? { record: paper.record } : {}),
  }));
}

export function absolute(sitePath: string, site: URL): string {
  return new URL(withBase(sitePath), site).href;
}

/** How many papers a feed carries: the newest. */
export const FEED_SIZE = 50;

export function feedItems(papers: readonly PaperEntry[], site: URL) {
  return papers.slice(0, FEED_SIZE).map((paper) => ({
    ...toExport([paper], site)[0]!,
    sectionTitle: paper.section.title,
    // Feed readers render HTML: give them the note as the site renders it.
    html: paper.data.note ? renderInlineMarkdown(paper.data.note) : '',
  }));
}

/**
 * Every paper's citation by same-paper key, computed once a build: the paper pages and the
 * /data/ citation files (papers.bib, .ris, .csl.json) read the same keys from here.
 */
export const siteCitations: (papers: readonly PaperEntry[]) => Map<string, Citation> = memoize(listCitations);
