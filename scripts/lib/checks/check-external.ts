import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { htmlFiles } from './check-links';
import { type EntrySource } from '../../../src/lib/content/entry-files';
import { openContentRoot } from '../../../src/lib/content/content-root';

// ── Collecting ───────────────────────────────────────────────────────────────────────────────

/** One external URL and where it was found (an absolute file path). */
export interface UrlSource {
  url: string;
  where: string;
}

const HTTP_URL = /^https?:\/\//i;

/** Parses as the site renders notes (Markdown + GFM, whose bare-URL autolinks are links too). */
const markdownParser = unified().use(remarkParse).use(remarkGfm);

/** Every http(s) URL a Markdown text links to: links, images, reference definitions and bare URLs. */
export function urlsInMarkdown(markdown: string): string[] {
  const urls: string[] = [];
  const visit = (node: Nodes) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && HTTP_URL.test(node.url.trim()))
      urls.push(node.url.trim());
    if ('children' in node) node.children.forEach(visit);
  };
  visit(markdownParser.runSync(markdownParser.parse(markdown)) as Nodes);
  return urls;
}

/**
 * The URLs of one entry file: its links, its note's Markdown and an MDX body. Reads the raw data
 * defensively, so an entry the validator would reject still has its links checked.
 */
export function urlsOfEntry(source: Pick<EntrySource, 'data' | 'body'>): string[] {
  const data = (source.data ?? {}) as { links?: unknown; note?: unknown };
  const links = Array.isArray(data.links) ? data.links : [];
  const linkUrls = links
    .map((link) => (link as { url?: unknown } | null)?.url)
    .filter((url): url is string => typeof url === 'string' && HTTP_URL.test(url.trim()))
    .map((url) => url.trim());
  const noteUrls = typeof data.note === 'string' ? urlsInMarkdown(data.note) : [];
  return [...linkUrls, ...noteUrls, ...(source.body.trim() ? urlsInMarkdown(source.body) : [])];
}

/** Every external URL in a content folder: entries of the registry's sections and the list header (about.md). */
export function collectContentUrls(contentDir: string): UrlSource[] {
  const content = openContentRoot(contentDir);
  const sources = content.entrySources();
  const fromEntries = sources.flatMap((source) => urlsOfEntry(source).map((url) => ({ url, where: source.file })));
  const aboutFile = content.aboutFile;
  const fromAbout = existsSync(aboutFile)
    ? urlsInMarkdown(readFileSync(aboutFile, 'utf8')).map((url) => ({ url, where: aboutFile }))
    : [];
  return [...fromEntries, ...fromAbout];
}

/** The host a build was made for, from its home page's canonical link (SITE_URL at build time). */
export function siteHostOf(dist: string): string {
  const canonical = load(readFileSync(path.join(dist, 'index.html'), 'utf8'))('link[rel="canonical"]').attr('href');
  if (!canonical) throw new Error(`${path.join(dist, 'index.html')} has no canonical link to tell the site's own host`);
  return new URL(canonical).host;
}

/** Every absolute http(s) URL in a build's pages that points to another host than the site's own. */
export function collectDistUrls(dist: string, siteHost: string = siteHostOf(dist)): UrlSource[] {
  return htmlFiles(dist).flatMap((page) => {
    const $ = load(readFileSync(path.join(dist, page), 'utf8'));
    return $('a[href], img[src], link[href], script[src]')
      .map((_, element) => $(element).attr('href') ?? $(element).attr('src'))
      .get()
      .filter((url) => HTTP_URL.test(url) && new URL(url).host !== siteHost)
      .map((url) => ({ url, where: path.join(dist, page) }));
  });
}

/** What a request sees: the URL without its #fragment (a server never gets it). */
export function requestUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** One entry per requested URL, with every place citing it (each once), in first-seen order. */
export function dedupeUrls(sources: readonly UrlSource[]): { url: string; where: string[] }[] {
  const byUrl = new Map<string, Set<string>>();
  for (const { url, where } of sources) {
    const key = requestUrl(url);
    byUrl.set(key, (byUrl.get(key) ?? new Set()).add(where));
  }
  return [...byUrl].map(([url, where]) => ({ url, where: [...where] }));
}

// ── Checking ─────────────────────────────────────────────────────────────────────────────────

/** alive: answers 2xx (after redirects). blocked: refuses robots (401/403/429): likely alive, checked by hand. dead: anything else. */
export type Verdict = 'alive' | 'blocked' | 'dead';

/** One request's outcome: a status, or the error that stopped it. */
export interface Probe {
  status?: number;
  error?: string;
  /** The Retry-After header of a 429/503, if any. */
  retryAfter?: string | null;
}

export interface UrlCheck {
  url: string;
  verdict: Verdict;
  status?: number;
  error?: string;
  /** How many rounds (HEAD, then GET if needed) it took. */
  attempts: number;
  method: 'HEAD' | 'GET';
}

