import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NEWEST_FIRST_PATH } from '../../src/lib/routes';
import { loadDateRanks, type DateRanks, type PagefindApi } from '../../src/client/search/pagefind';

/** Pagefind's API as the site uses it, plus what tests inspect. */
export interface NodePagefind extends PagefindApi {
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Loads the real `pagefind/pagefind.js` of a build (dist/ or dist-subpath/) in Node, the way a
 * page served at `base` would: its fetches for the index are read from `distDir`, and a minimal
 * `document` answers `<html lang>` (Pagefind reads it to pick the index and how to split the
 * query). No part of Pagefind is mocked.
 */
export async function loadPagefind(distDir: string, { base = '/', htmlLang = 'en' } = {}): Promise<NodePagefind> {
  const origin = siteOrigin(distDir, base);
  installDocument(htmlLang);
  // The query string makes each load a fresh module (Pagefind keeps its state at module level).
  const moduleUrl = `${pathToFileURL(path.join(distDir, 'pagefind', 'pagefind.js')).href}?site=${encodeURIComponent(origin)}`;
  const pagefind = (await import(moduleUrl)) as NodePagefind;
  await pagefind.options({ basePath: `${origin}${base}pagefind/`, baseUrl: base });
  await pagefind.init();
  return pagefind;
}

/** The date order of a build (dist/ or dist-subpath/), fetched the way its pages fetch it. */
export function loadDateRanksOf(distDir: string, { base = '/' } = {}): () => Promise<DateRanks> {
  const url = `${siteOrigin(distDir, base)}${base}${NEWEST_FIRST_PATH}`;
  return () => loadDateRanks(url);
}

/** Made-up origins, one per loaded build, whose requests are answered from files on disk. */
const sites = new Map<string, { distDir: string; base: string }>();

function siteOrigin(distDir: string, base: string): string {
  const known = [...sites].find(([, site]) => site.distDir === distDir && site.base === base);
  if (known) return known[0];
  const origin = `http://site-${sites.size + 1}.test`;
  sites.set(origin, { distDir, base });
  if (sites.size === 1) {
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const site = sites.get(url.origin);
      if (!site) return realFetch(input, init);
      if (!url.pathname.startsWith(site.base)) return new Response('outside the site base', { status: 404 });
      try {
        return new Response(await readFile(path.join(site.distDir, decodeURIComponent(url.pathname.slice(site.base.length)))));
      } catch {
        return new Response('not found', { status: 404 });
      }
    };
  }
  return origin;
}

function installDocument(htmlLang: string): void {
  const html = { getAttribute: (name: string) => (name === 'lang' ? htmlLang : null) };
  // `currentScript: null` tells Pagefind's wasm glue it is not running from a classic <script>.
  const document = { currentScript: null, querySelector: (selector: string) => (selector === 'html' ? html : null) };
  Object.assign(globalThis, { document });
}
