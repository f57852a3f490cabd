import { stripArxivVersion } from '../../../src/lib/arxiv';
import type { PaperRecord } from '../../../src/schemas/record';
import { AnswerError } from './answers';
import { arxivRecord, idListUrl, isWithdrawn, parseArxivFeed, titleSearchUrl, type ArxivPaper } from './arxiv';
import { PoliteClient, type Fetch, type Sleep } from './http';
import { noteUrl, openreviewRecord, parseNotes } from './openreview';
import type { Candidate } from './outcome';
import type { RecordsSettings } from './settings';

/**
 * The questions the records command and the suggestion ask the services, through one polite
 * client: answers come back as records, and every failure (HTTP, network, timeout, an answer
 * that cannot be read) as one reason naming the service.
 */

/** A paper a service gave: its record (fetched today), whether it was withdrawn, and how to name it. */
export interface Found {
  record: PaperRecord;
  withdrawn: boolean;
  candidate: Candidate;
}

export type Answer<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface Services {
  /** arXiv's papers of `ids` (no versions) by id; an id arXiv does not know is absent. */
  arxivByIds(ids: readonly string[]): Promise<Answer<Map<string, Found>>>;
  /** arXiv's answers to a search of `title` in the title field. */
  arxivByTitle(title: string): Promise<Answer<Found[]>>;
  /** OpenReview's note of forum `id`, undefined when it has none. */
  openreviewByForum(id: string): Promise<Answer<Found | undefined>>;
}

export interface ServiceOptions {
  settings: RecordsSettings;
  /** The day records are fetched on (YYYY-MM-DD). */
  today: string;
  fetch?: Fetch;
  /** Waits (tests pass one that records the wait and moves `now` on instead). */
  sleep?: Sleep;
  now?: () => number;
}

export function createServices({ settings, today, fetch, sleep, now }: ServiceOptions): Services {
  const client = new PoliteClient(settings, fetch, sleep, now);
  const fromArxiv = (paper: ArxivPaper): Found => {
    const record = arxivRecord(paper, today);
    return { record, withdrawn: isWithdrawn(paper), candidate: { id: paper.id, title: paper.title, url: record.url } };
  };
  const readFeed = async (url: string): Promise<Answer<ArxivPaper[]>> => {
    const answer = await client.get('arXiv', url, 'application/atom+xml');
    if (!answer.ok) return { ok: false, reason: answer.reason };
    try {
      const { papers, error } = parseArxivFeed(answer.text);
      return error ? { ok: false, reason: error } : { ok: true, value: papers };
    } catch (error) {
      if (error instanceof AnswerError) return { ok: false, reason: error.message };
      throw error;
    }
  };
  return {
    async arxivByIds(ids) {
      const feed = await readFeed(idListUrl(settings.arxivUrl, ids));
      if (!feed.ok) return feed;
      return { ok: true, value: new Map(feed.value.map((paper) => [stripArxivVersion(paper.id), fromArxiv(paper)])) };
    },
    async arxivByTitle(title) {
      const feed = await readFeed(titleSearchUrl(settings.arxivUrl, title));
      return feed.ok ? { ok: true, value: feed.value.map(fromArxiv) } : feed;
    },
    async openreviewByForum(id) {
      const answer = await client.get('OpenReview', noteUrl(settings.openreviewUrl, id), 'application/json');
      // OpenReview answers an id it does not know with 404 (or an empty list).
      if (!answer.ok) return answer.status === 404 ? { ok: true, value: undefined } : { ok: false, reason: answer.reason };
      try {
        const paper = parseNotes(answer.text, id);
        if (!paper) return { ok: true, value: undefined };
        const record = openreviewRecord(paper, today);
        return {
          ok: true,
          value: {
            record,
            withdrawn: paper.withdrawn,
            candidate: { id: `openreview:${id}`, title: paper.title, url: record.url },
          },
        };
      } catch (error) {
        if (error instanceof AnswerError) return { ok: false, reason: error.message };
        throw error;
      }
    },
  };
}
