import { describe, expect, it } from 'vitest';
import { summaryLine } from '../setup/summary-reporter';

describe('the closing summary line', () => {
  it('reads as a plain count on a passing run', () =>
    expect(summaryLine({ passed: 5, failed: 0, skipped: 1 }, 0, 'passed')).toBe('Tests: 5 passed, 0 failed, 1 skipped'));

  it('says the run failed when an error outside the tests fails it with no failed test', () =>
    expect(summaryLine({ passed: 5, failed: 0, skipped: 0 }, 1, 'passed')).toBe(
      'Tests: 5 passed, 0 failed, 0 skipped, 1 error outside the tests (listed above) — the run failed',
    ));

  it('says the run failed when a test failed', () =>
    expect(summaryLine({ passed: 4, failed: 1, skipped: 0 }, 0, 'failed')).toMatch(/1 failed, 0 skipped — the run failed$/));
});
