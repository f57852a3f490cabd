import { describe, expect, it } from 'vitest';
import { syncReportBody } from '../../scripts/lib/list/sync/pr-body';
import { MAX_MARKDOWN } from '../../scripts/lib/records/report';

/** The longest body GitHub accepts for a pull request. */
const GITHUB_MAX_BODY = 65_536;

describe('the monthly sync pull request’s description', () => {
  it('leaves room for the records report the workflow appends, however long the sync’s report and errors', () => {
    const body = syncReportBody({ source: 'list.md', status: 0, report: 'r'.repeat(200_000), errors: 'e'.repeat(100_000) });
    expect(body).toContain('… (cut; run the sync locally for all of it)');
    // sync-list.yml: the sync's body, a blank line, then the records report (cut at MAX_MARKDOWN).
    expect(body.length + 1 + MAX_MARKDOWN).toBeLessThanOrEqual(GITHUB_MAX_BODY);
  });

  it('keeps a report that fits whole', () => {
    const body = syncReportBody({ source: 'list.md', status: 0, report: 'section table', errors: '' });
    expect(body).toContain('section table');
    expect(body).not.toContain('(cut;');
  });
});
