/**
 * The list as data: the papers of /data/papers.json, the CSV and the JSON Feed (the citation
 * files are lib/data/citation-formats' over lib/render/site-data's siteCitations). Pure (pages pass absolute URLs in), so tests can check each format
 * without a build.
 */
import type { Paper } from '../../schemas/paper';
import { RECORD_FIELD_ORDER, type PaperRecord } from '../../schemas/record';
import { DATA_VERSION, type ExportedPaper, type PapersFile } from '../../schemas/data';

export interface PaperToExport {
  section: string;
  id: string;
  /** Absolute URL of the paper page. */
  url: string;
  data: Paper;
  /** Its scholarly record, when `npm run records` found one. */
  record?: PaperRecord;
}

/** A record's fields in the order record files write them. */
function orderedRecord(record: PaperRecord): PaperRecord {
  const out: Record<string, unknown> = {};
  for (const field of RECORD_FIELD_ORDER) if (record[field] !== undefined) out[field] = record[field];
  return out as PaperRecord;
}

/**
 * Field order of a paper: where it is, then the entry's own fields in their file order, then its
 * scholarly record as one `record` object (the service's words kept apart from the list's).
 */
export function exportRecord({ section, id, url, data, record }: PaperToExport): ExportedPaper {
  return { section, id, url, ...data, ...(record ? { record: orderedRecord(record) } : {}) };
}

export function papersFile(papers: readonly PaperToExport[]): PapersFile {
  return { version: DATA_VERSION, count: papers.length, papers: papers.map(exportRecord) };
}

/** The record's fields as CSV columns, prefixed `record_` (`record_authors`, `record_abstract`, …). */
export const CSV_RECORD_COLUMNS = RECORD_FIELD_ORDER.map((field) => `record_${field}` as const);

/**
 * CSV columns, in order: the entry's, then its record's (empty without one); list fields join
 * their items with "; ", links as "kind url".
 */
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
  ...CSV_RECORD_COLUMNS,
] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end in CRLF. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function papersCsv(papers: readonly PaperToExport[]): string {
  const rows = papers.map(({ section, id, url, data, record }) => {
    const recordCells = Object.fromEntries(
      RECORD_FIELD_ORDER.map((field) => {
        const value = record?.[field];
        return [`record_${field}`, Array.isArray(value) ? value.join('; ') : (value ?? '')];
      }),
    ) as Record<(typeof CSV_RECORD_COLUMNS)[number], string>;
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
      ...recordCells,
    };
    return CSV_COLUMNS.map((column) => csvField(cells[column])).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].map((row) => `${row}\r\n`).join('');
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
