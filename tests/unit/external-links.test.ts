import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeEntry } from '../../src/lib/content/entry-files';
import {
  backoffDelay,
  checkUrl,
  checkUrls,
  collectContentUrls,
  createLimiter,
  dedupeUrls,
  DEFAULT_CHECK_OPTIONS,
  formatCheck,
  isRetryable,
  urlsInMarkdown,
  urlsOfEntry,
  verdictOf,
  type CheckOptions,
} from '../../scripts/lib/checks/check-external';
import { REPO_ROOT } from '../../src/lib/paths';
import { runScript } from '../helpers/run';

/** A fetch that answers from a table of `METHOD url` → status (or a thrown error), recording every call. */
function fakeFetch(answers: Record<string, (number | Error)[]>) {
  const calls: string[] = [];
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    calls.push(key);
    const queue = answers[key] ?? answers[`* ${String(input)}`];
    const answer = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
    if (answer === undefined) throw new Error(`unexpected request ${key}`);
    if (answer instanceof Error) throw answer;
    return new Response(null, { status: answer, headers: answer === 429 ? { 'retry-after': '3' } : {} });
  }) as typeof fetch;
  return { fetcher, calls };
}

function optionsWith(fetcher: typeof fetch, overrides: Partial<CheckOptions> = {}): CheckOptions & { slept: number[] } {
  const slept: number[] = [];
  return {
    ...DEFAULT_CHECK_OPTIONS,
    fetch: fetcher,
    backoffMs: 100,
    sleep: async (ms) => void slept.push(ms),
    slept,
    ...overrides,
  };
}

const networkError = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });

