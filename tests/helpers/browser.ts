import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';

/**
 * Shared browser-test plumbing: Debian's Chromium driven by playwright-core, and a static file
 * server over a build (dist/ or dist-subpath/). Usage:
 *
 *   browserSuite('the thing', () => {
 *     afterAll(closeBrowser);
 *     it('works', () => withPage(DIST, async (page, site) => { await page.goto(site.url('about/')); … }));
 *   });
 *
 * Without a Chromium the suite is skipped with one loud line, or fails when REQUIRE_BROWSER=1 (CI).
 */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const browserFound = existsSync(CHROME_PATH);
const browserRequired = process.env.REQUIRE_BROWSER === '1';

if (!browserFound && !browserRequired) {
  console.warn('Browser tests skipped: no Chromium found. Install it with `apt-get install chromium` or set CHROME_PATH.');
}

/** `describe` for suites that need Chromium; when it is required but missing, launching fails the suite. */
export const browserSuite = describe.skipIf(!browserFound && !browserRequired);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // Chromium refuses to run as root (containers, CI) with its sandbox on
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Promise<Browser> | undefined;
const sites = new Map<string, Promise<ServedSite>>();

export function launchBrowser(): Promise<Browser> {
  if (!browserFound)
    return Promise.reject(
      new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROME_PATH}: install it (apt-get install chromium) or set CHROME_PATH`),
    );
  browser ??= chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROMIUM_ARGS });
  return browser;
}

/** Closes the browser and every server this file started: call it in `afterAll`. */
export async function closeBrowser(): Promise<void> {
  const closing = [...sites.values()].map(async (site) => (await site).close());
  sites.clear();
  if (browser) closing.push((await browser).close());
  browser = undefined;
  await Promise.all(closing);
}

/** A build served on 127.0.0.1, at `base` as it would be deployed. */
export interface ServedSite {
  origin: string;
  base: string;
  /** The absolute URL of a site path (`mllm/2409.12191/`), under the base. */
  url(sitePath?: string): string;
  close(): Promise<void>;
}

/**
 * Opens a fresh page (its own context: no shared storage) on a served build and runs `fn`.
 * The server for `dist` at `base` starts on first use and is reused by the file's other tests.
 */
export async function withPage<T>(
  dist: string,
  fn: (page: Page, site: ServedSite) => Promise<T>,
  { base = '/', javaScriptEnabled = true }: { base?: string; javaScriptEnabled?: boolean } = {},
): Promise<T> {
  const key = `${dist}|${base}`;
  if (!sites.has(key)) sites.set(key, serveDist(dist, base));
  const site = await sites.get(key)!;
  const context = await (await launchBrowser()).newContext({ javaScriptEnabled });
  try {
    return await fn(await context.newPage(), site);
  } finally {
    await context.close();
  }
}

/** Console errors and uncaught exceptions of a page (CSP violations are console errors). */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
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
