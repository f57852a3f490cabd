import { formatTextTable } from '../../text-table';
import type { ListDialect } from '../parse';
import type { SectionSummary, SyncPlan } from './plan-types';

/**
 * What `--strict` fails on: every line read only after mending or not read, stale fixes,
 * conflicts (a field, about.md, a dropped paper curated here), renamed and new sections.
 */
export function planWarnings(plan: SyncPlan): string[] {
  return [
    ...plan.report.mended.map((line) => `line ${line.line}: mended: ${line.reason}`),
    ...plan.report.unreadable.map((line) => `line ${line.line}: cannot read: ${line.reason}`),
    ...plan.report.staleFixes.map((fix) => `fix no longer used (the list changed the line): ${fix.line}`),
    ...plan.conflicts.fields.map((conflict) => `conflict: ${conflict.file}: ${conflict.field}`),
    ...plan.conflicts.about.map(() => `conflict: ${plan.state.aboutFile}`),
    ...plan.conflicts.droppedCurated.map(
      (paper) => `conflict: ${paper.file}: the list dropped it, changed here since the last sync`,
    ),
    ...plan.sections.renames.map((rename) => `heading renamed: "${rename.from}" → "${rename.to}" (section ${rename.id})`),
    ...plan.report.mixed.map((section) => `line ${section.line}: section "${section.title}" mixes numbered and bulleted entries`),
    ...plan.sections.added.map((section) => `new section "${section.title}" (id ${section.id})`),
  ];
}

type Counts = Omit<SectionSummary, 'id' | 'title' | 'isNew'>;
const COUNT_COLUMNS: [keyof Counts, string][] = [
  ['entryLines', 'lines'],
  ['entries', 'entries'],
  ['created', 'created'],
  ['movedIn', 'moved in'],
  ['updated', 'updated'],
  ['unchanged', 'unchanged'],
  ['movedOut', 'moved out'],
  ['removed', 'removed'],
  ['notInList', 'not in list'],
];

function describeDialect(dialect: ListDialect): string {
  const entries = dialect.entries === 'numbered' ? 'numbered entries' : `entries bulleted "${dialect.entries}"`;
  return `${entries} under "${'#'.repeat(dialect.headingLevel)}" headings`;
}

/** One row per section and the totals. */
function sectionTable(sections: readonly SectionSummary[]): string {
  const counts = (row: Counts) => COUNT_COLUMNS.map(([key]) => String(row[key]));
  const total = Object.fromEntries(
    COUNT_COLUMNS.map(([key]) => [key, sections.reduce((sum, row) => sum + row[key], 0)]),
  ) as unknown as Counts;
  return formatTextTable(
    [
      ['section', 'id', ...COUNT_COLUMNS.map(([, label]) => label)],
      ...sections.map((row) => [row.isNew ? `${row.title} (new section)` : row.title, row.id, ...counts(row)]),
      ['total', '', ...counts(total)],
    ],
    2,
  );
}

/**
 * The sync report, plain text: a table per section, then renamed headings, every new, moved and
 * removed paper, every field change, conflicts (and which side was kept), merges, mended and
 * unreadable lines, fixes, section changes, about.md. The scheduled workflow posts it as the PR
 * body.
 */
