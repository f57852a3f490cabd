import { PAPER_FIELD_ORDER, type Link, type PaperInput } from '../../../../src/schemas/paper';
import { serializeEntry, serializeEntryYaml } from '../../../../src/lib/content/entry-files';
import { isRecord, type ExistingEntry } from './existing';
import { unique, withoutBookkeeping, type ListItem } from './list-items';
import type { FieldChange, FieldConflict, PlannedEntry } from './plan-types';

const SCHEMA_FIELDS = new Set<string>(PAPER_FIELD_ORDER);

/** How a field value reads in the report. */
export function show(value: unknown): string {
  if (value === undefined || (Array.isArray(value) && !value.length)) return '(none)';
  if (Array.isArray(value))
    return value.map((item) => (isRecord(item) && typeof item.url === 'string' ? item.url : String(item))).join(' ');
  return `"${String(value)}"`;
}

/** Equal as written: an empty string or list is no value, as the entry file writes it. */
const sameValue = (a: unknown, b: unknown) => {
  const none = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && !value.length);
  return (none(a) && none(b)) || JSON.stringify(a) === JSON.stringify(b);
};

const sameUrls = (a: readonly Link[] | undefined, b: readonly Link[] | undefined) =>
  JSON.stringify((a ?? []).map((link) => link.url)) === JSON.stringify((b ?? []).map((link) => link.url));

/** Where field changes, conflicts and content problems of the plan are collected. */
export interface FieldReport {
  contentProblems: string[];
  changes: FieldChange[];
  conflicts: FieldConflict[];
}

/**
 * The list carries title, links, note, venue and its own tags. Each is merged three ways against
 * the last synced list (`base`): a field the list did not change keeps the file's value (local
 * curation); one only the list changed takes the list's value (reported); one both changed
 * differently keeps the file's value and is reported as a conflict. Without a base for the paper,
 * the list owns title, links and note, and adds its venue and tags. Tags merge as sets, so
 * curated topic tags stay. Everything else (added, published, org, authors, a hand-set arXiv id,
 * an MDX body, a hand-corrected link kind) stays.
 */
export function mergeFields(
  item: ListItem,
  listPosition: number,
  match: ExistingEntry,
  base: ListItem | undefined,
  report: FieldReport,
  /** Where a paper the list moved to another section goes: always written there, `from` deleted. */
  moveTo?: Pick<PlannedEntry, 'section' | 'id' | 'file'>,
): PlannedEntry {
  const { source, data } = match;
  const ours = data as PaperInput;
  const file = moveTo?.file ?? source.file;
  function merge<T>(field: string, local: T, list: T, last: T | undefined, same: (a: T, b: T) => boolean, legacy: T): T {
    let result: T;
    if (!base) result = legacy;
    else if (same(list, last as T) || same(local, list)) result = local;
    else if (same(local, last as T)) result = list;
    else {
      report.conflicts.push({ file, field, local: show(local), list: show(list), kept: 'local' });
      return local;
    }
    return result;
  }
  const equal = <T>(a: T, b: T) => (a ?? undefined) === (b ?? undefined);
  const currentKinds = new Map(
    (Array.isArray(data.links) ? data.links : []).filter(isRecord).map((link) => [link.url, link.kind] as const),
  );
  const links = merge('links', ours.links, item.links, base?.links, sameUrls, item.links).map((link) => ({
    ...link,
    kind: (currentKinds.get(link.url) as Link['kind'] | undefined) ?? link.kind,
  }));
  const localTags = Array.isArray(data.tags) ? (data.tags as string[]) : [];
  const listTags = item.tags ?? [];
  const droppedTags = new Set((base?.tags ?? []).filter((tag) => !listTags.includes(tag)));
  const tags = unique([...localTags.filter((tag) => !droppedTags.has(tag)), ...listTags]);
  const next: PaperInput = {
    ...ours,
    title: merge('title', ours.title, item.title, base?.title, equal, item.title),
    links,
    note: merge('note', ours.note, item.note, base?.note, equal, item.note),
    venue: merge('venue', ours.venue, item.venue, base?.venue, equal, item.venue ?? ours.venue),
    tags,
    arxiv: item.arxiv ?? ours.arxiv,
    added: earlierAdded(ours.added as string | undefined, item.datesFileAdded),
    listPosition,
  };
  // Every field the sync changes is reported, whichever rule changed it; the position separately.
  for (const field of PAPER_FIELD_ORDER) {
    const [from, to] = [ours[field], next[field]];
    if (field !== 'listPosition' && !sameValue(from, to)) report.changes.push({ file, field, from: show(from), to: show(to) });
  }
  const planned = {
    section: moveTo?.section ?? source.section,
    id: moveTo?.id ?? source.id,
    file,
    title: item.title,
    lines: item.lines,
    ...(ours.listPosition !== listPosition && { position: { from: ours.listPosition, to: listPosition } }),
  };
  // Canonical YAML of old and new data: formatting-only differences do not count as changes.
  if (!moveTo && serializeEntryYaml(ours) === serializeEntryYaml(next)) return { ...planned, action: 'unchanged' };
  const unknown = Object.keys(data).filter((key) => !SCHEMA_FIELDS.has(key));
  if (unknown.length)
    report.contentProblems.push(
      `${source.file}:${source.lineOf([unknown[0]!])}: cannot update: fields outside the schema would be lost (${unknown.join(', ')}); fix the file first`,
    );
  const text = serializeEntry(next, source.format, source.body);
  return moveTo ? { ...planned, action: 'move', from: source.file, text } : { ...planned, action: 'update', text };
}

/**
 * Whether an entry still holds exactly what the sync wrote for the list's line (`base`): no field
 * the list does not carry, no curated tag, no hand-corrected link kind, no body. `added` and
 * `listPosition` are the sync's own.
 */
export function untouchedSinceSync(entry: ExistingEntry, base: ListItem): boolean {
  if (entry.source.format !== 'yaml' || entry.source.body.trim()) return false;
  if (Object.keys(entry.data).some((key) => !SCHEMA_FIELDS.has(key))) return false;
  // Tags are a set: their order is no curation.
  const comparable = (paper: PaperInput) =>
    serializeEntryYaml({ ...paper, added: '', listPosition: undefined, tags: [...(paper.tags ?? [])].sort() });
  return comparable(entry.data as PaperInput) === comparable(withoutBookkeeping(base));
}

/**
 * `added` of an existing entry: a dates file that knows an earlier first appearance corrects it;
 * a later or missing one never moves it, so a version-by-version sync and a direct sync agree.
 */
function earlierAdded(current: string | undefined, fromDatesFile: string | undefined): string | undefined {
  if (!fromDatesFile || (current && current <= fromDatesFile)) return current || fromDatesFile;
  return fromDatesFile;
}
