import type { Section } from '../../../../src/schemas/section';
import type { ParsedList } from '../parse';
import type { ExistingEntry } from './existing';
import { findSamePaper } from './list-items';
import type { ListSection } from './sections';

/** Input that is not a list: no section heading, or not one entry line. */
export function listRefusals(list: ParsedList): string[] {
  if (!list.sections.length) return ['no section heading ("# Title" followed by numbered entries) found: this is not the list'];
  if (!list.sections.some((section) => section.entryLines > 0))
    return ['no entry line ("1. [Title](https://…)") found under any heading: this is not the list'];
  return [];
}

/**
 * Changes that look like accidents: a registry section whose heading is gone while content/ has
 * papers in it (they would otherwise be reported missing, or appear under the heading above),
 * and a section losing more than `maxShare` of its papers at once.
 */
export function removalRefusals(args: {
  sections: readonly Section[];
  listSections: readonly ListSection[];
  baseSections: readonly ListSection[];
  existingBySection: ReadonlyMap<string, ExistingEntry[]>;
  unclaimed: readonly ExistingEntry[];
  maxShare: number;
}): string[] {
  const refusals: string[] = [];
  const inList = new Set(args.listSections.map((section) => section.section.id));
  const ALLOW = 'if the list really dropped them, run again with --allow-removals';
  for (const section of args.sections) {
    const existing = args.existingBySection.get(section.id) ?? [];
    if (!existing.length) continue;
    if (!inList.has(section.id)) {
      refusals.push(
        `the heading "# ${section.title}" (section ${section.id}, ${existing.length} papers in content/) is not in the list: a heading removed by accident would make its papers vanish; ${ALLOW} (or rename the heading in content/sections.yaml if the list renamed it)`,
      );
      continue;
    }
    const baseItems = args.baseSections.find((candidate) => candidate.section.id === section.id)?.parsed;
    const gone = args.unclaimed.filter(
      (entry) =>
        entry.source.section === section.id &&
        (baseItems === undefined || findSamePaper(entry, baseItems, (item) => item) !== undefined),
    );
    if (gone.length && gone.length / existing.length > args.maxShare)
      refusals.push(
        `section ${section.id}: ${gone.length} of its ${existing.length} papers are no longer in the list (more than ${Math.round(args.maxShare * 100)}% at once: a cut or damaged list?), e.g. "${gone[0]!.title}"; ${ALLOW}`,
      );
  }
  return refusals;
}
