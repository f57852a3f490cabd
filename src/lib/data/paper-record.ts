import type { Link, LinkKind } from '../../schemas/link';
import type { Paper } from '../../schemas/paper';
import type { PaperRecord } from '../../schemas/record';
import { arxivAbsUrl, arxivIdFromUrl } from '../arxiv';
import { shortCitation } from './authors';

/**
 * What a paper's page and cards show of its scholarly record, merged with its entry: where both
 * say something (authors, venue, the first date), the entry wins, as the list and its contributors
 * curate it; the record adds what the entry lacks.
 */
export interface RecordView {
  authors: readonly string[];
  /** The first version: the entry's `published` month, else the record's day. */
  published?: string;
  /** The last version's day, when it is another day than the first version's. */
  updated?: string;
  venue?: string;
  abstract?: string;
  /** The record's abstract page, PDF and code, leaving out those the entry already links. */
  links: RecordLink[];
}

/** A link the record brings, labelled for what it is rather than by its kind alone. */
export interface RecordLink extends Link {
  label: string;
}

export function recordView(data: Paper, record: PaperRecord): RecordView {
  const published = data.published ?? record.published;
  return {
    authors: data.authors?.length ? data.authors : record.authors,
    published,
    updated: record.updated && record.updated !== record.published ? record.updated : undefined,
    venue: data.venue ?? record.venue,
    abstract: record.abstract,
    links: recordLinks(data, record),
  };
}

/** "Wang et al., 2024" for a listing, from the merged authors and the first version's year. */
export function recordByline(data: Paper, record: PaperRecord | undefined): string | undefined {
  if (!record) return undefined;
  const { authors, published } = recordView(data, record);
  return shortCitation(authors, published?.slice(0, 4));
}

/** The entry's arXiv id counts as a link to its abstract page: the page's facts list links it. */
function recordLinks(data: Paper, record: PaperRecord): RecordLink[] {
  const openreview = record.source === 'openreview';
  const candidates: (RecordLink | undefined)[] = [
    {
      kind: openreview ? 'openreview' : 'paper',
      label: openreview ? 'OpenReview' : 'Abstract',
      url: record.url,
    },
    record.pdf ? { kind: 'paper' as LinkKind, label: 'PDF', url: record.pdf } : undefined,
    record.code ? { kind: 'code' as LinkKind, label: 'Code', url: record.code } : undefined,
  ];
  const known = new Set([...data.links.map((link) => sameTarget(link.url)), data.arxiv && sameTarget(arxivAbsUrl(data.arxiv))]);
  return candidates.filter((link): link is RecordLink => link !== undefined && !known.has(sameTarget(link.url)));
}

/**
 * What two URLs share when they lead to the same page: an arXiv abstract (abs, html, any version)
 * or PDF by id, an OpenReview forum or PDF by id, else the URL without scheme, `www.`, a trailing
 * slash or `.git`, in lower case (GitHub's paths are not case-sensitive).
 */
export function sameTarget(url: string): string {
  const arxiv = arxivIdFromUrl(url);
  if (arxiv && !/huggingface\.co/i.test(url)) return `arxiv:${/\/pdf\//i.test(url) ? 'pdf' : 'abs'}:${arxiv}`;
  const openreview = /^https?:\/\/(?:www\.)?openreview\.net\/(forum|pdf)\?(?:.*&)?id=([^&#]+)/i.exec(url);
  if (openreview) return `openreview:${openreview[1]!.toLowerCase()}:${openreview[2]}`;
  return url
    .trim()
    .replace(/^https?:\/\/(?:www\.)?/i, '')
    .replace(/#.*$/, '')
    .replace(/(?:\.git)?\/*$/, '')
    .toLowerCase();
}
