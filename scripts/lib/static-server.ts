/**
 * A static server over a build (dist/ or a sub-path build), as GitHub Pages serves it, on
 * 127.0.0.1 and a port the system chooses (so servers started at once never collide). The browser
 * tests and the bench's Lighthouse runs (./bench/lighthouse.ts) serve builds through it.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A build served on 127.0.0.1, at `base` as it would be deployed. */
export interface ServedSite {
  origin: string;
  base: string;
  /** The absolute URL of a site path (`mllm/2409.12191/`), under the base. */
  url(sitePath?: string): string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/** A static server like GitHub Pages: `dir/` serves `dir/index.html`, misses get 404.html. */
export async function serveDist(dir: string, base = '/'): Promise<ServedSite> {
  const server = createServer(async (request, response) => {
    const file = await fileFor(dir, base, new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!file) {
      const notFound = path.join(dir, '404.html');
      response.writeHead(404, { 'content-type': CONTENT_TYPES['.html']! });
      response.end(existsSync(notFound) ? await readFile(notFound) : 'not found');
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    base,
    url: (sitePath = '') => `${origin}${base}${sitePath.replace(/^\/+/, '')}`,
    close: () => closeServer(server),
  };
}

async function fileFor(dir: string, base: string, urlPath: string): Promise<string | undefined> {
  if (!urlPath.startsWith(base)) return undefined;
  const relative = decodeURIComponent(urlPath.slice(base.length));
  const candidate = path.resolve(dir, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
  if (!candidate.startsWith(path.resolve(dir) + path.sep)) return undefined; // no ../ out of the build
  const info = await stat(candidate).catch(() => undefined);
  return info?.isFile() ? candidate : undefined;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
