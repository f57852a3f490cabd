import type { PaperInput } from '../../../../src/schemas/paper';
import { paperKeys, type PaperIdentity } from '../../../../src/lib/data/same-paper';
import { titleKey } from '../../../../src/lib/title-key';
import type { ParsedEntry } from '../parse';

/** One paper as the list gives it in one section, after merging duplicate lines. */
export interface ListItem extends PaperInput {
  added: string;
  /** The first appearance the dates file gives (absent when it does not know the paper). */
  datesFileAdded?: string;
  lines: number[];
  titles: string[];
}

/**
 * Lines of one section that name the same paper (the one rule of src/lib/data/same-paper.ts), in list
 * order. A shared notes URL is no identity: one reading note often covers many papers.
 */
export function groupDuplicates(entries: readonly ParsedEntry[]): ParsedEntry[][] {
  const keys = paperKeys(entries);
  const groups = new Map<string, ParsedEntry[]>();
  entries.forEach((entry, index) => groups.set(keys[index]!, [...(groups.get(keys[index]!) ?? []), entry]));
  return [...groups.values()];
}

/**
 * The first of `candidates` naming the same paper as `paper` (same-paper rule), an exact title
 * key first; `skip` ones are passed over.
 */
export function findSamePaper<T>(
  paper: PaperIdentity,
  candidates: readonly T[],
  identity: (candidate: T) => PaperIdentity,
  skip: (candidate: T) => boolean = () => false,
): T | undefined {
  const free = candidates.filter((candidate) => !skip(candidate));
  const key = titleKey(paper.title);
  const exact = free.find((candidate) => titleKey(identity(candidate).title) === key);
  if (exact) return exact;
  return free.find((other) => {
    const [a, b] = paperKeys([paper, identity(other)]);
    return a === b;
  });
}

/** Each defined value once, in first-seen order. */
export const unique = <T>(values: readonly (T | undefined)[]): T[] => [
  ...new Set(values.filter((value): value is T => value !== undefined)),
];

/** The separator between merged notes: the full-width semicolon the list's Chinese notes use. */
export const MERGED_NOTE_SEPARATOR = '；';

/**
 * One paper from duplicate lines: the first line's title, venue and arXiv id; every link once (by
 * URL, in line order); the first line's note with each different note of the others appended
 * after `；`; all tags; the earliest `added` the dates file knows, else `defaultAdded`.
 */
export function mergeGroup(
  group: readonly ParsedEntry[],
  addedOf: (entry: ParsedEntry) => string | undefined,
  defaultAdded: string,
): ListItem {
  const [first] = group as [ParsedEntry, ...ParsedEntry[]];
  const links = [...new Map(group.flatMap((entry) => entry.links).map((link) => [link.url, link])).values()];
  const tags = unique(group.flatMap((entry) => entry.tags ?? []));
  const datesFileAdded = unique(group.map(addedOf)).sort()[0];
  return {
    title: first.title,
    links,
    note: unique(group.map((entry) => entry.note)).join(MERGED_NOTE_SEPARATOR) || undefined,
    venue: group.find((entry) => entry.venue)?.venue,
    tags: tags.length ? tags : undefined,
    arxiv: group.find((entry) => entry.arxiv)?.arxiv,
    added: datesFileAdded ?? defaultAdded,
    datesFileAdded,
    lines: group.map((entry) => entry.line),
    titles: group.map((entry) => entry.title),
  };
}

/** The paper fields of an item, without the sync's bookkeeping. */
export function withoutBookkeeping(item: ListItem): PaperInput {
  const { lines: _lines, titles: _titles, datesFileAdded: _datesFileAdded, ...paper } = item;
  return paper;
}

/** The items of a section's lines: duplicates merged, in list order. */
export function listItems(
  entries: readonly ParsedEntry[],
  addedOf: (entry: ParsedEntry) => string | undefined,
  defaultAdded: string,
): { item: ListItem; merged: boolean }[] {
  return groupDuplicates(entries).map((group) => ({ item: mergeGroup(group, addedOf, defaultAdded), merged: group.length > 1 }));
}
