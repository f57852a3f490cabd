import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtPages,
  categoryShortfalls,
  lighthouseMarkdown,
  LIGHTHOUSE_COLUMNS,
  pageCounts,
  performanceSample,
  type LighthouseReport,
} from '../../../scripts/lib/bench/lighthouse';
import { tempFolder } from '../../helpers/temp-folder';

/** A Lighthouse report cut down to what scripts/lib/bench/lighthouse.ts reads, as Lighthouse 12 writes it. */
function report({ performance = 0.93, seo = 1 } = {}): LighthouseReport {
  const category = (score: number, auditRefs: { id: string; weight: number }[] = []) => ({ score, auditRefs });
  return {
    categories: {
      performance: category(performance),
      accessibility: category(1),
      'best-practices': category(1),
      seo: category(seo, [
        { id: 'meta-description', weight: 1 },
        { id: 'hreflang', weight: 0 },
      ]),
    },
    audits: {
      'total-byte-weight': { title: '', score: 1, numericValue: 38021 },
      'network-requests': { title: '', score: null, details: { items: [{}, {}, {}] } },
      'render-blocking-insight': { title: '', score: 1, details: { items: [{}, {}] } },
      'resource-summary': {
        title: '',
        score: null,
        details: {
          items: [
            { resourceType: 'total', transferSize: 38021 },
            { resourceType: 'script', transferSize: 4779 },
          ],
        },
      },
      'cumulative-layout-shift': { title: '', score: 1, numericValue: 0.02 },
      'meta-description': { title: '', score: 0, displayValue: 'missing' },
      hreflang: { title: '', score: 0 },
      'first-contentful-paint': { title: '', score: 1, numericValue: 1210.4 },
      'largest-contentful-paint': { title: '', score: 1, numericValue: 1500 },
      'total-blocking-time': { title: '', score: 1, numericValue: 360 },
      'speed-index': { title: '', score: 1, numericValue: 1300 },
    },
  };
}

describe('what the Lighthouse test asserts', () => {
  it('counts bytes, requests, render-blocking requests, script bytes and layout shift', () => {
    expect(pageCounts(report())).toEqual({ bytes: 38021, requests: 3, renderBlocking: 2, scriptBytes: 4779, layoutShift: 0.02 });
  });

  it('names a report without an audit it counts', () => {
    const broken = report();
    delete broken.audits['network-requests'];
    expect(() => pageCounts(broken)).toThrow('the Lighthouse report has no audit network-requests');
  });

  it('names each category short of its minimum with its failing weighted audits', () => {
    expect(categoryShortfalls(report({ seo: 0.92 }), { accessibility: 1, seo: 1 })).toEqual([
      'seo 0.92 < 1: meta-description (missing)',
    ]);
    expect(categoryShortfalls(report(), { accessibility: 1, seo: 1 })).toEqual([]);
  });
});

describe('what the bench reports', () => {
  it('takes the performance score and its timings with the load of the run', () => {
    expect(performanceSample(report(), 2.5)).toEqual({
      score: 0.93,
      firstContentfulPaintMs: 1210.4,
      largestContentfulPaintMs: 1500,
      totalBlockingTimeMs: 360,
      speedIndexMs: 1300,
      load: 2.5,
    });
  });

  it('writes medians per page, the spread of the score and the load each run saw', () => {
    const samples = [0.99, 0.93, 0.96].map((score, index) => ({
      ...performanceSample(report({ performance: score }), 1 + index),
      totalBlockingTimeMs: 100 * index,
    }));
    const markdown = lighthouseMarkdown({
      build: 'the 1000-entry build',
      cores: 2,
      pages: [{ page: { name: 'home', sitePath: '' }, samples }],
    });
    expect(markdown).toContain('## Lighthouse performance');
    expect(markdown).toContain('3 run(s) of each page');
    expect(markdown).toContain(`| ${LIGHTHOUSE_COLUMNS.join(' | ')} |`);
    expect(markdown).toContain('| home (`/`) | 96 (93–99) | 1,210 | 1,500 | 100 | 1,300 | 1.00–3.00 |');
  });

  it('measures the home page, the section and page of the first MDX entry, and a search', () => {
    const content = tempFolder('bench-lighthouse-');
    for (const [section, file] of [
      ['mllm', 'a.yaml'],
      ['survey', 'z.mdx'],
      ['survey', 'b.mdx'],
    ] as const) {
      mkdirSync(path.join(content, section), { recursive: true });
      writeFileSync(path.join(content, section, file), '');
    }
    expect(builtPages(content, ['mllm', 'survey', 'absent'], 'video')).toEqual([
      { name: 'home', sitePath: '' },
      { name: 'a section', sitePath: 'survey/' },
      { name: 'a paper (MDX)', sitePath: 'survey/b/' },
      { name: 'search with a query', sitePath: 'search/?q=video' },
    ]);
    expect(() => builtPages(content, ['mllm'], 'video')).toThrow(`no MDX entry under ${content}`);
  });
});
