/**
 * The list as data: the records of /data/papers.json, the CSV, the BibTeX file and the JSON Feed.
 * Pure (pages pass absolute URLs in), so tests can check each format without a build.
 */
import type { Paper } from '../schemas/paper';
import { DATA_VERSION, type ExportedPaper, type PapersFile } from '../schemas/data';
import { bibtexFor } from './citation';
import { arxivIdsOf } from './same-paper';

export interface PaperToExport {
  section: string;
  id: string;
  /** Absolute URL of the paper page. */
  url: string;
  data: Paper;
}

/** Field order of a record: where it is, then the entry's own fields in their file order. */
export function exportRecord({ section, id, url, data }: PaperToExport): ExportedPaper {
  return { section, id, url, ...data };
}

export function papersFile(papers: readonly PaperToExport[]): PapersFile {
  return { version: DATA_VERSION, count: papers.length, papers: papers.map(exportRecord) };
}

/** CSV columns, in order; list fields join their items with "; ", links as "kind url". */
export const CSV_COLUMNS = [
  'section',
  'id',
  'url',
  'title',
  'note',
  'added',
  'published',
  'venue',
  'org',
  'arxiv',
  'tags',
  'authors',
  'links',
] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end in CRLF. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function papersCsv(papers: readonly PaperToExport[]): string {
  const rows = papers.map(({ section, id, url, data }) => {
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      section,
      id,
      url,
      title: data.title,
      note: data.note ?? '',
      added: data.added,
      published: data.published ?? '',
      venue: data.venue ?? '',
      org: data.org ?? '',
      arxiv: data.arxiv ?? '',
      tags: (data.tags ?? []).join('; '),
      authors: (data.authors ?? []).join('; '),
      links: data.links.map((link) => `${link.kind} ${link.url}`).join('; '),
    };
    return CSV_COLUMNS.map((column) => csvField(cells[column])).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].map((row) => `${row}\r\n`).join('');
}

/**
 * One BibTeX record per paper with an arXiv id (its `arxiv` field, else an arxiv.org link); a
 * paper listed in several sections once, from its first entry (the list is newest first).
 */
export function papersBibtex(papers: readonly PaperToExport[]): string {
  const seen = new Set<string>();
  const records: string[] = [];
  for (const { data } of papers) {
    const arxiv = data.arxiv ?? arxivIdsOf(data)[0];
    if (!arxiv || seen.has(arxiv)) continue;
    seen.add(arxiv);
    records.push(bibtexFor({ title: data.title, arxiv, authors: data.authors, venue: data.venue }));
  }
  return records.map((record) => `${record}\n`).join('\n');
}

/** A JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(feed: {
  title: string;
  description: string;
  homePageUrl: string;
  feedUrl: string;
  items: readonly (PaperToExport & { sectionTitle: string; html: string })[];
}): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: feed.homePageUrl,
    feed_url: feed.feedUrl,
    language: 'en',
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.data.title,
      content_html: item.html,
      ...(item.data.note ? { summary: item.data.note } : {}),
      date_published: `${item.data.added}T00:00:00Z`,
      tags: [item.sectionTitle, ...(item.data.tags ?? [])],
      ...(item.data.authors?.length ? { authors: item.data.authors.map((name) => ({ name })) } : {}),
    })),
  };
}
