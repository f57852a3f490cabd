import type { RecordsSettings } from './settings';

/** The services the records command asks, by the names its messages use. */
export type ServiceName = 'arXiv' | 'OpenReview';

export type Fetch = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;
export type Sleep = (ms: number) => Promise<void>;

/** An answer read whole, or why there is none, in words that name the service. */
export type HttpAnswer = { ok: true; status: number; text: string } | { ok: false; status?: number; reason: string };

const sleepFor: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one way the records command reaches a service: one request at a time, `pauseMs` between
 * the start of one and the next (arXiv's terms), a User-Agent naming the project, a timeout; 429
 * and 5xx retried with exponential backoff from the pause (Retry-After honoured, both capped at
 * `maxWaitMs`), at most `attempts` tries. Never throws: a failure is a reason.
 */
export class PoliteClient {
  #queue: Promise<unknown> = Promise.resolve();
  #lastStart: number | undefined;

  constructor(
    private readonly settings: RecordsSettings,
    private readonly fetcher: Fetch = fetch,
    private readonly sleep: Sleep = sleepFor,
    private readonly now: () => number = Date.now,
  ) {}

  /** GETs `url` from `service` once the requests before it are done. */
  get(service: ServiceName, url: string, accept: string): Promise<HttpAnswer> {
    const next = this.#queue.then(() => this.#withRetries(service, url, accept));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #withRetries(service: ServiceName, url: string, accept: string): Promise<HttpAnswer> {
    for (let attempt = 1; ; attempt++) {
      const { answer, retryAfterMs } = await this.#once(service, url, accept);
      const retriable = !answer.ok && answer.status !== undefined && (answer.status === 429 || answer.status >= 500);
      if (!retriable) return answer;
      if (attempt >= this.settings.attempts)
        return { ...answer, reason: attempt > 1 ? `${answer.reason} (${attempt} tries)` : answer.reason };
      const backoff = this.settings.pauseMs * 2 ** (attempt - 1);
      await this.#wait(Math.min(this.settings.maxWaitMs, Math.max(backoff, retryAfterMs ?? 0)));
    }
  }

  async #once(service: ServiceName, url: string, accept: string): Promise<{ answer: HttpAnswer; retryAfterMs?: number }> {
    if (this.#lastStart !== undefined) await this.#wait(this.settings.pauseMs - (this.now() - this.#lastStart));
    this.#lastStart = this.now();
    try {
      const response = await this.fetcher(url, {
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        headers: { 'user-agent': this.settings.userAgent, accept },
      });
      const text = await response.text();
      if (response.ok) return { answer: { ok: true, status: response.status, text } };
      return {
        answer: { ok: false, status: response.status, reason: `${service} answered HTTP ${response.status}` },
        retryAfterMs: retryAfter(response.headers.get('retry-after'), this.now()),
      };
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        return { answer: { ok: false, reason: `${service} did not answer within ${this.settings.timeoutMs} ms` } };
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const detail = cause?.code ?? cause?.message ?? (error as Error).message;
      return { answer: { ok: false, reason: `${service} could not be reached (${detail})` } };
    }
  }

  async #wait(ms: number): Promise<void> {
    if (ms > 0) await this.sleep(ms);
  }
}

/** Retry-After in milliseconds: seconds, or an HTTP date. */
function retryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
