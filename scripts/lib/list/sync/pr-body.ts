/** The longest body GitHub accepts for a pull request is 65536 characters; leave room for the frame. */
const MAX_REPORT = 60_000;

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
    ...(errors ? ['', '### Warnings and errors', '', '```text', errors.slice(0, 20_000), '```'] : []),
    '',
    '### Report',
    '',
    '```text',
    report.trimEnd() || '(no report: the input was refused before planning)',
    '```',
    '',
  ].join('\n');
}
