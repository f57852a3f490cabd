import path from 'node:path';
import type { Paper } from '../../schemas/paper';
import type { EntrySource } from '../content/entry-files';
import { describeSamePaper, SamePaperIndex, type SamePaperReason } from '../data/same-paper';

/** An entry whose data passed the schema: the duplicate checks compare these. */
export interface ValidEntry {
  source: EntrySource;
  paper: Paper;
}

/** A paper listed twice in one section: `entry`, and `first`, the first entry of its paper there. */
export interface SectionDuplicate {
  entry: ValidEntry;
  first: ValidEntry;
  /** The first direct match on the way from `entry` to `first`: the field validation points at. */
  reason: SamePaperReason;
  /** Why they are the same paper, in words, naming the entries a chain goes through. */
  why: string;
}

/** `section/file.yaml`, how messages name another entry wherever the content root is. */
export function entryName(source: EntrySource): string {
  return `${source.section}/${path.basename(source.file)}`;
}

/**
 * Every paper listed twice in one section, by the same-paper rule over the entries of every
 * section (as the site groups them: two entries of a section joined through an entry elsewhere are
 * one paper there too): each later entry (in the order given) against the first of its paper in
 * its section. This is the rule `npm run validate` reports.
 */
export function sectionDuplicates(entries: readonly ValidEntry[]): SectionDuplicate[] {
  const index = indexOf(entries);
  return explained(index, listedTwice(index));
}

/**
 * The papers listed twice in one section that adding `added` to the list's valid `entries` would
 * make validation report, beyond those it reports already: `added` itself when its section lists
 * its paper (directly or through entries of any section), or two entries of another section that
 * `added` would join into one paper. Empty when validation would accept it. `added` comes last, so
 * it is never a pair's `first`.
 */
export function duplicatesAddedBy(entries: readonly ValidEntry[], added: ValidEntry): SectionDuplicate[] {
  const index = indexOf(entries);
  // Joining groups only ever turns a first of its section into a later entry, never back.
  const reported = new Set(listedTwice(index).map(({ entry }) => entry));
  index.add(added.paper, added);
  return explained(
    index,
    listedTwice(index).filter(({ entry }) => !reported.has(entry)),
  );
}

/** An entry of another section that lists the paper being added, and why it is the same paper. */
export interface ListedElsewhere {
  entry: ValidEntry;
  why: string;
}

/**
 * The sections other than its own that already list the paper `added` names, by the same rule:
 * for each, its first entry of that paper (in the order given) and why it is the same paper.
 * Listing a paper in several sections is allowed; `npm run new` and the suggestion workflow say so.
 */
export function listedElsewhere(entries: readonly ValidEntry[], added: ValidEntry): ListedElsewhere[] {
  const index = indexOf(entries);
  index.add(added.paper, added);
  const group = index.groups().find((members) => members.includes(added)) ?? [];
  const firstOfSection = new Map<string, ValidEntry>();
  for (const entry of group)
    if (entry.source.section !== added.source.section && !firstOfSection.has(entry.source.section))
      firstOfSection.set(entry.source.section, entry);
  return [...firstOfSection.values()].map((entry) => ({
    entry,
    why: explained(index, [{ entry: added, first: entry }])[0]!.why,
  }));
}

function indexOf(entries: readonly ValidEntry[]): SamePaperIndex<ValidEntry> {
  const index = new SamePaperIndex<ValidEntry>();
  for (const entry of entries) index.add(entry.paper, entry);
  return index;
}

/** Each entry whose section already lists its paper (in the order added), with the first entry of that paper there. */
function listedTwice(index: SamePaperIndex<ValidEntry>): { entry: ValidEntry; first: ValidEntry }[] {
  const found: { entry: ValidEntry; first: ValidEntry }[] = [];
  for (const group of index.groups()) {
    const firstInSection = new Map<string, ValidEntry>();
    for (const entry of group) {
      const first = firstInSection.get(entry.source.section);
      if (first) found.push({ entry, first });
      else firstInSection.set(entry.source.section, entry);
    }
  }
  return found;
}

/** Each pair with the shortest chain of direct matches between them, in words. */
function explained(index: SamePaperIndex<ValidEntry>, pairs: { entry: ValidEntry; first: ValidEntry }[]): SectionDuplicate[] {
  return pairs.map(({ entry, first }) => {
    const steps = index.chain(entry, first);
    const via = steps.slice(0, -1).map((step) => entryName(step.item.source));
    const why =
      steps.length === 1
        ? describeSamePaper(steps[0]!.reason)
        : `through ${via.join(', ')}: ${steps.map((step) => describeSamePaper(step.reason)).join(', then ')}`;
    return { entry, first, reason: steps[0]!.reason, why };
  });
}
