import { readFileSync, existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '../../src/lib/paths';

/**
 * A stand-in for arXiv and OpenReview on 127.0.0.1 (a free port): it answers from the recorded
 * answers under tests/fixtures/records/ (see its README) and can be told to fail a request,
 * so the records command is tested against HTTP without the network.
 *
 * - `GET /api/query?id_list=a,b&max_results=n`: one Atom feed of the papers of `arxiv/<id>.xml`
 *   (an id without a file is left out, as arXiv does);
 * - `GET /api/query?search_query=ti:"…"`: the papers listed in `arxiv/search/<words>.txt`;
 * - `GET /openreview/notes?id=X`: `openreview/X.json`, else `{"notes": []}`.
 */

export const RECORD_FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/records');

/** What to answer one request with: a status and body, or no answer at all (a hang), or a closed connection. */
export type Reply = { status?: number; body?: string; headers?: Record<string, string> } | { hang: true } | { drop: true };

export interface SeenRequest {
  url: URL;
  headers: IncomingHttpHeaders;
}

export interface ReplayServer {
  /** ARXIV_API_URL for the command. */
  arxivUrl: string;
  /** OPENREVIEW_API_URL for the command. */
  openreviewUrl: string;
  /** Every request, in order. */
  requests: SeenRequest[];
  /** The most requests it had open at once (a polite client keeps one). */
  maxOpen(): number;
  /** The next request whose URL `when` accepts (any, by default) gets `reply`, once. */
  script(reply: Reply, when?: (url: URL) => boolean): void;
  /** Settings for the command: both URLs and RECORDS_PAUSE_MS=0. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const FEED_HEAD = (query: string, count: number) => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <link href="http://arxiv.org/api/query?${encodeURIComponent(query)}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: ${query.replace(/&/g, '&amp;')}</title>
  <id>http://arxiv.org/api/replay</id>
  <updated>2026-12-01T00:00:00-05:00</updated>
  <opensearch:totalResults>${count}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <opensearch:itemsPerPage>${count}</opensearch:itemsPerPage>
`;

/** The `<entry>` of a recorded one-paper feed. */
function recordedEntry(dir: string, id: string): string | undefined {
  const file = path.join(dir, 'arxiv', `${id.replace(/v\d+$/, '')}.xml`);
  if (!existsSync(file)) return undefined;
  return /<entry>[\s\S]*<\/entry>/.exec(readFileSync(file, 'utf8'))?.[0];
}

/** The feed arXiv would give for `query` from the recorded papers. */
export function arxivFeed(query: URLSearchParams, dir = RECORD_FIXTURES): string {
  let ids: string[] = [];
  const list = query.get('id_list');
  const search = query.get('search_query');
  if (list) ids = list.split(',');
  else if (search) {
    const words = /^ti:"(.*)"$/.exec(search)?.[1] ?? search;
    const file = path.join(dir, 'arxiv', 'search', `${words.trim().replace(/\s+/g, '-')}.txt`);
    ids = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  }
  const entries = ids.flatMap((id) => recordedEntry(dir, id) ?? []);
  return `${FEED_HEAD(query.toString(), entries.length)}${entries.map((entry) => `  ${entry}\n`).join('')}</feed>\n`;
}

function recordedReply(url: URL, dir: string): Reply {
  if (url.pathname === '/api/query')
    return { body: arxivFeed(url.searchParams, dir), headers: { 'content-type': 'application/atom+xml' } };
  if (url.pathname === '/openreview/notes') {
    const file = path.join(dir, 'openreview', `${url.searchParams.get('id')}.json`);
    return {
      body: existsSync(file) ? readFileSync(file, 'utf8') : '{"notes": [], "count": 0}',
      headers: { 'content-type': 'application/json' },
    };
  }
  return { status: 404, body: 'not a recorded path' };
}

function send(response: ServerResponse, reply: Reply): void {
  if ('hang' in reply) return;
  if ('drop' in reply) return void response.socket?.destroy();
  response.writeHead(reply.status ?? 200, reply.headers ?? {});
  response.end(reply.body ?? '');
}

/** Starts a replay server over `dir` (default: tests/fixtures/records). */
export async function startReplayServer(dir = RECORD_FIXTURES): Promise<ReplayServer> {
  const requests: SeenRequest[] = [];
  const scripted: { reply: Reply; when: (url: URL) => boolean }[] = [];
  let open = 0;
  let maxOpen = 0;
  const server = createServer((request, response) => {
    maxOpen = Math.max(maxOpen, ++open);
    response.on('close', () => open--);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ url, headers: request.headers });
    const index = scripted.findIndex((item) => item.when(url));
    const reply = index >= 0 ? scripted.splice(index, 1)[0]!.reply : recordedReply(url, dir);
    send(response, reply);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const replay: ReplayServer = {
    arxivUrl: `${origin}/api/query`,
    openreviewUrl: `${origin}/openreview`,
    requests,
    maxOpen: () => maxOpen,
    script: (reply, when = () => true) => void scripted.push({ reply, when }),
    env: () => ({ ARXIV_API_URL: replay.arxivUrl, OPENREVIEW_API_URL: replay.openreviewUrl, RECORDS_PAUSE_MS: '0' }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return replay;
}
