import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, beforeEach } from 'vitest';
import { FORM_FIELDS } from '../../scripts/lib/suggestion/form';
import { siteAddress, suggest } from '../../scripts/lib/suggestion/suggest';
import { REPO_ROOT } from '../../src/lib/paths';
import { answeringLookup } from './records';

/** What the suggestion tests share: the fixture issues, content and arXiv answers, a form body, a run. */
export const FIXTURES = path.join(REPO_ROOT, 'tests/unit/fixtures/suggestion');
export const fixture = (...parts: string[]) => readFileSync(path.join(FIXTURES, ...parts), 'utf8');
export const TODAY = '2025-03-04';
export const ISSUE = 42;

/** An issue body as GitHub renders the form, from answers by field id (absent: `_No response_`). */
export function formBody(answers: Partial<Record<(typeof FORM_FIELDS)[number]['id'], string>>): string {
  return FORM_FIELDS.map((field) => `### ${field.label}\n\n${answers[field.id] ?? '_No response_'}`).join('\n\n');
}

/** A fresh copy of the fixture content for each test of the file: `content.root` is the current one. */
export function fixtureContentEachTest(): { readonly root: string } {
  const content = { root: '' };
  beforeEach(() => {
    content.root = path.join(mkdtempSync(path.join(tmpdir(), 'suggestion-')), 'content');
    cpSync(path.join(FIXTURES, 'content'), content.root, { recursive: true });
  });
  afterEach(() => rmSync(path.dirname(content.root), { recursive: true, force: true }));
  return content;
}

/** suggest() on `root`, with arXiv's recorded answer (or `feed`) and the default site. */
export const suggestOn = (root: string, body: string, feed = fixture('arxiv', '2101.05225.xml')) =>
  suggest(body, { root, today: TODAY, issue: ISSUE, lookup: answeringLookup(feed), site: siteAddress({}) });

/** Text of the Markdown outside code spans and blocks: what GitHub would render as markup, mentions, references. */
export function textOutsideCode(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const out: string[] = [];
  const walk = (node: { type: string; value?: string; url?: string; children?: unknown[] }) => {
    if (node.type === 'code' || node.type === 'inlineCode') return;
    if (node.value) out.push(node.value);
    if (node.url) out.push(node.url);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree);
  return out.join('\n');
}
