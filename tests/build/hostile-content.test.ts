import { siteLocation } from '../../src/site.config';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles } from '../../scripts/lib/checks/check-links';
import { REPO_ROOT } from '../../src/lib/paths';
import { browserSuite, closeServers, consoleErrors, withPage } from '../helpers/browser';
import { runIn, type CommandRun } from '../helpers/project-copy';
import { buildEnv } from '../setup/build-site';
import { DIST, FIXTURE_CONTENT } from '../setup/dist';

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/hostile');
/** Copies of the project (see buildHostileSite); gitignored through dist-*. */
const HOSTILE_PROJECT = path.join(REPO_ROOT, 'dist-hostile');
const REJECTED_PROJECT = path.join(REPO_ROOT, 'dist-hostile-rejected');
const HOSTILE_DIST = path.join(HOSTILE_PROJECT, 'dist');
/** A whole build in a hook or test: under a minute idle, several with every core busy. */
const BUILD_TIMEOUT = 900_000;
/** What the site needs to build; content comes from CONTENT_DIR. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const SVG = '"><svg onload=alert(1)>';
const HOSTILE_TITLE = `${SCRIPT} Hostile Title`;

const contentDirs: string[] = [];
afterAll(() => {
  for (const dir of contentDirs) rmSync(dir, { recursive: true, force: true });
});

/** A registry, about.md and the given fixture entries in a fresh content folder. */
function contentWith(fixtures: 'accepted' | 'rejected'): string {
  const dir = mkdtempSync(path.join(tmpdir(), `hostile-${fixtures}-`));
  contentDirs.push(dir);
  for (const file of ['sections.yaml', 'about.md']) copyFileSync(path.join(FIXTURE_CONTENT, file), path.join(dir, file));
  cpSync(path.join(FIXTURES, fixtures), dir, { recursive: true });
  return dir;
}

/**
 * Builds a site from the given content in a copy of the project under dist-hostile/. A build in
 * the checkout itself would share .astro/ and node_modules/.astro (content store, MDX module map)
 * with the other builds the suites make, and could leak hostile entries into them.
 * Inside the repository, the copy still resolves packages from its node_modules.
 */
async function buildHostileSite(contentDir: string, project: string): Promise<CommandRun> {
  rmSync(project, { recursive: true, force: true });
  for (const file of PROJECT_FILES) cpSync(path.join(REPO_ROOT, file), path.join(project, file), { recursive: true });
  // Not spawnSync: a worker blocked for the minutes a build takes on a busy machine cannot answer Vitest.
  const built = await runIn(project, 'npx', ['astro', 'build'], { ...buildEnv(), CONTENT_DIR: contentDir });
  if (built.status !== 0) return built;
  // Then the search index over it, as `npm run build`'s last step does.
  return runIn(
    REPO_ROOT,
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'scripts/build-search-index.ts'), path.join(project, 'dist')],
    buildEnv(),
  );
}

const pageOf = (dist: string, file: string): CheerioAPI => load(readFileSync(path.join(dist, file), 'utf8'));
const paperPage = (sitePath: string) => pageOf(HOSTILE_DIST, `${sitePath}/index.html`);

/** Attributes whose value a browser loads or navigates to. */
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'xlink:href', 'data', 'background', 'cite'];
/** Schemes that run code or carry a whole document; browsers ignore case, whitespace and control characters. */
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/i;
const unsafeUrl = (value: string) => UNSAFE_SCHEME.test(value.replace(/[\u0000-\u0020]/g, ''));

/**
 * Everything in a page that could run code: inline event handlers, code-running URLs, scripts
 * that are not the site's own files (`/_astro/`, `/pagefind/`, `theme.js` under `base`), inline
 * script bodies, embedding elements. One line per finding, so a failure names each one.
 */
