import { afterAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contentEntries } from '../helpers/content';
import { browserSuite, closeServers, consoleErrors, withPage } from '../helpers/browser';
import { DIST } from '../setup/dist';

const entries = contentEntries();
const A_PAPER = `${entries[0]!.section}/${entries[0]!.id}/`;

/**
 * Records every `securitypolicyviolation` event of every document the page opens. The listener
 * is installed by Playwright before any page script runs, and reports through a binding, so the
 * page's own CSP cannot block the reporting.
 */
async function cspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
      report(
        `${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return violations;
}

browserSuite('the Content-Security-Policy in Chromium', () => {
  afterAll(closeServers);

  it('home, a section, a paper page and both searches run without a violation or a console error', () =>
    withPage(DIST, async (page, site) => {
      const errors = consoleErrors(page);
      const violations = await cspViolations(page);

      for (const sitePath of ['', `${entries[0]!.section}/`, A_PAPER]) {
        await page.goto(site.url(sitePath), { waitUntil: 'load' });
        expect(await page.locator('h1').count(), sitePath).toBeGreaterThan(0);
      }
      // Theme toggle: scripts that change the page's look must not need inline styles.
      await page.locator('[data-theme-toggle]').click();

      // The header search loads Pagefind and its WebAssembly (script-src 'wasm-unsafe-eval').
      await page.keyboard.press('/');
      await page.keyboard.type('DPO');
      await page.locator('[data-site-search] .search-hit-link').first().waitFor();

      // The search page, filled from the query string.
      await page.goto(site.url('search/?q=幻觉'), { waitUntil: 'load' });
      await page.locator('[data-search-page-results] li').first().waitFor();

      expect(violations).toEqual([]);
      expect(errors, 'console errors (CSP violations are logged there too)').toEqual([]);
    }));

  it('catches a violation when a page breaks the policy (the listener works)', () =>
    withPage(DIST, async (page, site) => {
      const errors = consoleErrors(page);
      const violations = await cspViolations(page);
      await page.goto(site.url(''), { waitUntil: 'load' });
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.body.append(script);
        document.body.setAttribute('style', 'color: red');
      });
      await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
      expect(violations.join('\n')).toMatch(/script-src-elem blocked inline/);
      expect(violations.join('\n')).toMatch(/style-src-attr blocked inline/);
      expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
      expect(errors.join('\n')).toMatch(/Content Security Policy/);
    }));
});
