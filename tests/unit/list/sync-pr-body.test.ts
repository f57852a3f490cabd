import { describe, expect, it } from 'vitest';
import { fitReport, syncReportBody } from '../../../scripts/lib/list/sync/pr-body';
import { MAX_MARKDOWN } from '../../../scripts/lib/records/report';

/** The longest body GitHub accepts for a pull request. */
const GITHUB_MAX_BODY = 65_536;

describe('the monthly sync pull request’s description', () => {
  it('leaves room for the records report the workflow appends, however long the sync’s report and errors', () => {
    const body = syncReportBody({ source: 'list.md', status: 0, report: 'r'.repeat(200_000), errors: 'e'.repeat(100_000) });
    expect(body).toContain('… (cut; run the sync locally for all of it)');
    // sync-list.yml: the sync's body, a blank line, then the records report (cut at MAX_MARKDOWN).
    expect(body.length + 1 + MAX_MARKDOWN).toBeLessThanOrEqual(GITHUB_MAX_BODY);
  });

  it('cuts every long listing to the same length, so the short blocks after a long one stay whole', () => {
    const papers = Array.from(
      { length: 400 },
      (_, index) => `  content/mllm/paper-${index}.yaml: "A long title number ${index}"`,
    );
    const report = [
      'section table',
      `new papers: ${papers.length}`,
      ...papers,
      'mended lines (read as the list meant them): 2',
      '  line 169: the title\'s "[" is closed by ")"',
      '  line 170: another',
      'warnings: 2',
    ].join('\n');
    const fitted = fitReport(report, 5_000);
    expect(fitted.length).toBeLessThanOrEqual(5_000);
    expect(fitted).toContain('new papers: 400\n  content/mllm/paper-0.yaml');
    expect(fitted).toMatch(/\n {2}… and \d+ more \(run the sync locally for all of them\)\nmended lines/);
    expect(fitted).toContain(
      'mended lines (read as the list meant them): 2\n  line 169: the title\'s "[" is closed by ")"\n  line 170: another\nwarnings: 2',
    );
    const kept = fitted.split('\n').filter((line) => line.startsWith('  content/')).length;
    expect(kept).toBeGreaterThan(10);
    expect(fitted).toContain(`… and ${400 - kept} more`);
  });

  it('keeps a report that fits whole', () => {
    const body = syncReportBody({ source: 'list.md', status: 0, report: 'section table', errors: '' });
    expect(body).toContain('section table');
    expect(body).not.toContain('(cut;');
  });
});
