import { codeSpan } from '../github-markdown';
import type { Candidate, RecordsOutcome } from './outcome';

/**
 * The records report, in Markdown for a pull request's description (`--report FILE`) or as plain
 * text for the terminal: the same parts in the same order. Titles come from the list and the
 * services, so in Markdown they only ever appear in code spans (no markup, mention or link).
 */

export type ReportFormat = 'markdown' | 'text';

/** Longest list printed of one kind; the rest is counted. */
const MAX_ITEMS = 150;
/** The Markdown report's share of a pull request's description (GitHub takes 65,536 characters in all). */
export const MAX_MARKDOWN = 30_000;

/**
 * The report. In Markdown it fits in MAX_MARKDOWN characters: longer lists are cut shorter until
 * it does (the terminal's report, in the run's log, has them whole).
 */
export function renderReport(outcome: RecordsOutcome, format: ReportFormat): string {
  if (format === 'text') return render(outcome, format, MAX_ITEMS);
  for (const limit of [MAX_ITEMS, 50, 20, 5, 0]) {
    const text = render(outcome, format, limit);
    if (text.length <= MAX_MARKDOWN || limit === 0) return text;
  }
  throw new Error('unreachable');
}

function render(outcome: RecordsOutcome, format: ReportFormat, maxItems: number): string {
  const md = format === 'markdown';
  const quote = (text: string) => (md ? codeSpan(text, 300) : `“${text}”`);
  const code = (text: string) => (md ? codeSpan(text, 300) : text);
  const link = (candidate: Candidate) => (md ? `[${candidate.id}](${candidate.url})` : `${candidate.id} (${candidate.url})`);
  const command = (verb: 'accept' | 'reject', key: string, id: string) =>
    code(`npm run records -- --${verb} ${key} ${id.replace(/v\d+$/, '')}`);
  const lines: string[] = [];
  const part = (title: string, items: string[], intro?: string) => {
    if (!items.length) return;
    lines.push(
      '',
      md ? `### ${title} (${items.length})` : `${title} (${items.length}):`,
      ...(intro ? ['', intro, ''] : md ? [''] : []),
    );
    lines.push(...items.slice(0, maxItems));
    if (items.length > maxItems) lines.push(`- … and ${items.length - maxItems} more (the run's log lists them all)`);
  };

  const { written, unchanged, removed, requests } = outcome;
  const created = written.filter((item) => item.outcome === 'new').length;
  lines.push(
    md ? '## Records' : 'Records:',
    '',
    `${created} new, ${written.length - created} changed, ${unchanged} unchanged, ${removed.length} removed; ` +
      `${plural(requests.answered, 'answer')}, ${plural(requests.failed, 'failed request')}.`,
  );

  part(
    'Failures',
    outcome.failures.map(
      (failure) =>
        `- ${failure.reason}: ${failure.keys.length === 1 ? '1 entry not fetched, kept as it was' : `${failure.keys.length} entries not fetched, kept as they were`} (${failure.keys.slice(0, 20).map(code).join(', ')}${failure.keys.length > 20 ? ', …' : ''})`,
    ),
    'None of these was changed: run `npm run records` again later.',
  );
  part(
    "Conflicts: the list's id names another paper",
    outcome.conflicts.map(
      (conflict) =>
        `- ${code(conflict.key)}: the list says ${quote(conflict.entryTitle)}; ${link(conflict.candidate)} is ${quote(conflict.candidate.title)}. ` +
        `Fix the entry's link, or accept the paper as it is: ${command('accept', conflict.key, conflict.candidate.id)}; never ask again: ${command('reject', conflict.key, conflict.candidate.id)}`,
    ),
    'Not written: a wrong link in the list, or a title the authors changed.',
  );
  part(
    'Matches to confirm',
    outcome.toConfirm.map((item) =>
      [
        `- ${code(item.key)} ${quote(item.entryTitle)}: ${item.why === 'several' ? 'several papers have this title' : 'a close title, not the same'}`,
        ...item.candidates.map(
          (candidate) =>
            `  - ${link(candidate)} ${quote(candidate.title)}: ${command('accept', item.key, candidate.id)} or ${command('reject', item.key, candidate.id)}`,
        ),
      ].join('\n'),
    ),
    'Not written. Accept the right paper (it is fetched by its id from then on) and reject the others (never proposed again).',
  );
  part(
    'Unknown ids',
    outcome.unknown.map((item) => `- ${code(item.key)}: ${item.service} has no paper ${code(item.id)}`),
  );
  part(
    'Withdrawn',
    outcome.withdrawn.map((item) => `- ${code(item.key)}: ${link(item.candidate)} was withdrawn; no record written`),
  );
  part(
    'Not usable',
    outcome.invalid.map((item) => `- ${code(item.key)}: ${item.reason}`),
  );
  part(
    'New and changed records',
    written.map((item) => `- ${code(item.key)}: ${item.outcome}, from ${link(item.candidate)} ${quote(item.candidate.title)}`),
  );
  part(
    'Removed records (their entry is gone)',
    removed.map((key) => `- ${code(key)}`),
  );
  if (outcome.skipped.length)
    lines.push('', `${outcome.skipped.length} entries skipped: their id was rejected (records/decisions.yaml).`);
  if (outcome.notFound.length)
    lines.push('', `${outcome.notFound.length} entries without an id matched no arXiv title (they keep no record).`);
  return `${lines.join('\n')}\n`;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
