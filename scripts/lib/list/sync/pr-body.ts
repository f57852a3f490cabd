import { MAX_MARKDOWN as MAX_RECORDS_REPORT } from '../../records/report';

/**
 * The longest body GitHub accepts for a pull request is 65536 characters, and the monthly workflow
 * appends the records report (at most MAX_RECORDS_REPORT) to this one: leave room for both frames.
 */
const MAX_ERRORS = 5_000;
const MAX_REPORT = 65_536 - MAX_RECORDS_REPORT - MAX_ERRORS - 2_000;
const CUT_NOTE = '… (cut; run the sync locally for all of it)';

/** An item of one of the report's listings: `formatSyncReport` indents them by two spaces. */
const isItem = (line: string) => line.startsWith('  ');

/** The report with every listing cut to its first `keep` items and a line saying how many more. */
function keepItems(lines: readonly string[], keep: number): string {
  const out: string[] = [];
  let run = 0;
  let dropped = 0;
  const closeRun = () => {
    if (dropped > 0) out.push(`  … and ${dropped} more (run the sync locally for all of them)`);
    run = 0;
    dropped = 0;
  };
  for (const line of lines) {
    if (!isItem(line)) {
      closeRun();
      out.push(line);
    } else if (run++ < keep) out.push(line);
    else dropped++;
  }
  closeRun();
  return out.join('\n');
}

/**
 * A report that fits `max`: a long listing (161 new papers at the first sync) must not push the
 * short ones after it (mended lines, conflicts) out of the description, so every listing is cut to
 * the same number of items, the most that fits. Only a report too long even then is cut at the end.
 */
export function fitReport(report: string, max: number = MAX_REPORT): string {
  if (report.length <= max) return report;
  const lines = report.split('\n');
  let low = 0;
  let high = lines.filter(isItem).length;
  if (keepItems(lines, 0).length > max) return `${report.slice(0, max)}\n${CUT_NOTE}`;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (keepItems(lines, mid).length <= max) low = mid;
    else high = mid - 1;
  }
  return keepItems(lines, low);
}

/**
 * The pull request description for a scheduled sync: where the list came from, whether the sync
 * wrote anything, its warnings and errors, then the full report (see CONTRIBUTING: "The sync report").
 */
export function syncReportBody(run: { source: string; status: number; report: string; errors: string }): string {
  const outcome = run.status === 0 ? 'synced' : 'refused: nothing written (see the errors below)';
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
    fitReport(run.report).trimEnd() || '(no report: the input was refused before planning)',
    '```',
    '',
  ].join('\n');
}
