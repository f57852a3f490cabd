import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, type Report } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../../scripts/lib/checks/check-links';
import { REPO_ROOT } from '../../src/lib/paths';
import { DIST } from '../setup/dist';

const CONFIG_FILE = path.join(REPO_ROOT, '.htmlvalidate.json');

/**
 * Every way .htmlvalidate.json departs from html-validate:recommended, and why (JSON has no
 * comments, so the reasons live here and the test below keeps the two in step).
 */
const DELIBERATE_DEPARTURES: Record<string, string> = {
  'long-title':
    'a paper page is titled with the full paper title, which readers and search engines look it up by; the rule is an SEO length hint, not an HTML error',
  'aria-label-misuse':
    'lists are named on purpose ("Links", "Details", "Search results") so screen readers announce what a list holds; ARIA allows naming them, and allowAnyNamable still rejects names on elements that cannot carry one',
  'form-dup-name':
    'the search page offers each facet as a group of checkboxes sharing one name (section=a&section=b), as HTML forms intend; the rule allows shared names for radios and buttons only by default',
  'no-trailing-whitespace':
    'templates are formatted by Prettier, which lays JSX expressions out over several lines; Astro keeps those line breaks as white space, which the page collapses. It is the layout of the generated source, nothing a reader sees',
};

/** Uses .htmlvalidate.json, found from each file's path as the CLI would. */
const validator = new HtmlValidate(new FileSystemConfigLoader());

/**
 * Every error and warning as `rule: message` → where (`page:line:column`). A template mistake
 * repeats on every page: a few places and a count say it more clearly than hundreds of lines.
 */
function findings(reports: readonly Report[], relativeTo: string): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const result of reports.flatMap((report) => report.results)) {
    for (const message of result.messages) {
      const where = `${path.relative(relativeTo, result.filePath)}:${message.line}:${message.column}`;
      (grouped[`${message.ruleId}: ${message.message}`] ??= []).push(where);
    }
  }
  for (const places of Object.values(grouped)) {
    if (places.length > 3) places.splice(3, places.length, `… ${places.length - 3} more`);
  }
  return grouped;
}

describe('HTML validity', () => {
  it('every page of the build is valid HTML (html-validate:recommended)', async () => {
    const pages = htmlFiles(DIST);
    expect(pages.length).toBeGreaterThan(100);
    const reports = await Promise.all(pages.map((page) => validator.validateFile(path.join(DIST, page))));
    expect(findings(reports, DIST)).toEqual({});
  });

  it('departs from the recommended rules only where a reason is written down', () => {
    const config = JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) as { extends: string[]; rules?: Record<string, unknown> };
    expect(config.extends).toEqual(['html-validate:recommended']);
    expect(Object.keys(config.rules ?? {}).sort()).toEqual(Object.keys(DELIBERATE_DEPARTURES).sort());
  });

  it('still reports real errors with this configuration', async () => {
    const probe = `<!doctype html><html lang="en"><head><title>t</title></head><body>
      <p id="a" style="color: red">one</p><p id="a">two</p></p><img src="x.png"><div aria-label="not namable">x</div></body></html>`;
    const rules = (await validator.validateString(probe, path.join(DIST, 'probe.html'))).results.flatMap((result) =>
      result.messages.map((message) => message.ruleId),
    );
    for (const rule of ['no-dup-id', 'no-inline-style', 'close-order', 'wcag/h37', 'aria-label-misuse'])
      expect(rules).toContain(rule);
  });
});
