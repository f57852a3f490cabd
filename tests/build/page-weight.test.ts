import { describe, expect, it } from 'vitest';
import { PAPER_PAGE_MAX_RAW_BYTES, pageWeight, type PageWeight } from '../../scripts/lib/bench/output';
import { routes } from '../../src/lib/routes';
import { contentEntries } from '../helpers/content';
import { DIST, SUBPATH_BASE, SUBPATH_DIST } from '../setup/dist';

/**
 * Issue #13's weight target: every paper page, before search is used, costs
 * under PAPER_PAGE_MAX_RAW_BYTES raw (its HTML, stylesheets and eagerly loaded scripts), counted
 * by the benchmark's own pageWeight. Under a sub-path every internal URL is longer, as deployed.
 */
const papers = contentEntries().map((entry) => routes.paper(entry.section, entry.id));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const describeWeight = ({ html, css, js, total }: PageWeight) =>
  `${kb(total.raw)} raw (HTML ${kb(html.raw)}, CSS ${kb(css.raw)}, JS ${kb(js.raw)})`;

describe('paper page weight', () => {
  it.each([
    ['at the root', DIST, '/'],
    ['under a sub-path', SUBPATH_DIST, SUBPATH_BASE],
  ])('keeps every paper page under the budget, %s', (_, dist, base) => {
    const weights = papers.map((paper) => ({ paper, weight: pageWeight(dist, paper, base) }));
    const heaviest = weights.reduce((a, b) => (b.weight.total.raw > a.weight.total.raw ? b : a));
    // The count reaches the page's own files: a stylesheet and the search box's script at least.
    expect(heaviest.weight.css.raw).toBeGreaterThan(0);
    expect(heaviest.weight.assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    const over = weights
      .filter(({ weight }) => weight.total.raw >= PAPER_PAGE_MAX_RAW_BYTES)
      .map(({ paper, weight }) => `${paper}: ${describeWeight(weight)}`);
    expect(over, `budget ${kb(PAPER_PAGE_MAX_RAW_BYTES)}; heaviest ${heaviest.paper}`).toEqual([]);
  });
});
