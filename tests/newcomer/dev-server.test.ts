import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openContentRoot } from '../../src/lib/content/content-root';
import type { EntrySource } from '../../src/lib/content/entry-files';
import { browserSuite, closeServers, launchBrowser } from '../helpers/browser';
import { cleanUp, copyEnv, copyProject, runIn, startIn, type StartedCommand } from '../helpers/project-copy';

/**
 * `npm run dev` while an entry is broken, for real: the dev server of a clean copy of the project,
 * with Chromium on its pages. The terminal and Astro's error overlay say what `npm run validate`
 * says (`path:line: field: message`, once), the server starts even with a broken entry, and
 * saving the fixed file brings the page back.
 */
const WAIT = { timeout: 120_000, interval: 100 };

let copy: string;
let entry: EntrySource;
let good: string;
let dev: StartedCommand;
let page: Page;
let site: string;

/** The entry's text with its title line replaced (or removed, with `''`). */
const withTitleLine = (line: string) => good.replace(/^title: .*\n/m, line);

/** The line `npm run validate` prints for the entry now. */
async function validateLine(): Promise<string> {
  const run = await runIn(copy, 'npm', ['run', '--silent', 'validate'], copyEnv());
  const relative = path.relative(copy, entry.file);
  const lines = run.output.split('\n').filter((line) => line.startsWith(`${relative}:`) && !line.includes(': warning: '));
  expect(lines, run.output).toHaveLength(1);
  return lines[0]!;
}

/** What the overlay's message says, null while there is no overlay, undefined while the page reloads. */
const overlayMessage = () =>
  page
    .evaluate(
      () => document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector('#message-content')?.textContent ?? null,
    )
    .catch(() => undefined);

/** The entry's page, loaded afresh: its heading. */
async function headingOfEntryPage(): Promise<string | null> {
  await page.goto(`${site}${entry.section}/${entry.id}/`);
  return page.locator('h1').first().textContent();
}
const title = () => (entry.data as { title: string }).title;

/** How many times the dev server's terminal printed `line` (Astro's prefix before it, the loader's hint after). */
const timesPrinted = (line: string) =>
  dev
    .output()
    .split('\n')
    .filter((printed) => printed.includes(`] ${line}`)).length;

browserSuite('npm run dev and a broken entry', () => {
  beforeAll(() => {
    copy = copyProject('dev-server-');
    entry = openContentRoot(path.join(copy, 'content'))
      .entrySources()
      .find((source) => source.format === 'yaml')!;
    good = readFileSync(entry.file, 'utf8');
  });
  afterAll(async () => {
    await closeServers();
    await cleanUp(copy);
  });
  // What the server printed says why a test failed.
  afterEach(({ task }) => {
    if (task.result?.state === 'fail' && dev) console.error(`npm run dev printed:\n${dev.output()}`);
  });

  it('starts with a broken entry, printing the line validate prints, once', async () => {
    // An unquoted colon: YAML reads a nested mapping.
    writeFileSync(entry.file, withTitleLine('title: Foo: Bar\n'));
    const expected = await validateLine();
    expect(expected).toContain('quote the title: title: "Foo: Bar"');
    dev = startIn(copy, 'npm', ['run', 'dev', '--', '--host', '127.0.0.1']);
    site = (await dev.waitFor(/Local\s+(http:\/\/\S+)/))[1]!;
    expect(timesPrinted(expected), dev.output()).toBe(1);
  });

  it('shows that line in the overlay, and the page once the file is fixed', async () => {
    const expected = await validateLine();
    page = await (await launchBrowser()).newPage();
    await page.goto(site);
    await expect.poll(overlayMessage, WAIT).toBe(expected);
    writeFileSync(entry.file, good);
    await expect.poll(overlayMessage, WAIT).toBeNull();
    // The fixed entry is stored again as the page reloads: ask until it is there.
    await expect.poll(headingOfEntryPage, WAIT).toBe(title());
  });

  it('shows a mistake saved while it runs on the open page, in the terminal and the overlay, and recovers', async () => {
    writeFileSync(entry.file, withTitleLine(''));
    await expect.poll(overlayMessage, WAIT).toMatch(/: title: is required$/);
    const expected = await validateLine();
    expect(await overlayMessage()).toBe(expected);
    await expect.poll(() => timesPrinted(expected), WAIT).toBe(1);
    writeFileSync(entry.file, good);
    // The server reloads the page once no entry is broken.
    await expect.poll(overlayMessage, WAIT).toBeNull();
    await expect.poll(() => page.locator('h1').first().textContent(), WAIT).toBe(title());
  });
});