export interface CheckOptions {
  fetch: typeof fetch;
  /** Requests in flight at once, over all hosts. */
  concurrency: number;
  /** Requests in flight at once to one host: arxiv.org and GitHub rate-limit bursts. */
  perHost: number;
  timeoutMs: number;
  /** Further rounds after the first when the outcome may be passing (timeouts, 429, 5xx). */
  retries: number;
  /** The first retry waits this long; each further one twice as long. */
  backoffMs: number;
  sleep: (ms: number) => Promise<void>;
  userAgent: string;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  fetch: (...args) => fetch(...args),
  concurrency: 8,
  perHost: 2,
  timeoutMs: 15_000,
  retries: 2,
  backoffMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  userAgent: 'awesome-mllm-link-check (npm run check:external)',
};

const BLOCKING_STATUSES = new Set([401, 403, 429]);
const PASSING_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
const MAX_RETRY_AFTER_MS = 60_000;

export function verdictOf(probe: Probe): Verdict {
  if (probe.status !== undefined && probe.status >= 200 && probe.status < 300) return 'alive';
  if (probe.status !== undefined && BLOCKING_STATUSES.has(probe.status)) return 'blocked';
  return 'dead';
}

/** Network errors, timeouts and statuses that say "not now" are worth another try; a 404 is not. */
export function isRetryable(probe: Probe): boolean {
  return probe.error !== undefined || (probe.status !== undefined && PASSING_STATUSES.has(probe.status));
}

/** Many servers answer HEAD wrongly (405, 403, 404, 501) or not at all: anything but 2xx gets a GET. */
export function needsGetFallback(probe: Probe): boolean {
  return verdictOf(probe) !== 'alive';
}

/** Wait before retry number `retry` (1-based): doubling from `baseMs`, or the server's Retry-After seconds (capped). */
export function backoffDelay(retry: number, baseMs: number, retryAfter?: string | null): number {
  const seconds = retryAfter ? Number(retryAfter) : Number.NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  return baseMs * 2 ** (retry - 1);
}

function describeError(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = error as Error & { cause?: { code?: string; message?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  return cause?.code ?? cause?.message ?? message;
}

async function probe(url: string, method: 'HEAD' | 'GET', options: CheckOptions): Promise<Probe> {
  try {
    const response = await options.fetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { 'user-agent': options.userAgent, accept: '*/*' },
    });
    await response.body?.cancel(); // the status is all we need
    return { status: response.status, retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    return { error: describeError(error, options.timeoutMs) };
  }
}

/** HEAD, GET if HEAD does not say alive, and the whole round again with backoff while the failure may pass. */
export async function checkUrl(url: string, options: CheckOptions): Promise<UrlCheck> {
  for (let attempt = 1; ; attempt++) {
    let method: UrlCheck['method'] = 'HEAD';
    let result = await probe(url, method, options);
    if (needsGetFallback(result)) {
      method = 'GET';
      result = await probe(url, method, options);
    }
    if (!isRetryable(result) || attempt > options.retries) {
      return {
        url,
        verdict: verdictOf(result),
        attempts: attempt,
        method,
        ...(result.status !== undefined && { status: result.status }),
        ...(result.error !== undefined && { error: result.error }),
      };
    }
    await options.sleep(backoffDelay(attempt, options.backoffMs, result.retryAfter));
  }
}

/** Runs tasks with at most `limit` of them in flight; each call waits for a free slot. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a limit must be a whole number of at least 1 (got ${limit})`);
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next task, or free it.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/**
 * Checks every URL, `concurrency` at a time overall and `perHost` at a time per host; results
 * come back in the order of `urls`. `onResult` hears of each as it finishes (progress).
 */
export async function checkUrls(
  urls: readonly string[],
  options: CheckOptions,
  onResult?: (check: UrlCheck) => void,
): Promise<UrlCheck[]> {
  const overall = createLimiter(options.concurrency);
  const perHost = new Map<string, ReturnType<typeof createLimiter>>();
  const hostLimiter = (url: string) => {
    const host = new URL(url).host;
    if (!perHost.has(host)) perHost.set(host, createLimiter(options.perHost));
    return perHost.get(host)!;
  };
  // The host slot first: a task waiting for its host does not hold one of the overall slots.
  return Promise.all(
    urls.map((url) =>
      hostLimiter(url)(() =>
        overall(async () => {
          const check = await checkUrl(url, options);
          onResult?.(check);
          return check;
        }),
      ),
    ),
  );
}

/** `dead  404 https://… (GET, 3 attempts)` then the files citing it, indented. */
export function formatCheck(check: UrlCheck, where: readonly string[]): string {
  const outcome = check.status !== undefined ? String(check.status) : (check.error ?? 'no answer');
  const how = `${check.method}${check.attempts > 1 ? `, ${check.attempts} attempts` : ''}`;
  return [`${check.verdict.padEnd(7)} ${outcome} ${check.url} (${how})`, ...where.map((place) => `          ${place}`)].join(
    '\n',
  );
}

export function formatSummary(checks: readonly UrlCheck[]): string {
  const count = (verdict: Verdict) => checks.filter((check) => check.verdict === verdict).length;
  return `${checks.length} URLs: ${count('alive')} alive, ${count('blocked')} blocked (refuse robots; check by hand), ${count('dead')} dead`;
}
