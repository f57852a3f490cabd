import { MAX_MARKDOWN as MAX_RECORDS_REPORT } from '../../records/report';

/**
 * The longest body GitHub accepts for a pull request is 65536 characters, and the monthly workflow
 * appends the records report (at most MAX_RECORDS_REPORT) to this one: leave room for both frames.
 */
const MAX_ERRORS = 5_000;
const MAX_REPORT = 65_536 - MAX_RECORDS_REPORT - MAX_ERRORS - 2_000;

/**
 * The pull request description for a scheduled sync: where the list came from, whether the sync
 * wrote anything, its warnings and errors, then the full report (see CONTRIBUTING: "The sync report").
 */
export function syncReportBody(run: { source: string; status: number; report: string; errors: string }): string {
  const outcome = run.status === 0 ? 'synced' : 'refused: nothing written (see the errors below)';
  const report =
    run.report.length > MAX_REPORT
      ? `${run.report.slice(0, MAX_REPORT)}\n… (cut; run the sync locally for all of it)`
      : run.report;
  const errors = run.errors.trim();
  return [
    '## List sync',
    '',
    `Source: ${run.source}`,
    `Outcome: ${outcome}`,
    '',
    'What the report means and how to resolve a conflict or record a fix: CONTRIBUTING.md, "Syncing with the list".',
    ...(errors ? ['', '### Warnings and errors', '', '```text', errors.slice(0, MAX_ERRORS), '```'] : []),
    '',
    '### Report',
    '',
    '```text',
    report.trimEnd() || '(no report: the input was refused before planning)',
    '```',
    '',
  ].join('\n');
}
