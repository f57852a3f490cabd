import type { PaperRecord } from '../../../src/schemas/record';
import { AnswerError, foldSpace, githubUrlIn, isoDayOf } from './answers';

/**
 * OpenReview's API v2 (https://docs.openreview.net): a forum's note, whose fields sit under
 * `content.<name>.value`. The record's links point at openreview.net whatever API answered.
 */

const SITE = 'https://openreview.net';
const FORUM_URL = /^https?:\/\/(?:www\.)?openreview\.net\/(?:forum|pdf)\?(?:[^#]*&)?id=([A-Za-z0-9_-]+)/i;

/** The forum id an OpenReview link names (`/forum?id=…` or `/pdf?id=…`), else undefined. */
export function openreviewForumOf(url: string): string | undefined {
  return FORUM_URL.exec(url)?.[1];
}

/** The note of forum `id`. */
export function noteUrl(base: string, id: string): string {
  return `${base}/notes?id=${encodeURIComponent(id)}`;
}

/** What an OpenReview note says of a paper. */
export interface OpenReviewPaper {
  forum: string;
  title: string;
  authors: string[];
  abstract?: string;
  venue?: string;
  /** `Withdrawn` in the venue id: the authors took the submission back. */
  withdrawn: boolean;
  published?: string;
  pdf?: string;
}

type Note = {
  id?: unknown;
  forum?: unknown;
  content?: Record<string, { value?: unknown } | undefined>;
  pdate?: unknown;
  odate?: unknown;
  cdate?: unknown;
};

/**
 * The forum's own note of an answer (a forum query also returns its replies), or undefined when
 * the answer has none. JSON that is not `{"notes": [...]}`, or a note without a title, throws.
 */
export function parseNotes(json: string, forum: string): OpenReviewPaper | undefined {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new AnswerError(`OpenReview's answer is not JSON (${(error as Error).message})`);
  }
  const notes = (data as { notes?: unknown }).notes;
  if (!Array.isArray(notes)) throw new AnswerError('OpenReview\'s answer has no "notes" list');
  const note = (notes as Note[]).find((candidate) => candidate?.id === forum);
  if (!note) return undefined;
  const value = (name: string) => note.content?.[name]?.value;
  const textOf = (name: string) => {
    const raw = value(name);
    return typeof raw === 'string' && foldSpace(raw) ? foldSpace(raw) : undefined;
  };
  const title = textOf('title');
  if (!title) throw new AnswerError(`OpenReview's note ${forum} has no title`);
  const authors = value('authors');
  const pdf = textOf('pdf');
  const time = [note.pdate, note.odate, note.cdate].find((stamp): stamp is number => typeof stamp === 'number');
  return {
    forum,
    title,
    authors: Array.isArray(authors)
      ? authors
          .filter((name): name is string => typeof name === 'string')
          .map(foldSpace)
          .filter(Boolean)
      : [],
    abstract: textOf('abstract'),
    venue: textOf('venue'),
    withdrawn: /withdrawn/i.test(`${textOf('venueid') ?? ''} ${textOf('venue') ?? ''}`),
    published: time === undefined ? undefined : isoDayOf(new Date(time).toISOString()),
    pdf: pdf && (pdf.startsWith('/') ? `${SITE}${pdf}` : /^https?:\/\//i.test(pdf) ? pdf : undefined),
  };
}

/** The record of an OpenReview paper (src/schemas/record.ts), fetched on `fetched`. */
export function openreviewRecord(paper: OpenReviewPaper, fetched: string): PaperRecord {
  return {
    source: 'openreview',
    fetched,
    openreview: paper.forum,
    title: paper.title,
    authors: paper.authors,
    abstract: paper.abstract,
    published: paper.published,
    venue: paper.venue,
    url: `${SITE}/forum?id=${paper.forum}`,
    pdf: paper.pdf,
    code: githubUrlIn(paper.abstract ?? ''),
  };
}
