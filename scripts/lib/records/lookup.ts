import type { PaperRecord } from '../../../src/schemas/record';
import { sortCandidates } from './matching';
import type { Found, Services } from './services';

/**
 * One paper's record, asked as `npm run records` asks for an entry's: by arXiv id, else by
 * OpenReview forum, else by a title only exactly one arXiv paper has. For the suggestion, which
 * looks up a single paper and words any failure for the pull request.
 */

export interface RecordQuery {
  /** An arXiv id (no version). */
  arxiv?: string;
  /** An OpenReview forum id. */
  openreview?: string;
  title?: string;
}

/** The record, or why there is none (in words naming the service). */
export type RecordLookup = { ok: true; record: PaperRecord } | { ok: false; reason: string };

export async function lookupRecord(services: Services, query: RecordQuery): Promise<RecordLookup> {
  const usable = (found: Found | undefined, missing: string): RecordLookup => {
    if (!found) return { ok: false, reason: missing };
    if (found.withdrawn) return { ok: false, reason: `${found.candidate.id} was withdrawn` };
    return { ok: true, record: found.record };
  };
  if (query.arxiv) {
    const answer = await services.arxivByIds([query.arxiv]);
    return answer.ok ? usable(answer.value.get(query.arxiv), `arXiv has no paper ${query.arxiv}`) : answer;
  }
  if (query.openreview) {
    const answer = await services.openreviewByForum(query.openreview);
    return answer.ok ? usable(answer.value, `OpenReview has no forum ${query.openreview}`) : answer;
  }
  if (query.title) {
    const answer = await services.arxivByTitle(query.title);
    if (!answer.ok) return answer;
    const { exact } = sortCandidates(
      query.title,
      answer.value.map((found) => ({ ...found, title: found.record.title })),
    );
    if (exact.length > 1) return { ok: false, reason: `${exact.length} arXiv papers have this title` };
    return usable(exact[0], 'no arXiv paper has this exact title');
  }
  return { ok: false, reason: 'nothing to look the paper up by' };
}