export function formatSyncReport(plan: SyncPlan, relative: (file: string) => string = (file) => file): string {
  if (plan.ownExport) return "the list is content/'s own export (npm run export:readme): nothing to sync";
  const lines = [sectionTable(plan.sections.summaries), ''];
  const block = (title: string, items: readonly string[]) => {
    lines.push(`${title}: ${items.length}`);
    for (const item of items) lines.push(`  ${item}`);
  };
  for (const refusal of plan.report.refusals) lines.push(`refused: ${refusal}`);
  for (const rename of plan.sections.renames)
    lines.push(
      `heading renamed: "${rename.from}" → "${rename.to}" (section ${rename.id}: its id, folder and nav label kept; title updated in ${relative(plan.sections.registryFile)})`,
    );
  const created = plan.entries.planned.filter((entry) => entry.action === 'create');
  block(
    'new papers',
    created.map((entry) => `${relative(entry.file)}: "${entry.title}" (line ${entry.lines.join(', ')})`),
  );
  block(
    'moved (the list moved them to another section; local curation kept)',
    plan.entries.planned
      .filter((entry) => entry.action === 'move')
      .map((entry) => `${relative(entry.from!)} → ${relative(entry.file)}: "${entry.title}" (line ${entry.lines.join(', ')})`),
  );
  block(
    'removed (the list dropped them; unchanged here since the last sync)',
    plan.entries.removed.map((paper) => `${relative(paper.file)}: "${paper.title}"`),
  );
  block(
    'new positions (the list added, removed or reordered papers below them)',
    plan.entries.planned
      .filter((entry) => entry.action === 'update' && entry.position)
      .map((entry) => `${relative(entry.file)}: ${entry.position!.from ?? '(none)'} → ${entry.position!.to}`),
  );
  block(
    'changed fields',
    plan.entries.changes.map((change) => `${relative(change.file)}: ${change.field}: ${change.from} → ${change.to}`),
  );
  block('conflicts (the list and content/ both changed the field; content/ kept)', [
    ...plan.conflicts.fields.map(
      (conflict) => `${relative(conflict.file)}: ${conflict.field}: kept local ${conflict.local}; the list has ${conflict.list}`,
    ),
    ...plan.conflicts.about.map(
      (conflict) => `${relative(plan.state.aboutFile)}: kept local "${conflict.local}"; the list has "${conflict.list}"`,
    ),
    ...plan.conflicts.droppedCurated.map(
      (paper) =>
        `${relative(paper.file)}: "${paper.title}": the list dropped it, but it was changed here since the last sync: kept (delete the file if the removal is real)`,
    ),
  ]);
  block(
    'merged duplicates',
    plan.entries.merges.map(
      (merge) =>
        `${merge.sectionTitle}, lines ${merge.lines.join(' + ')}: ${merge.titles.map((title) => `"${title}"`).join(' + ')} → ${relative(merge.file)}`,
    ),
  );
  block(
    'mended lines (read as the list meant them)',
    plan.report.mended.map((line) => `line ${line.line}: ${line.reason}: ${line.text}`),
  );
  block(
    `unreadable lines (kept in ${relative(plan.state.fixesFile)}: write the corrected line under \`fix\`)`,
    plan.report.unreadable.map((problem) => `line ${problem.line}: ${problem.reason}: ${problem.text}`),
  );
  if (plan.report.fixed.length)
    block(
      'lines read through a recorded fix',
      plan.report.fixed.map((fix) => `line ${fix.line}: ${fix.text}`),
    );
  if (plan.report.staleFixes.length)
    block(
      `fixes whose line the list no longer has (delete them from ${relative(plan.state.fixesFile)})`,
      plan.report.staleFixes.map((fix) => fix.line),
    );
  if (plan.entries.notInList.length)
    block(
      'not in the list (kept: no last sync to tell a removal from a paper added here)',
      plan.entries.notInList.map((entry) => `${relative(entry.file)}: "${entry.title}"`),
    );
  for (const section of plan.sections.added)
    lines.push(
      `new section "${section.title}" → id ${section.id}, position ${section.order}: choose a short id and nav label in ${relative(plan.sections.registryFile)} (and rename its folder) before merging`,
    );
  for (const move of plan.sections.reordered)
    lines.push(`section ${move.id}: order ${move.from} → ${move.to} (the list's order)`);
  if (plan.report.strayLines.length)
    lines.push(
      `lines after the first section that are not entries (the export drops them): ${plan.report.strayLines.map((stray) => stray.line).join(', ')}`,
    );
  if (plan.state.about !== undefined) lines.push(`header → ${relative(plan.state.aboutFile)}`);
  if (plan.state.dialectText !== undefined)
    lines.push(
      `the list writes ${describeDialect(plan.state.dialect)}: remembered in ${relative(plan.state.dialectFile)}, and the export writes it so`,
    );
  for (const section of plan.report.mixed)
    lines.push(
      `line ${section.line}: section "${section.title}" mixes ${section.numbered} numbered and ${section.bulleted} bulleted entries: all read; the export writes ${describeDialect(plan.state.dialect)}`,
    );
  lines.push(`warnings: ${planWarnings(plan).length}`);
  lines.push(`problems: ${plan.report.refusals.length + plan.report.contentProblems.length}`);
  return lines.join('\n');
}
