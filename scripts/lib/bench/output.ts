import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';

/**
 * The weight of a build: bytes as served (gzip for text), folder sizes, the largest page, and
 * what a visit to one page downloads before search opens.
 */

export interface Bytes {
  raw: number;
  /** What a static host sends: gzip for text, the file as is for already-compressed data. */
  served: number;
}

/** Pagefind's index, fragments and WebAssembly are gzip-compressed by Pagefind already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt']);

export function servedBytes(file: string, content: Buffer): Bytes {
  const compressible = COMPRESSIBLE.has(path.extname(file).toLowerCase());
  return { raw: content.length, served: compressible ? gzipSync(content).length : content.length };
}

export function addBytes(...parts: Bytes[]): Bytes {
  return parts.reduce((sum, part) => ({ raw: sum.raw + part.raw, served: sum.served + part.served }), { raw: 0, served: 0 });
}

export function directoryStats(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

export function countFiles(dir: string, extension: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith(extension)).length;
}

export interface LargestPage {
  /** Path under the site root. */
  file: string;
  bytes: number;
  /** Paper cards on it: a listing should show at most a page's worth (PAGE_SIZE). */
  cards: number;
}

/** The biggest HTML file of a build, with how many paper cards it lists. */
export function largestPage(distDir: string): LargestPage {
  let largest = { file: '', bytes: -1 };
  for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const bytes = statSync(path.join(distDir, file)).size;
    if (bytes > largest.bytes) largest = { file, bytes };
  }
  const html = readFileSync(path.join(distDir, largest.file), 'utf8');
  return { ...largest, cards: html.split(PAPER_CARD_MARKUP).length - 1 };
}

/** How src/lib/render/paper-card.ts opens a card. */
const PAPER_CARD_MARKUP = '<article class="paper-card"';

/**
 * A paper page's budget (issue #13): its HTML, stylesheets and eager scripts, counted raw by
 * pageWeight, stay under this. The benchmark checks it at every size, tests/build on the real list.
 */
export const PAPER_PAGE_MAX_RAW_BYTES = 30 * 1024;

export interface PageWeight {
  html: Bytes;
  css: Bytes;
  js: Bytes;
  total: Bytes;
  /** Site paths of the stylesheets and scripts counted. */
  assets: string[];
}

/**
 * The bytes a visit to `pagePath` costs before search opens: the HTML, its stylesheets, and the
 * scripts it loads eagerly with what they import statically. Pagefind's files (loaded when search
 * opens) and images are not counted.
 */
export function pageWeight(distDir: string, pagePath: string, base = '/'): PageWeight {
  const htmlFile = path.join(distDir, pagePath, pagePath.endsWith('.html') ? '' : 'index.html');
  const $ = load(readFileSync(htmlFile));
  const fromPage = (href: string | undefined) => (href ? siteFile(href, path.posix.join(base, pagePath, '/'), base) : undefined);
  const stylesheets = $('link[rel~="stylesheet"]')
    .map((_, el) => fromPage($(el).attr('href')))
    .get();
  const scripts = [
    ...$('script[src]')
      .map((_, el) => fromPage($(el).attr('src')))
      .get(),
    ...$('link[rel="modulepreload"]')
      .map((_, el) => fromPage($(el).attr('href')))
      .get(),
  ];
  const notSearch = (sitePath: string) => !sitePath.startsWith(`${base}pagefind/`);
  const css = [...new Set(stylesheets.filter(notSearch))];
  const js = withStaticImports(distDir, scripts.filter(notSearch), base);
  const weigh = (sitePaths: readonly string[]) =>
    addBytes(
      ...sitePaths.map((sitePath) => servedBytes(sitePath, readFileSync(path.join(distDir, sitePath.slice(base.length))))),
    );
  const html = servedBytes(htmlFile, readFileSync(htmlFile));
  const [cssBytes, jsBytes] = [weigh(css), weigh(js)];
  return { html, css: cssBytes, js: jsBytes, total: addBytes(html, cssBytes, jsBytes), assets: [...css, ...js] };
}

/** The site path (`/x/y.js`) of a same-site URL, resolved against the page; undefined for other sites. */
function siteFile(href: string, pageSitePath: string, base: string): string | undefined {
  const url = new URL(href, `http://site.test${pageSitePath}`);
  return url.origin === 'http://site.test' && url.pathname.startsWith(base) ? url.pathname : undefined;
}

/** `import "./x.js"` and `import {a} from "./x.js"` load with the script; `import()` does not. */
const STATIC_IMPORT = /\bimport\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

function withStaticImports(distDir: string, scripts: readonly string[], base: string): string[] {
  const seen = new Set<string>();
  const queue = [...scripts];
  while (queue.length) {
    const script = queue.shift()!;
    if (seen.has(script)) continue;
    seen.add(script);
    const code = readFileSync(path.join(distDir, script.slice(base.length)), 'utf8');
    for (const [, specifier] of code.matchAll(STATIC_IMPORT)) {
      const imported = siteFile(specifier!, script, base);
      if (imported) queue.push(imported);
    }
  }
  return [...seen];
}