function liveMarkup($: CheerioAPI, page: string, base = '/'): string[] {
  const found: string[] = [];
  const ownScript = new RegExp(`^${base}(?:_astro/|pagefind/|theme\\.js$)`);
  $('*').each((_, element) => {
    if (!('attribs' in element)) return;
    const tag = element.tagName;
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name)) found.push(`${page}: <${tag} ${name}>`);
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && unsafeUrl(value)) found.push(`${page}: <${tag} ${name}="${value}">`);
    }
    if (['iframe', 'object', 'embed', 'base', 'frame'].includes(tag)) found.push(`${page}: <${tag}>`);
    if (tag === 'meta' && /refresh/i.test($(element).attr('http-equiv') ?? '')) found.push(`${page}: <meta http-equiv=refresh>`);
  });
  $('script').each((_, element) => {
    const src = $(element).attr('src');
    if (src === undefined || !ownScript.test(src))
      found.push(`${page}: <script src="${src ?? ''}"> is not one of the site's own files`);
    if ($(element).text().trim()) found.push(`${page}: <script> with an inline body`);
  });
  return found;
}

describe('hostile entries', () => {
  let build: CommandRun;
  beforeAll(async () => {
    build = await buildHostileSite(contentWith('accepted'), HOSTILE_PROJECT);
  }, BUILD_TIMEOUT);

  it('pass validation and build', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('leave no live markup on any page: no handlers, no javascript:/data: URLs, only the site’s own scripts', () => {
    const pages = htmlFiles(HOSTILE_DIST);
    expect(pages).toContain('mllm/hostile-fields/index.html');
    expect(pages.flatMap((page) => liveMarkup(pageOf(HOSTILE_DIST, page), page))).toEqual([]);
  });

  it('show every field’s markup as text', () => {
    const $ = paperPage('mllm/hostile-fields');
    expect($('h1').text()).toBe(HOSTILE_TITLE);
    expect($('head > title').text()).toContain(HOSTILE_TITLE);
    const note = $('.note-block').text();
    for (const text of [IMG, SVG, '<a href="javascript:alert(1)">raw link</a>']) expect(note).toContain(text);
    // Links with a code-running URL keep their label, as text.
    expect(note).toMatch(/then js then data then/);
    // The facts, and the byline its record gives it (the entry's venue and authors: SVG).
    const facts = $('dl.facts').text() + $('.byline').text();
    for (const text of [SVG, IMG, `#${SCRIPT}`]) expect(facts).toContain(text);
    expect($('.byline .venue').text()).toBe(SVG);
    expect($('a.link-chip').first().attr('href')).toBe('https://example.org/paper?q="><svg/onload=alert(1)>');
    // Its scholarly record (accepted/records/): the abstract and the record's links as text and URLs.
    expect($('section.abstract p').text()).toBe(
      'An abstract with markup: <script>alert(1)</script> and <img src=x onerror=alert(1)> and "><svg onload=alert(1)>.',
    );
    expect($('a.link-chip[href^="https://example.org/x.pdf"]').attr('href')).toBe(
      'https://example.org/x.pdf?q="><svg/onload=alert(1)>',
    );
    expect($('article .byline img, article .abstract img, article .abstract script')).toHaveLength(0);

    const list = pageOf(HOSTILE_DIST, 'mllm/index.html');
    expect(list('article[data-id="hostile-fields"] .paper-title').text().trim()).toBe(HOSTILE_TITLE);
    expect(list('article[data-id="hostile-fields"] .note').text()).toContain(IMG);
  });

  it('keep the labels of links whose URL runs code, written any way Markdown allows', () => {
    const $ = paperPage('mllm/hostile-markdown-links');
    expect($('.note-block').text().replace(/\s+/g, ' ')).toContain('a b c d e');
    expect($('.note-block a')).toHaveLength(0);
  });

  it('render an .md long note as Markdown only: raw HTML and code-running links become text', () => {
    const $ = paperPage('unified/hostile-long-note');
    const note = $('.long-note');
    expect(note.text()).toContain(`Escaped markup stays text: ${SCRIPT} and ${IMG}.`);
    expect(note.text()).toContain('Raw HTML stays text too: <script>alert(2)</script> and <img src=x onerror=alert(2)>.');
    expect(note.text()).toContain('<iframe src="javascript:alert(3)"></iframe>');
    expect(note.text()).toContain('js');
    expect(note.find('a, img, script, iframe')).toHaveLength(0);
  });

  describe('the allow-listed MDX components, with hostile attribute values', () => {
    const note = () => paperPage('mllm/hostile-components')('.long-note');

    it('<PaperRef> renders a link to the paper, with its title as text', () => {
      const link = note().find('a.paper-ref');
      expect(link).toHaveLength(1);
      expect(link.attr('href')).toBe('/mllm/hostile-fields/');
      expect(link.text()).toBe(HOSTILE_TITLE);
    });

    it('<Callout> renders an aside with its title as text, and cleans the links inside it', () => {
      const callout = note().find('aside.callout.callout-caveat');
      expect(callout).toHaveLength(1);
      expect(callout.attr('aria-label')).toBe("'><img src=x onerror=alert(1)>");
      expect(callout.find('.callout-title').text()).toBe("'><img src=x onerror=alert(1)>");
      expect(callout.find('p').last().text()).toBe('Inside a component, links are cleaned too: js and data.');
      expect(callout.find('a, img')).toHaveLength(0);
    });

    it('<Figure> renders the image from public/ under the base, alt as text, the caption as safe inline Markdown', () => {
      const figure = note().find('figure.entry-figure');
      expect(figure.find('img').attr('src')).toBe('/favicon.svg');
      expect(figure.find('img').attr('alt')).toBe('"><svg onload=alert(1)>');
      expect(figure.find('figcaption').text()).toBe('<img src=x onerror=alert(1)> js');
      expect(figure.find('figcaption *')).toHaveLength(0);
    });

    it('<Results> renders the table with its alignment as a class (no inline style) and the caption as text', () => {
      const results = note().find('figure.entry-results');
      expect(results.find('table th.align-right').text()).toBe('Score');
      expect(results.find('td.align-right').text()).toBe('1.0');
      expect(results.find('td').first().text()).toBe('js');
      expect(results.find('a, [style]')).toHaveLength(0);
      expect(results.find('figcaption').text()).toBe("<script>alert(1)</script> — '><svg onload=alert(1)>");
    });
  });

  it('reach the RSS feed as text: each item’s description is HTML without live markup', () => {
    const $ = load(readFileSync(path.join(HOSTILE_DIST, 'rss.xml'), 'utf8'), { xml: true });
    const items = $('item');
    expect(items.length).toBe(4);
    items.each((_, item) => {
      expect($(item).find('title').text()).not.toBe('');
      // Feed readers render <description> as HTML: check it as a page of its own.
      const description = $(item).find('description').text();
      expect(liveMarkup(load(description), `rss.xml item "${$(item).find('title').text()}"`)).toEqual([]);
      expect(load(description)('a, img')).toHaveLength(0);
    });
  });

  browserSuite('in Chromium', () => {
    afterAll(closeServers);

    it('run nothing: no dialog, no CSP violation, and search shows the markup as text', () =>
      withPage(HOSTILE_DIST, async (page, site) => {
        const errors = consoleErrors(page);
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        for (const sitePath of [
          '',
          'mllm/',
          'mllm/hostile-fields/',
          'mllm/hostile-markdown-links/',
          'unified/hostile-long-note/',
          'mllm/hostile-components/',
          'tags/',
        ]) {
          await page.goto(site.url(sitePath), { waitUntil: 'load' });
        }
        await page.keyboard.press('/');
        await page.keyboard.type('Hostile');
        const hits = page.locator('[data-site-search] .search-hit-title');
        await hits.first().waitFor();
        expect(await hits.allTextContents()).toContain(HOSTILE_TITLE);
        await page.goto(site.url('search/?q=onerror'), { waitUntil: 'load' });
        await page.locator('[data-search-page-results] li').first().waitFor();
        expect(await page.locator('[data-search-page-results]').textContent()).toContain('onerror=alert(1)');
        expect(await page.locator('[data-search-page-results] img, [data-search-page-results] svg[onload]').count()).toBe(0);
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
      }));
  });
});

describe('entries the validator must refuse', () => {
  it(
    'fail the build, each named: MDX that tries to break out, a dangling reference, a javascript: link, and records with one or without a paper',
    { timeout: BUILD_TIMEOUT },
    async () => {
      const build = await buildHostileSite(contentWith('rejected'), REJECTED_PROJECT);
      const output = build.output;
      expect(build.status, output).not.toBe(0);
      for (const expected of [
        /mllm\/jsx-script\.mdx:9: \(body\): HTML element <script> is not allowed/,
        /mllm\/jsx-handler\.mdx:9: \(body\): HTML element <img> is not allowed/,
        /mllm\/esm-import\.mdx:9: \(body\): import\/export statements are not allowed/,
        /mllm\/esm-import\.mdx:11: \(body\): expression \{fs\.readFileSync/,
        /mllm\/expression-attribute\.mdx:9: \(body\): <PaperRef id=\{process\.exit\(1\)\}>: attribute values must be text in quotes/,
        /mllm\/spread-props\.mdx:9: \(body\): <Callout> with spread attributes \{\.\.\.globalThis\.props\} is not allowed/,
        /mllm\/event-handler\.mdx:9: \(body\): <Figure onLoad>: event-handler attributes are not allowed/,
        /mllm\/unknown-component\.mdx:9: \(body\): unknown component <Chart>: entries may use only/,
        /mllm\/dangling-ref\.mdx:9: \(body\): <PaperRef id="no-such-paper"> names no entry of the list/,
        /mllm\/javascript-url\.yaml:4: links\.0\.url: must start with http:\/\/ or https:\/\//,
        /records\/mllm\/javascript-url\.yaml:7: url: must start with http:\/\/ or https:\/\//,
        /records\/mllm\/no-such-entry\.yaml:1: \(file\): is the record of mllm\/no-such-entry, which is no longer an entry/,
      ]) {
        expect(output).toMatch(expected);
      }
      expect(output).toMatch(/content validation failed with 12 errors/);
    },
  );
});

describe('the site’s defences', () => {
  let pages: string[];
  beforeAll(() => {
    pages = htmlFiles(DIST);
  });

  it('has no live markup the CSP would have to block: handlers, javascript: URLs, foreign or inline scripts', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.flatMap((page) => liveMarkup(pageOf(DIST, page), page))).toEqual([]);
  });

  it('has no style attributes (style-src forbids inline styles)', () => {
    const styled = pages.flatMap((page) => {
      const $ = pageOf(DIST, page);
      return $('[style]')
        .map((_, element) => `${page}: <${element.tagName} style="${$(element).attr('style')}">`)
        .get();
    });
    expect(styled).toEqual([]);
  });

  it('opens every link to another site with rel="noopener noreferrer"', () => {
    const unprotected = pages.flatMap((page) => {
      const $ = pageOf(DIST, page);
      return $('a[href^="http:"], a[href^="https:"]')
        .filter((_, element) => new URL($(element).attr('href')!).origin !== siteLocation().siteUrl)
        .filter((_, element) => {
          const rel = ($(element).attr('rel') ?? '').split(/\s+/);
          return !rel.includes('noopener') || !rel.includes('noreferrer');
        })
        .map((_, element) => `${page}: ${$(element).attr('href')}`)
        .get();
    });
    expect(unprotected).toEqual([]);
  });

  it('puts a strict Content-Security-Policy first in every page’s head', () => {
    for (const page of pages) {
      const $ = pageOf(DIST, page);
      const metas = $('meta[http-equiv="Content-Security-Policy"]');
      expect(metas, page).toHaveLength(1);
      const directives = new Map(
        metas
          .attr('content')!
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .map(([name, ...values]) => [name!, values]),
      );
      expect(directives.get('script-src'), page).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(directives.get('default-src'), page).toEqual(["'self'"]);
      expect(directives.get('object-src'), page).toEqual(["'none'"]);
      expect(directives.get('style-src'), page).toEqual(["'self'"]);
      const sources = [...directives.values()].flat();
      for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:'])
        expect(sources, page).not.toContain(loose);
      // A CSP in a meta tag only governs what comes after it.
      const head = $('head').children().toArray();
      const firstLoad = head.findIndex((element) => element.tagName === 'script' || element.tagName === 'link');
      expect(head.indexOf(metas[0]!), page).toBeLessThan(firstLoad);
    }
  });
});
