import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { arxivAbsUrl, stripArxivVersion } from '../../../src/lib/arxiv';
import { titleKey } from '../../../src/lib/title-key';
import type { PaperRecord } from '../../../src/schemas/record';
import { AnswerError, foldSpace, githubUrlIn, isoDayOf } from './answers';

/**
 * arXiv's legacy Query API (https://info.arxiv.org/help/api/user-manual.html): the query URLs and
 * the reader of its Atom 1.0 answers, with their `opensearch:` and `arxiv:` elements. The one
 * arXiv client of the project: `npm run records` and `npm run suggestion` both ask through it.
 */

/** One paper of an answer, as arXiv gives it (white space folded). */
export interface ArxivPaper {
  /** With its version: `2409.12191v2`. */
  id: string;
  title: string;
  authors: string[];
  abstract?: string;
  /** First version's day. */
  published: string;
  /** This version's day. */
  updated: string;
  category?: string;
  journalRef?: string;
  doi?: string;
  comment?: string;
  pdf?: string;
}

/**
 * A batch of ids: `max_results` must be set, or arXiv answers ten at most. The ids are checked
 * arXiv ids (letters, digits, `.`, `-`, and the `/` of old-style ids), written as arXiv shows them.
 */
export function idListUrl(base: string, ids: readonly string[]): string {
  return `${base}?id_list=${ids.join(',')}&max_results=${ids.length}`;
}

/** A title search on the title field, as a phrase of the title's words (punctuation is query syntax to arXiv). */
export function titleSearchUrl(base: string, title: string, maxResults = 10): string {
  return `${base}?search_query=${encodeURIComponent(`ti:"${titleKey(title)}"`)}&max_results=${maxResults}`;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

type Node = Record<string, unknown>;
const text = (value: unknown): string | undefined => {
  const raw = typeof value === 'object' && value !== null ? (value as Node)['#text'] : value;
  if (raw === undefined || raw === null) return undefined;
  const folded = foldSpace(String(raw));
  return folded || undefined;
};
const nodes = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);

/**
 * The papers of an Atom answer. An error entry (its id under /api/errors, e.g. a malformed id)
 * comes back as `error`; text that is not a well-formed Atom feed throws an AnswerError.
 */
export function parseArxivFeed(xml: string): { papers: ArxivPaper[]; error?: string } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new AnswerError(`arXiv's answer is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const feed = (parser.parse(xml) as Node).feed as Node | undefined;
  if (!feed || typeof feed !== 'object') throw new AnswerError("arXiv's answer is not an Atom feed (no <feed> element)");
  const papers: ArxivPaper[] = [];
  for (const entry of nodes(feed.entry)) {
    const entryId = text(entry.id) ?? '';
    if (/\/api\/errors/.test(entryId))
      return { papers: [], error: `arXiv answered with an error: ${text(entry.summary) ?? entryId}` };
    const id = /\/abs\/(.+)$/.exec(entryId)?.[1];
    const title = text(entry.title);
    const published = isoDayOf(text(entry.published));
    if (!id || !title || !published)
      throw new AnswerError(`arXiv's answer has an entry without an id, title or date (${entryId || 'no id'})`);
    const links = nodes(entry.link);
    papers.push({
      id,
      title,
      authors: nodes(entry.author).flatMap((author) => text(author.name) ?? []),
      abstract: text(entry.summary),
      published,
      updated: isoDayOf(text(entry.updated)) ?? published,
      category: (entry.primary_category as Node | undefined)?.['@term'] as string | undefined,
      journalRef: text(entry.journal_ref),
      doi: text(entry.doi),
      comment: text(entry.comment),
      pdf: links.find((link) => link['@title'] === 'pdf')?.['@href'] as string | undefined,
    });
  }
  return { papers };
}

/** Whether arXiv says the paper was withdrawn (its comment, or an abstract that says only that). */
export function isWithdrawn(paper: ArxivPaper): boolean {
  return /\bwithdrawn\b/i.test(paper.comment ?? '') || /^this (paper|submission) has been withdrawn/i.test(paper.abstract ?? '');
}

/** The record of an arXiv paper (src/schemas/record.ts), fetched on `fetched`. */
export function arxivRecord(paper: ArxivPaper, fetched: string): PaperRecord {
  const bare = stripArxivVersion(paper.id);
  const version = Number(/v(\d+)$/.exec(paper.id)?.[1] ?? 1);
  return {
    source: 'arxiv',
    fetched,
    arxiv: paper.id,
    doi: paper.doi,
    title: paper.title,
    authors: paper.authors,
    abstract: paper.abstract,
    published: paper.published,
    updated: version > 1 && paper.updated !== paper.published ? paper.updated : undefined,
    category: paper.category,
    venue: paper.journalRef,
    url: arxivAbsUrl(bare),
    pdf: paper.pdf?.replace(/^http:\/\/(export\.)?arxiv\.org\//i, 'https://arxiv.org/') ?? `https://arxiv.org/pdf/${paper.id}`,
    code: githubUrlIn(`${paper.abstract ?? ''} ${paper.comment ?? ''}`),
  };
}
