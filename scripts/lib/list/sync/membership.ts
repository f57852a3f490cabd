import path from 'node:path';
import { serializeEntry } from '../../../../src/lib/entry-files';
import type { ParsedEntry } from '../parse';
import { entrySlug, uniqueSlug } from '../slug';
import type { ExistingEntry } from './existing';
import { mergeFields, type FieldReport } from './fields';
import { findSamePaper, listItems, withoutBookkeeping } from './list-items';
import type { PlannedEntry, PlannedMerge, SectionSummary } from './plan-types';
import type { ListSection } from './sections';

const COUNTER_OF_ACTION = { create: 'created', update: 'updated', unchanged: 'unchanged' } as const;

export function emptySummary(section: ListSection['section'], isNew = false): SectionSummary {
  return {
    id: section.id,
    title: section.title,
    isNew,
    entryLines: 0,
    entries: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    notInList: 0,
  };
}

/**
 * Each paper of the list matched to its entry in the same section (same-paper rule) or created;
 * the entries no paper claimed are what the list does not have.
 */
export function mergeMembership(args: {
  contentDir: string;
  listSections: readonly ListSection[];
  baseSections: readonly ListSection[];
  existingBySection: ReadonlyMap<string, ExistingEntry[]>;
  addedOf: (sectionTitle: string) => (entry: ParsedEntry) => string | undefined;
  defaultAdded: string;
  report: FieldReport;
}): { entries: PlannedEntry[]; merges: PlannedMerge[]; summaries: SectionSummary[]; unclaimed: ExistingEntry[] } {
  const entries: PlannedEntry[] = [];
  const merges: PlannedMerge[] = [];
  const summaries: SectionSummary[] = [];
  const claimed = new Set<ExistingEntry>();
  for (const { section, isNew, parsed, entryLines } of args.listSections) {
    const existing = args.existingBySection.get(section.id) ?? [];
    const taken = new Set(existing.map((entry) => entry.source.id));
    const baseParsed = args.baseSections.find((candidate) => candidate.section.id === section.id)?.parsed ?? [];
    const baseItems = listItems(baseParsed, () => undefined, args.defaultAdded).map(({ item }) => item);
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
      const baseItem = findSamePaper(item, baseItems, (base) => base);
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
      }
      entries.push(planned);
      summary.entries++;
      summary[COUNTER_OF_ACTION[planned.action]]++;
      if (merged) merges.push({ sectionTitle: section.title, file: planned.file, titles: item.titles, lines: item.lines });
    });
    summaries.push(summary);
  }
  const unclaimed = [...args.existingBySection.values()].flat().filter((entry) => !claimed.has(entry));
  return { entries, merges, summaries, unclaimed };
}
