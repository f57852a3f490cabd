import type { Section } from '../../../../src/schemas/section';
import type { ParsedList } from '../parse';
import type { ExistingEntry } from './existing';
import type { DroppedPaper } from './plan-types';
import type { GoneHeading, ListSection } from './sections';

/** Input that is not a list: no section heading, or not one entry line. */
export function listRefusals(list: ParsedList): string[] {
  if (!list.sections.length) return ['no section heading ("# Title" followed by numbered entries) found: this is not the list'];
  if (!list.sections.some((section) => section.entryLines > 0))
    return ['no entry line ("1. [Title](https://…)") found under any heading: this is not the list'];
  return [];
}

/**
 * Changes that look like accidents: a registry section whose heading is gone (and was not
 * clearly renamed) while content/ has papers in it, and a section losing more than `maxShare` of
 * its papers at once. Papers the list moved to another section are not lost.
 */
export function removalRefusals(args: {
  sections: readonly Section[];
  listSections: readonly ListSection[];
  gone: readonly GoneHeading[];
  existingBySection: ReadonlyMap<string, ExistingEntry[]>;
  /** Papers the list no longer has (removed or kept), moves aside. */
  dropped: readonly DroppedPaper[];
  maxShare: number;
}): string[] {
  const refusals: string[] = [];
  const inList = new Set(args.listSections.map((section) => section.section.id));
  const ALLOW = 'if the list really dropped them, run again with --allow-removals';
  for (const section of args.sections) {
    const existing = args.existingBySection.get(section.id) ?? [];
    if (!existing.length) continue;
    if (!inList.has(section.id)) {
      const gone = args.gone.find((heading) => heading.section.id === section.id);
      const renamed = gone?.weighed.length
        ? `; not clearly renamed: weighed ${gone.weighed.map((heading) => `"${heading.title}" (${heading.overlap} of its ${gone.papers} papers)`).join(', ')}, but a rename needs one new heading holding more than half of them, no other a quarter, where the old one stood`
        : '';
      refusals.push(
        `the heading "${section.title}" (section ${section.id}, ${existing.length} papers in content/) is not in the list${renamed}: a heading removed by accident would make its papers vanish; ${ALLOW} (or write the new heading as its title in content/sections.yaml if the list renamed it)`,
      );
      continue;
    }
    const gone = args.dropped.filter((paper) => paper.section === section.id);
    if (gone.length && gone.length / existing.length > args.maxShare)
      refusals.push(
        `section ${section.id}: ${gone.length} of its ${existing.length} papers are no longer in the list (more than ${Math.round(args.maxShare * 100)}% at once: a cut or damaged list?), e.g. "${gone[0]!.title}"; ${ALLOW}`,
      );
  }
  return refusals;
}
