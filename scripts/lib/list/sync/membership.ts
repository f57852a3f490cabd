import path from 'node:path';
import { serializeEntry } from '../../../../src/lib/content/entry-files';
import type { Section } from '../../../../src/schemas/section';
import type { ParsedEntry } from '../parse';
import { entrySlug, uniqueSlug } from '../slug';
import type { ExistingEntry } from './existing';
import { mergeFields, untouchedSinceSync, type FieldReport } from './fields';
import { findSamePaper, listItems, withoutBookkeeping, type ListItem } from './list-items';
import type { DroppedPaper, PlannedEntry, PlannedMerge, SectionSummary } from './plan-types';
import type { ListSection } from './sections';

const COUNTER_OF_ACTION = { create: 'created', update: 'updated', unchanged: 'unchanged', move: 'movedIn' } as const;

export function emptySummary(section: Section, isNew = false): SectionSummary {
  return {
    id: section.id,
    title: section.title,
    isNew,
    entryLines: 0,
    entries: 0,
    created: 0,
    movedIn: 0,
    updated: 0,
    unchanged: 0,
    movedOut: 0,
    removed: 0,
    notInList: 0,
  };
}

const droppedOf = (entry: ExistingEntry): DroppedPaper => ({
  section: entry.source.section,
  id: entry.source.id,
  file: entry.source.file,
  title: entry.title,
});

/** A paper the list has in a section where content/ has no entry for it yet. */
interface Creation {
  planned: PlannedEntry;
  item: ListItem;
  listPosition: number;
  taken: Set<string>;
  /** The last synced list had it in this section too (so no other section's paper moves here). */
  inBase: boolean;
}

export interface Membership {
  entries: PlannedEntry[];
  merges: PlannedMerge[];
  /** One per list section, in list order. */
  summaries: SectionSummary[];
  removed: DroppedPaper[];
  droppedCurated: DroppedPaper[];
  notInList: DroppedPaper[];
}

/**
 * Which papers each section holds after the sync, three ways against the last synced list (`base`):
 * each paper of the list is matched to its entry in the same section (same-paper rule), so a
 * paper a contributor added before the list did is merged, not duplicated; an entry the list had
 * and no longer has is moved when the list put it in another section in the same version (its
 * local curation follows it), removed when untouched since the last sync, and kept as a conflict
 * when curated since. An entry the list never had is a contributor's own: kept, no comment.
 * Without a base nothing can be told apart: every entry the list lacks is kept and reported.
 */
export function mergeMembership(args: {
  contentDir: string;
  listSections: readonly ListSection[];
  baseSections: readonly ListSection[] | undefined;
  existingBySection: ReadonlyMap<string, ExistingEntry[]>;
  addedOf: (sectionTitle: string) => (entry: ParsedEntry) => string | undefined;
  defaultAdded: string;
  report: FieldReport;
}): Membership {
  const result: Membership = { entries: [], merges: [], summaries: [], removed: [], droppedCurated: [], notInList: [] };
  const baseItems = new Map(
    (args.baseSections ?? []).map((base) => [
      base.section.id,
      listItems(base.parsed, () => undefined, args.defaultAdded).map(({ item }) => item),
    ]),
  );
  const claimed = new Set<ExistingEntry>();
  const creations: Creation[] = [];
  for (const { section, isNew, parsed, entryLines } of args.listSections) {
    const existing = args.existingBySection.get(section.id) ?? [];
    const taken = new Set(existing.map((entry) => entry.source.id));
    const summary = { ...emptySummary(section, isNew), entryLines };
    const items = listItems(parsed, args.addedOf(section.title), args.defaultAdded);
    items.forEach(({ item, merged }, index) => {
      // Counted from the bottom: papers the list adds at its top leave the others' positions alone.
      const listPosition = items.length - index;
      const match = findSamePaper(
        item,
        existing,
        (entry) => entry,
        (entry) => claimed.has(entry),
      );
      const baseItem = findSamePaper(item, baseItems.get(section.id) ?? [], (base) => base);
      let planned: PlannedEntry;
      if (match) {
        claimed.add(match);
        planned = mergeFields(item, listPosition, match, baseItem, args.report);
      } else {
        const id = uniqueSlug(entrySlug(item.title, item.arxiv), taken);
        taken.add(id);
        planned = {
          action: 'create',
          section: section.id,
          id,
          file: path.join(args.contentDir, section.id, `${id}.yaml`),
          title: item.title,
          lines: item.lines,
          text: serializeEntry({ ...withoutBookkeeping(item), listPosition }),
        };
        creations.push({ planned, item, listPosition, taken, inBase: baseItem !== undefined });
      }
      result.entries.push(planned);
      summary.entries++;
      if (merged) result.merges.push({ sectionTitle: section.title, file: planned.file, titles: item.titles, lines: item.lines });
    });
    result.summaries.push(summary);
  }

  for (const entry of [...args.existingBySection.values()].flat()) {
    if (claimed.has(entry)) continue;
    if (!args.baseSections) {
      result.notInList.push(droppedOf(entry));
      continue;
    }
    const base = findSamePaper(entry, baseItems.get(entry.source.section) ?? [], (item) => item);
    if (!base) continue;
    const free = creations.filter((creation) => creation.planned.action === 'create' && !creation.inBase);
    const target = findSamePaper(entry, free, (creation) => creation.item);
    if (target) {
      const { planned } = target;
      const id = entry.source.id === planned.id || !target.taken.has(entry.source.id) ? entry.source.id : planned.id;
      target.taken.add(id);
      const file = path.join(path.dirname(planned.file), `${id}.${entry.source.format}`);
      const moved = mergeFields(target.item, target.listPosition, entry, base, args.report, {
        section: planned.section,
        id,
        file,
      });
      result.entries[result.entries.indexOf(planned)] = moved;
      for (const merge of result.merges) if (merge.file === planned.file) merge.file = moved.file;
      target.planned = moved;
    } else if (untouchedSinceSync(entry, base)) result.removed.push(droppedOf(entry));
    else result.droppedCurated.push(droppedOf(entry));
  }
  for (const planned of result.entries) {
    const summary = result.summaries.find((candidate) => candidate.id === planned.section)!;
    summary[COUNTER_OF_ACTION[planned.action]]++;
  }
  return result;
}
