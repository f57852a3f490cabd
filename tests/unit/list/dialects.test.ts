import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSyncReport, planWarnings } from '../../../scripts/lib/list/sync';
import { parseList } from '../../../scripts/lib/list/parse';
import { exportListFromDisk } from '../../../scripts/lib/list/write';
import { fileSnapshot as snapshot } from '../../helpers/content';
import { contentFolder, notEntries, papers, removeContentFolders, sync, UPSTREAM, UPSTREAM_DATES } from '../../helpers/list-sync';

/**
 * Other awesome-list dialects: bulleted entries and `##` section headings read as the numbered
 * `#` list does, remembered, and written back by the export in the dialect they came in.
 */

afterAll(removeContentFolders);

type Rewrite = (line: string) => string;
const bullets: Rewrite = (line) => line.replace(/^(\s*)\d+\.(?!\d)[ \t]*/, '$1- ');
const level2: Rewrite = (line) => line.replace(/^# /, '## ');

/** The list rewritten from its Table of Contents on (the header above it is prose, kept). */
function rewrite(text: string, ...rewrites: Rewrite[]): string {
  const lines = text.split('\n');
  const toc = lines.findIndex((line) => /^# Table of Contents/.test(line));
  return lines.map((line, index) => (index < toc ? line : rewrites.reduce((out, apply) => apply(out), line))).join('\n');
}

let numbered: string;
beforeAll(() => {
  numbered = contentFolder();
  sync(numbered, UPSTREAM, { dates: UPSTREAM_DATES });
});

describe.each([
  ['bulleted entries', [bullets], 'headings: "#"\nentries: "-"\n'],
  ['## section headings', [level2], 'headings: "##"\nentries: numbered\n'],
  ['bulleted entries under ## headings', [bullets, level2], 'headings: "##"\nentries: "-"\n'],
] as const)('the list written with %s', (_, rewrites, remembered) => {
  let root: string;
  beforeAll(() => {
    root = contentFolder();
    sync(root, rewrite(UPSTREAM, ...rewrites), { dates: UPSTREAM_DATES });
  });

  it('syncs to the same content as the numbered # list, and remembers its dialect', () => {
    const [files, expected] = [snapshot(root), snapshot(numbered)];
    expect(papers(files, [])).toEqual(papers(expected, []));
    const { '.list-sync/dialect.yaml': dialect, '.list-sync/last-sync.md': _a, ...rest } = notEntries(files);
    const { '.list-sync/dialect.yaml': numberedDialect, '.list-sync/last-sync.md': _b, ...expectedRest } = notEntries(expected);
    expect(rest).toEqual(expectedRest);
    expect(dialect).toMatch(new RegExp(`${remembered.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(numberedDialect).toMatch(/\nheadings: "#"\nentries: numbered\n$/);
  });

  it('exports back in its own dialect: the numbered export, rewritten the same way', () => {
    const exported = exportListFromDisk(root);
    expect(exported.problems).toEqual([]);
    expect(exported.text).toBe(rewrite(exportListFromDisk(numbered).text, ...rewrites));
  });

  it('syncs its own export, and the list again, without a change', () => {
    const before = snapshot(root);
    expect(sync(root, exportListFromDisk(root).text).ownExport).toBe(true);
    const again = sync(root, rewrite(UPSTREAM, ...rewrites), { dates: UPSTREAM_DATES });
    expect(again.entries.planned.every((entry) => entry.action === 'unchanged')).toBe(true);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('a section mixing numbered and bulleted entries', () => {
  it('is read whole and reported as a warning', () => {
    const lines = UPSTREAM.split('\n');
    const heading = lines.indexOf('# BenchMark and Dataset');
    const mixedList = lines.map((line, index) => (index > heading && index <= heading + 3 ? bullets(line) : line)).join('\n');
    const root = contentFolder();
    const plan = sync(root, mixedList, { dates: UPSTREAM_DATES });
    expect(papers(snapshot(root), [])).toEqual(papers(snapshot(numbered), []));
    expect(plan.report.mixed).toEqual([{ title: 'BenchMark and Dataset', line: heading + 1, numbered: 5, bulleted: 3 }]);
    expect(planWarnings(plan)).toContain(
      `line ${heading + 1}: section "BenchMark and Dataset" mixes numbered and bulleted entries`,
    );
    expect(formatSyncReport(plan)).toContain(
      `line ${heading + 1}: section "BenchMark and Dataset" mixes 5 numbered and 3 bulleted entries: all read; the export writes numbered entries under "#" headings`,
    );
    expect(readFileSync(path.join(root, '.list-sync', 'last-sync.md'), 'utf8')).toBe(mixedList);
    // Its export reads back whole too.
    expect(parseList(exportListFromDisk(root).text).problems).toEqual([]);
  });
});

describe('detecting the dialect', () => {
  const entry = (marker: string, n: number) => `${marker} [Paper ${n}](https://arxiv.org/abs/2401.0000${n})`;

  it('reads ## sections under a # title, with or without a Table of Contents', () => {
    for (const toc of [['## Contents', '- [A](#a)', ''], []]) {
      const parsed = parseList(
        ['# My List', 'Intro.', '', ...toc, '## A', entry('-', 1), entry('-', 2), '', '## B', entry('*', 3)].join('\n'),
      );
      expect(parsed.dialect).toEqual({ headingLevel: 2, entries: '-' });
      expect(parsed.sections.map((section) => [section.title, section.entries.map((paper) => paper.number)])).toEqual([
        ['A', [1, 2]],
        ['B', [1]],
      ]);
      expect(parsed.header).toBe('# My List\nIntro.\n');
    }
  });

  it('keeps ## sub-headings inside # sections as sub-headings: no entry is lost to them', () => {
    const parsed = parseList(
      ['# My List', '', '# Models', entry('1.', 1), '## Video', entry('2.', 2), entry('3.', 3), '## Audio', entry('4.', 4)].join(
        '\n',
      ),
    );
    expect(parsed.dialect).toEqual({ headingLevel: 1, entries: 'numbered' });
    expect(parsed.sections.map((section) => [section.title, section.entries.length])).toEqual([['Models', 4]]);
    expect(parsed.strayLines.map((line) => line.text)).toEqual(['## Video', '## Audio']);
  });
});
