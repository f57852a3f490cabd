import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe } from 'vitest';
import { CHROME_PATH, launchChromium } from '../../scripts/lib/chromium';
import { serveDist, type ServedSite } from '../../scripts/lib/static-server';

export { CHROME_PATH, serveDist, type ServedSite };

/**
 * Shared browser-test plumbing: Debian's Chromium driven by playwright-core, and a static file
 * server over a build (dist/ or dist-subpath/). Usage:
 *
 *   browserSuite('the thing', () => {
 *     afterAll(closeServers);
 *     it('works', () => withPage(DIST, async (page, site) => { await page.goto(site.url('about/')); … }));
 *   });
 *
 * Without a Chromium the suite is skipped with one loud line, or fails when REQUIRE_BROWSER=1 (CI).
 */
const browserFound = existsSync(CHROME_PATH);
const browserRequired = process.env.REQUIRE_BROWSER === '1';

if (!browserFound && !browserRequired) {
  console.warn('Browser tests skipped: no Chromium found. Install it with `apt-get install chromium` or set CHROME_PATH.');
}

/** `describe` for suites that need Chromium; when it is required but missing, launching fails the suite. */
export const browserSuite = describe.skipIf(!browserFound && !browserRequired);

/**
 * One Chromium per test worker: files of a worker share this module (isolate: false in
 * vitest.config.ts), so the next browser file of the worker reuses it rather than paying for a
 * launch again. Playwright closes it when the worker exits; once it disconnects (a crash, a
 * close) the next call launches another.
 */
let browser: Promise<Browser> | undefined;
const sites = new Map<string, Promise<ServedSite>>();

export function launchBrowser(): Promise<Browser> {
  if (!browserFound)
    return Promise.reject(
      new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROME_PATH}: install it (apt-get install chromium) or set CHROME_PATH`),
    );
  browser ??= launchChromium().then(
    (launched) => launched.on('disconnected', () => (browser = undefined)),
    (error: unknown) => {
      browser = undefined;
      throw error;
    },
  );
  return browser;
}

/** Closes every server this file started, and the pages it left open: call it in `afterAll`. */
export async function closeServers(): Promise<void> {
  const closing = [...sites.values()].map(async (site) => (await site).close());
  sites.clear();
  if (browser) {
    const open = await browser.catch(() => undefined);
    for (const context of open?.contexts() ?? []) closing.push(context.close());
  }
  await Promise.all(closing);
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

/**
 * The axe rules whose outcome depends on the colours (text and link contrast): all that can differ
 * between the themes of one page, so the dark pass runs only these after a full light pass.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * The serious and critical axe violations of the page `open` loads, in the light theme (every
 * rule) and the dark one (the colour rules), one line each: `dark: color-contrast: .card a, …`.
 */
export async function seriousAxeViolations(page: Page, open: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await open();
    // Legacy mode merges frames' results inside the page, as axe-core does by itself; the default
    // opens a blank page to merge them, which costs as much again as the run (same results).
    const axe = new AxeBuilder({ page }).setLegacyMode();
    const { violations } = await (scheme === 'dark' ? axe.withRules(COLOUR_RULES) : axe).analyze();
    for (const violation of violations)
      if (violation.impact === 'serious' || violation.impact === 'critical')
        lines.push(
          `${scheme}: ${violation.id}: ${violation.nodes
            .map((node) => node.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
        );
  }
  return lines;
}