describe('collecting URLs', () => {
  it('finds links, images, reference definitions and bare URLs in Markdown, and nothing else', () => {
    const note =
      'see https://a.org/x_(y), [l](https://b.org/p_(v2)) ![i](https://c.org/i.png) [r][1] 见https://d.org/z [m](mailto:x@y.org) [rel](/about/) [js](javascript:alert(1))\n\n[1]: http://e.org';
    expect(urlsInMarkdown(note)).toEqual([
      'https://a.org/x_(y)',
      'https://b.org/p_(v2)',
      'https://c.org/i.png',
      'https://d.org/z',
      'http://e.org',
    ]);
  });

  it('takes an entry’s links, note and MDX body, and tolerates data the validator would reject', () => {
    const data = {
      links: [{ url: ' https://a.org ' }, { url: 'javascript:x' }, null, { kind: 'paper' }],
      note: '[n](https://b.org)',
    };
    expect(urlsOfEntry({ data, body: 'long note with https://c.org' })).toEqual([
      'https://a.org',
      'https://b.org',
      'https://c.org',
    ]);
    expect(urlsOfEntry({ data: undefined, body: '' })).toEqual([]);
    expect(urlsOfEntry({ data: { links: 'not a list', note: 3 }, body: '' })).toEqual([]);
  });

  it('requests each URL once (a #fragment is not part of the request) and keeps every place citing it', () => {
    expect(
      dedupeUrls([
        { url: 'https://a.org/p#one', where: 'x.yaml' },
        { url: 'https://b.org', where: 'x.yaml' },
        { url: 'https://a.org/p#two', where: 'y.yaml' },
        { url: 'https://a.org/p', where: 'x.yaml' },
      ]),
    ).toEqual([
      { url: 'https://a.org/p', where: ['x.yaml', 'y.yaml'] },
      { url: 'https://b.org', where: ['x.yaml'] },
    ]);
  });

  it('collects the real content: every entry link, once per file', () => {
    const sources = collectContentUrls(path.join(REPO_ROOT, 'content'));
    expect(sources.length).toBeGreaterThanOrEqual(107);
    expect(sources.every(({ url }) => /^https?:\/\//.test(url))).toBe(true);
    expect(sources.some(({ where }) => where.endsWith('about.md'))).toBe(true);
  });
});

describe('createLimiter', () => {
  it('never runs more than `limit` tasks at once, runs them all and keeps each result with its task', async () => {
    const limit = createLimiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        limit(async () => {
          peak = Math.max(peak, ++active);
          await new Promise((resolve) => setTimeout(resolve, (index * 7) % 5));
          active--;
          return index;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it('frees the slot of a task that throws', async () => {
    const limit = createLimiter(1);
    await expect(limit(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit below 1', () => {
    expect(() => createLimiter(0)).toThrow(/at least 1/);
  });
});

describe('retry policy', () => {
  it('calls 2xx alive, 401/403/429 blocked, everything else dead', () => {
    expect([200, 204, 301, 401, 403, 429, 404, 410, 500].map((status) => verdictOf({ status }))).toEqual([
      'alive',
      'alive',
      'dead',
      'blocked',
      'blocked',
      'blocked',
      'dead',
      'dead',
      'dead',
    ]);
    expect(verdictOf({ error: 'ENOTFOUND' })).toBe('dead');
  });

  it('retries errors, timeouts, 408/425/429 and 5xx, not a 404 or a 403', () => {
    expect([408, 425, 429, 500, 502, 503, 504].every((status) => isRetryable({ status }))).toBe(true);
    expect([200, 403, 404, 410, 501].some((status) => isRetryable({ status }))).toBe(false);
    expect(isRetryable({ error: 'timed out after 15 s' })).toBe(true);
  });

  it('doubles the wait each retry, or follows Retry-After seconds up to a minute', () => {
    expect([1, 2, 3].map((retry) => backoffDelay(retry, 500))).toEqual([500, 1000, 2000]);
    expect(backoffDelay(1, 500, '7')).toBe(7000);
    expect(backoffDelay(1, 500, '3600')).toBe(60_000);
    expect(backoffDelay(2, 500, 'Wed, 21 Oct 2015 07:28:00 GMT')).toBe(1000);
  });
});

describe('checkUrl with a fake fetch', () => {
  const url = 'https://example.org/p';

  it('stops at a 2xx HEAD', async () => {
    const { fetcher, calls } = fakeFetch({ [`HEAD ${url}`]: [200] });
    expect(await checkUrl(url, optionsWith(fetcher))).toEqual({
      url,
      verdict: 'alive',
      status: 200,
      attempts: 1,
      method: 'HEAD',
    });
    expect(calls).toEqual([`HEAD ${url}`]);
  });

  it('falls back to GET when HEAD is refused or fails', async () => {
    for (const head of [405, 404, 403, networkError()]) {
      const { fetcher, calls } = fakeFetch({ [`HEAD ${url}`]: [head], [`GET ${url}`]: [200] });
      expect(await checkUrl(url, optionsWith(fetcher))).toMatchObject({ verdict: 'alive', method: 'GET', attempts: 1 });
      expect(calls).toEqual([`HEAD ${url}`, `GET ${url}`]);
    }
  });

  it('retries a passing failure with backoff and succeeds', async () => {
    const { fetcher } = fakeFetch({ [`* ${url}`]: [503, 503, 503, 200] });
    const options = optionsWith(fetcher);
    // Round 1: HEAD 503, GET 503; round 2: HEAD 503, GET 200.
    expect(await checkUrl(url, options)).toMatchObject({ verdict: 'alive', status: 200, attempts: 2, method: 'GET' });
    expect(options.slept).toEqual([100]);
  });

  it('gives up after the last retry and reports the error', async () => {
    const { fetcher, calls } = fakeFetch({ [`* ${url}`]: [networkError()] });
    const options = optionsWith(fetcher, { retries: 2 });
    expect(await checkUrl(url, options)).toEqual({ url, verdict: 'dead', error: 'ENOTFOUND', attempts: 3, method: 'GET' });
    expect(calls).toHaveLength(6);
    expect(options.slept).toEqual([100, 200]);
  });

  it('does not retry a 404, and waits as Retry-After says on a 429', async () => {
    const gone = fakeFetch({ [`* ${url}`]: [404] });
    expect(await checkUrl(url, optionsWith(gone.fetcher))).toMatchObject({ verdict: 'dead', status: 404, attempts: 1 });
    const limited = fakeFetch({ [`* ${url}`]: [429] });
    const options = optionsWith(limited.fetcher, { retries: 1 });
    expect(await checkUrl(url, options)).toMatchObject({ verdict: 'blocked', status: 429, attempts: 2 });
    expect(options.slept).toEqual([3000]);
  });

  it('checkUrls limits requests per host and overall, and returns results in input order', async () => {
    const inFlight = new Map<string, number>();
    let overall = 0;
    let peakOverall = 0;
    let peakPerHost = 0;
    const fetcher = (async (input: string | URL | Request) => {
      const host = new URL(String(input)).host;
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      peakPerHost = Math.max(peakPerHost, inFlight.get(host)!);
      peakOverall = Math.max(peakOverall, ++overall);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight.set(host, inFlight.get(host)! - 1);
      overall--;
      return new Response(null, { status: String(input).endsWith('/gone') ? 404 : 200 });
    }) as typeof fetch;
    const urls = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((host) =>
      [1, 2, 3, 4].map((page) => `https://${host}.org/${page === 4 ? 'gone' : page}`),
    );
    const seen: string[] = [];
    const checks = await checkUrls(urls, optionsWith(fetcher, { concurrency: 5, perHost: 2 }), (check) => seen.push(check.url));
    expect(checks.map((check) => check.url)).toEqual(urls);
    expect(checks.filter((check) => check.verdict === 'dead')).toHaveLength(6);
    expect(peakPerHost).toBe(2);
    expect(peakOverall).toBe(5);
    expect(seen.sort()).toEqual([...urls].sort());
  });

  it('formats a finding with the files citing it', () => {
    expect(formatCheck({ url, verdict: 'dead', status: 404, attempts: 1, method: 'GET' }, ['content/mllm/x.yaml'])).toBe(
      `dead    404 ${url} (GET)\n          content/mllm/x.yaml`,
    );
  });
});

describe('against a local server (real fetch, no network)', () => {
  let server: Server;
  let origin: string;
  const flakyHits = new Map<string, number>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      const route = request.url ?? '/';
      if (route === '/ok') return response.writeHead(200).end('ok');
      if (route === '/redirect') return response.writeHead(301, { location: '/ok' }).end();
      if (route === '/no-head') return response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
      if (route === '/flaky') {
        const hits = (flakyHits.get(route) ?? 0) + 1;
        flakyHits.set(route, hits);
        return response.writeHead(hits <= 2 ? 503 : 200).end();
      }
      if (route === '/slow') return; // never answers: the timeout must end it
      response.writeHead(404).end('gone');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('tells alive, redirected, HEAD-refusing, flaky, dead and hanging URLs apart', async () => {
    const options = { ...DEFAULT_CHECK_OPTIONS, timeoutMs: 300, backoffMs: 10, retries: 1 };
    const checks = await checkUrls(
      ['/ok', '/redirect', '/no-head', '/flaky', '/gone', '/slow'].map((route) => `${origin}${route}`),
      options,
    );
    expect(checks.map(({ verdict, status, error, method, attempts }) => ({ verdict, status, error, method, attempts }))).toEqual([
      { verdict: 'alive', status: 200, error: undefined, method: 'HEAD', attempts: 1 },
      { verdict: 'alive', status: 200, error: undefined, method: 'HEAD', attempts: 1 },
      { verdict: 'alive', status: 200, error: undefined, method: 'GET', attempts: 1 },
      { verdict: 'alive', status: 200, error: undefined, method: 'HEAD', attempts: 2 },
      { verdict: 'dead', status: 404, error: undefined, method: 'GET', attempts: 1 },
      { verdict: 'dead', status: undefined, error: 'timed out after 0.3 s', method: 'GET', attempts: 2 },
    ]);
  });

  it('npm run check:external exits 1 and names the dead URL with the file citing it', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'external-'));
    copyFileSync(path.join(REPO_ROOT, 'content/sections.yaml'), path.join(content, 'sections.yaml'));
    mkdirSync(path.join(content, 'mllm'));
    const entry = (title: string, route: string) =>
      serializeEntry({
        title,
        links: [{ kind: 'paper', url: `${origin}${route}` }],
        note: `see [mirror](${origin}/ok)`,
        added: '2024-01-01',
      });
    writeFileSync(path.join(content, 'mllm', 'alive.yaml'), entry('Alive', '/ok'));
    writeFileSync(path.join(content, 'mllm', 'dead.yaml'), entry('Dead', '/gone'));
    // Not a sync spawn: this process's server must keep answering while the CLI runs.
    const run = await runScript('scripts/check-external.ts', ['--content', content, '--retries', '0']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`dead    404 ${origin}/gone (GET)`);
    expect(run.stdout).toMatch(/\n\s+\S*mllm\/dead\.yaml\n/);
    expect(run.stdout).toContain('2 URLs: 1 alive, 0 blocked (refuse robots; check by hand), 1 dead');
  });
});
