import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGEFIND_DIR } from '../../src/lib/routes';
import type { PagefindApi } from '../../src/client/search/types';

/**
 * The one way tooling and tests run a build's real Pagefind in Node (tests/helpers/pagefind.ts for
 * the search tests, scripts/lib/bench/search-costs.ts for the benchmark). Pagefind's `pagefind.js`
 * runs in Node when given a global `fetch` and a minimal `document`: each loaded build gets a
 * made-up origin whose requests are answered from its folder on disk, and `document` answers
 * `<html lang>` (Pagefind reads it to pick the index and how to split the query). No part of
 * Pagefind is mocked.
 */

/** Pagefind's API as the site uses it, plus what tests and the benchmark use. */
export interface NodePagefind extends PagefindApi {
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

/** Called with each file a page would download from the site (path under the build folder). */
export type FetchListener = (file: string, content: Buffer) => void;

export interface LoadOptions {
  /** The deployment base the build was made for (`/` or `/sub/path/`). */
  base?: string;
  /** The searching page's `<html lang>`. */
  htmlLang?: string;
  /**
   * Sees every download, as a browser's network panel would: `pagefind.js` and
   * `pagefind-worker.js` first (a browser fetches both; in Node the script is imported from disk
   * and the worker's work runs on the main thread, with the same index requests), then each
   * index file as Pagefind requests it. A listener gets an origin of its own.
   */
  onFetch?: FetchListener;
}

/** Loads the real `pagefind/pagefind.js` of a build folder as a page served at `base` would. */
export async function loadPagefind(
  distDir: string,
  { base = '/', htmlLang = 'en', onFetch }: LoadOptions = {},
): Promise<NodePagefind> {
  const origin = siteOrigin(distDir, base, onFetch);
  installDocument(htmlLang);
  const script = path.join(distDir, PAGEFIND_DIR, 'pagefind.js');
  if (onFetch) {
    for (const name of ['pagefind.js', 'pagefind-worker.js']) {
      const file = `${PAGEFIND_DIR}/${name}`;
      onFetch(file, await readFile(path.join(distDir, file)));
    }
  }
  // The query string makes each load a fresh module (Pagefind keeps its state at module level).
  const moduleUrl = `${pathToFileURL(script).href}?site=${encodeURIComponent(origin)}`;
  const pagefind = (await import(moduleUrl)) as NodePagefind;
  await pagefind.options({ basePath: `${origin}${base}${PAGEFIND_DIR}/`, baseUrl: base });
  await pagefind.init();
  return pagefind;
}

/** The URL a page of the build at `distDir` would fetch `file` (a site path without base) from. */
export function siteUrl(distDir: string, file: string, { base = '/' } = {}): string {
  return `${siteOrigin(distDir, base)}${base}${file}`;
}

interface Site {
  distDir: string;
  base: string;
  onFetch?: FetchListener;
}

/** Made-up origins, one per loaded build (and one per listener), answered from files on disk. */
const sites = new Map<string, Site>();

function siteOrigin(distDir: string, base: string, onFetch?: FetchListener): string {
  if (!onFetch) {
    const known = [...sites].find(([, site]) => site.distDir === distDir && site.base === base && !site.onFetch);
    if (known) return known[0];
  }
  const origin = `http://site-${sites.size + 1}.test`;
  sites.set(origin, { distDir, base, onFetch });
  if (sites.size === 1) installFetch();
  return origin;
}

function installFetch(): void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const site = sites.get(url.origin);
    if (!site) return realFetch(input, init);
    if (!url.pathname.startsWith(site.base)) return new Response('outside the site base', { status: 404 });
    const file = decodeURIComponent(url.pathname.slice(site.base.length));
    let content: Buffer;
    try {
      content = await readFile(path.join(site.distDir, file));
    } catch {
      return new Response('not found', { status: 404 });
    }
    site.onFetch?.(file, content);
    return new Response(new Uint8Array(content));
  };
}

function installDocument(htmlLang: string): void {
  const html = { getAttribute: (name: string) => (name === 'lang' ? htmlLang : null) };
  // `currentScript: null` tells Pagefind's wasm glue it is not running from a classic <script>.
  const document = { currentScript: null, querySelector: (selector: string) => (selector === 'html' ? html : null) };
  Object.assign(globalThis, { document });
}
