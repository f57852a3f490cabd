import { load } from 'cheerio';
import { stripArxivVersion } from '../../../src/lib/arxiv';

/** What arXiv says of a paper: enough for an entry when the suggestion gives only the id. */
export interface ArxivRecord {
  title: string;
  /** `YYYY-MM`, from the first version's date. */
  published: string;
}

/** A record, or why there is none, in words for the issue comment. */
export type ArxivLookup = { ok: true; record: ArxivRecord } | { ok: false; reason: string };

/** The query of arXiv's API for one id (https://info.arxiv.org/help/api/user-manual.html). */
export function arxivQueryUrl(id: string): string {
  return `https://export.arxiv.org/api/query?id_list=${encodeURIComponent(id)}&max_results=1`;
}

/**
 * Reads arXiv's Atom answer for `id`. arXiv answers a bad id with HTTP 200 and an entry titled
 * "Error" (its id under /api/errors), and an unknown id with no entry: both are failures, as is
 * an entry for another paper. Whitespace in titles (arXiv wraps them) becomes single spaces.
 */
export function parseArxivFeed(xml: string, id: string): ArxivLookup {
  const $ = load(xml, { xml: true });
  const wanted = stripArxivVersion(id);
  for (const element of $('feed > entry').toArray()) {
    const entry = $(element);
    const entryId = entry.children('id').first().text().trim();
    if (/\/api\/errors/.test(entryId)) {
      const summary = entry.children('summary').first().text().trim();
      return { ok: false, reason: `arXiv answered with an error${summary ? `: ${summary}` : ''}` };
    }
    const found = /\/abs\/(.+)$/.exec(entryId)?.[1];
    if (!found || stripArxivVersion(found) !== wanted) continue;
    const title = entry.children('title').first().text().replace(/\s+/g, ' ').trim();
    const published = /^(\d{4}-\d{2})-\d{2}T/.exec(entry.children('published').first().text().trim())?.[1];
    if (!title || !published) return { ok: false, reason: 'arXiv’s answer has no title or date' };
    return { ok: true, record: { title, published } };
  }
  return { ok: false, reason: `arXiv has no paper ${wanted}` };
}

export type Fetch = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

const TIMEOUT_MS = 20_000;

/** Asks arXiv's API for `id`; any failure (network, status, answer) is a reason, never a throw. */
export async function lookupArxiv(id: string, fetcher: Fetch = fetch): Promise<ArxivLookup> {
  let response: Response;
  try {
    response = await fetcher(arxivQueryUrl(id), {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'user-agent': 'awesome-mllm-suggestion (npm run suggestion)', accept: 'application/atom+xml' },
    });
  } catch (error) {
    const name = (error as Error).name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    return { ok: false, reason: timedOut ? `arXiv did not answer within ${TIMEOUT_MS / 1000} s` : 'arXiv could not be reached' };
  }
  if (!response.ok) return { ok: false, reason: `arXiv answered HTTP ${response.status}` };
  return parseArxivFeed(await response.text(), id);
}
