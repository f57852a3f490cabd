import { siteLocation } from '../../../src/site.config';

/**
 * Where the records command asks and how politely: each service's base URL and the pace, read
 * from the environment so tests, mirrors and a local replay server can stand in for the services.
 */
export interface RecordsSettings {
  /** arXiv's legacy Query API (ARXIV_API_URL). */
  arxivUrl: string;
  /** OpenReview's API v2 (OPENREVIEW_API_URL). */
  openreviewUrl: string;
  /** The pause between two requests (RECORDS_PAUSE_MS); arXiv asks for 3 s, one connection at a time. */
  pauseMs: number;
  /** How long one request may take before it counts as failed (RECORDS_TIMEOUT_MS). */
  timeoutMs: number;
  /** Ids asked of arXiv in one request (`id_list`, with `max_results` set to match). */
  batchSize: number;
  /** Tries of one request answered 429 or 5xx, the first included. */
  attempts: number;
  /** The longest wait before a retry, whatever Retry-After asks for. */
  maxWaitMs: number;
  /** Sent with every request: the project and where it lives. */
  userAgent: string;
}

export const DEFAULT_ARXIV_URL = 'https://export.arxiv.org/api/query';
export const DEFAULT_OPENREVIEW_URL = 'https://api2.openreview.net';
/** arXiv's terms of use: no more than one request every three seconds. */
export const DEFAULT_PAUSE_MS = 3000;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The settings of `env`; a value that is not a URL or a whole number throws naming the variable. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): RecordsSettings {
  return {
    arxivUrl: url(env, 'ARXIV_API_URL', DEFAULT_ARXIV_URL),
    openreviewUrl: url(env, 'OPENREVIEW_API_URL', DEFAULT_OPENREVIEW_URL).replace(/\/+$/, ''),
    pauseMs: wholeNumber(env, 'RECORDS_PAUSE_MS', DEFAULT_PAUSE_MS),
    timeoutMs: wholeNumber(env, 'RECORDS_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 1),
    batchSize: 50,
    attempts: 4,
    maxWaitMs: 60_000,
    userAgent: `awesome-mllm-site-records/1.0 (+${siteLocation(env).repoUrl}; npm run records)`,
  };
}

function url(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value))
    throw new Error(`${name}=${value}: give an http:// or https:// URL (default ${fallback})`);
  return value;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new Error(
      `${name}=${value}: give a whole number of milliseconds${min ? ` of at least ${min}` : ''} (default ${fallback})`,
    );
  return Number(value);
}
