import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/** The run's counts, and the one line that states them and whether the run failed. */
export function summaryLine(
  counts: { passed: number; failed: number; skipped: number },
  unhandledErrors: number,
  reason: TestRunEndReason,
): string {
  const line = `Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
  // Vitest exits 1 on an error outside any test (e.g. "Timeout calling onTaskUpdate" under load)
  // even when every test passed: the summary says so, so it never reads "0 failed" on a failed run.
  const errors = unhandledErrors
    ? `, ${unhandledErrors} error${unhandledErrors === 1 ? '' : 's'} outside the tests (listed above)`
    : '';
  const verdict =
    reason === 'passed' && !unhandledErrors ? '' : ` — the run ${reason === 'interrupted' ? 'was interrupted' : 'failed'}`;
  return `${line}${errors}${verdict}`;
}

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, that CI logs and
 * humans read the same way whatever the default reporter prints above it. It agrees with the
 * exit status: a failed run always says why.
 */
export default class SummaryReporter implements Reporter {
  // Listed after the default reporter (vitest.config.ts), whose summary is written by then: this
  // line is the run's last. (Vitest 5 no longer calls reporters' onFinished.)
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') failedHere++;
        else counts.skipped++;
      }
      // A file that failed outside any test (import error, failing beforeAll) still fails the run.
      counts.failed += failedHere || (module.state() === 'failed' ? 1 : 0);
    }
    process.stdout.write(`\n${summaryLine(counts, unhandledErrors.length, counts.failed ? 'failed' : reason)}\n`);
  }
}
