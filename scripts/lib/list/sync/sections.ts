import { isMap, isSeq, parseDocument, stringify, type YAMLMap } from 'yaml';
import type { Section } from '../../../../src/schemas/section';
import type { PaperIdentity } from '../../../../src/lib/data/same-paper';
import type { ParsedEntry, ParsedList } from '../parse';
import { findSamePaper } from './list-items';
import { entrySlug, uniqueSlug } from '../slug';

/** The lines of one list that belong to each registry section id. */
export interface ListSection {
  section: Section;
  isNew: boolean;
  parsed: ParsedEntry[];
  entryLines: number;
}

/** A registry section whose heading the list renamed: same id, folder and nav label, new `title`. */
export interface SectionRename {
  id: string;
  from: string;
  to: string;
}

/** A registry section whose `order` changes to follow the list's section order. */
export interface SectionReorder {
  id: string;
  from: number;
  to: number;
}

/** A registry heading gone from the list, and the new headings that hold some of its papers. */
export interface GoneHeading {
  section: Section;
  papers: number;
  /** New headings holding some of its papers (same-paper rule), most first. */
  weighed: { title: string; overlap: number }[];
}

/**
 * Maps the list's headings to registry sections by exact title. A registry heading gone from the
 * list is renamed when exactly one new heading holds most of its papers (more than half, no other
 * new heading a quarter) and sits where it sat (between its registry neighbours); any other gone
 * heading is reported with the headings weighed. An unknown heading left over becomes a new
 * section (a short id from its first words, a placeholder description, placed where the list puts
 * it). A heading written twice is one section.
 */
export function resolveSections(
  list: ParsedList,
  registry: readonly Section[],
  /** The papers of each registry section (content/, else the last synced list): what a rename is told by. */
  papersOf: (section: Section) => readonly PaperIdentity[] = () => [],
): { listSections: ListSection[]; newSections: Section[]; renames: SectionRename[]; gone: GoneHeading[] } {
  const byTitle = new Map(registry.map((section) => [section.title.trim(), section]));
  const headings = [...new Set(list.sections.map((parsed) => parsed.title))];
  const entriesOf = (title: string) =>
    list.sections.filter((parsed) => parsed.title === title).flatMap((parsed) => parsed.entries);
  const unknown = new Set(headings.filter((title) => !byTitle.has(title)));
  const renames: SectionRename[] = [];
  const gone: GoneHeading[] = [];
  const byOrder = [...registry].sort((a, b) => a.order - b.order);
  for (const [index, section] of byOrder.entries()) {
    if (headings.includes(section.title.trim())) continue;
    const papers = papersOf(section);
    if (!papers.length) continue;
    const weighed = [...unknown]
      .map((title) => {
        const lines = entriesOf(title);
        return { title, overlap: papers.filter((paper) => findSamePaper(paper, lines, (line) => line)).length };
      })
      .filter((candidate) => candidate.overlap > 0)
      .sort((a, b) => b.overlap - a.overlap);
    const [best, second] = weighed;
    const placeOf = (neighbour: Section | undefined) => (neighbour ? headings.indexOf(neighbour.title.trim()) : -1);
    const before = placeOf(byOrder.slice(0, index).findLast((other) => headings.includes(other.title.trim())));
    const after = placeOf(byOrder.slice(index + 1).find((other) => headings.includes(other.title.trim())));
    const at = best ? headings.indexOf(best.title) : -1;
    const inPlace = at > before && (after < 0 || at < after);
    if (best && best.overlap * 2 > papers.length && (!second || second.overlap * 4 < papers.length) && inPlace) {
      renames.push({ id: section.id, from: section.title, to: best.title });
      byTitle.set(best.title, { ...section, title: best.title });
      unknown.delete(best.title);
    } else gone.push({ section, papers: papers.length, weighed });
  }

  const ids = new Set(registry.map((section) => section.id));
  const newSections: Section[] = [];
  const listSections = new Map<string, ListSection>();
  for (const parsed of list.sections) {
    let section = byTitle.get(parsed.title);
    if (!section) {
      const words = parsed.title.split(/\s+/).slice(0, 3).join(' ');
      const id = uniqueSlug(entrySlug(words), ids);
      section = {
        id,
        title: parsed.title,
        short: words,
        description: `Papers listed under “${parsed.title}”.`,
        order: 0,
      };
      ids.add(id);
      byTitle.set(parsed.title, section);
      newSections.push(section);
    }
    const current: ListSection = listSections.get(section.id) ?? {
      section,
      isNew: newSections.includes(section),
      parsed: [],
      entryLines: 0,
    };
    current.parsed.push(...parsed.entries);
    current.entryLines += parsed.entryLines;
    listSections.set(section.id, current);
  }
  return { listSections: [...listSections.values()], newSections, renames, gone };
}

/**
 * The registry `order` after this sync: the list's section order, with registry sections the
 * list lacks kept right after the section they followed.
 */
export function sectionOrder(
  registry: readonly Section[],
  listSections: readonly ListSection[],
): { orders: Map<string, number>; reordered: SectionReorder[] } {
  const sequence = listSections.map((section) => section.section.id);
  const byOrder = [...registry].sort((a, b) => a.order - b.order);
  byOrder.forEach((section, index) => {
    if (sequence.includes(section.id)) return;
    const before = byOrder.slice(0, index).findLast((candidate) => sequence.includes(candidate.id));
    sequence.splice(before ? sequence.indexOf(before.id) + 1 : 0, 0, section.id);
  });
  const orders = new Map(sequence.map((id, index) => [id, index + 1]));
  const reordered = registry
    .filter((section) => orders.get(section.id) !== section.order)
    .map((section) => ({ id: section.id, from: section.order, to: orders.get(section.id)! }));
  return { orders, reordered };
}

/** The registry text with each item's `order` set, renamed titles written and new sections appended; comments are kept. */
export function rewriteRegistry(
  text: string | undefined,
  orders: ReadonlyMap<string, number>,
  added: readonly Section[],
  renames: readonly SectionRename[] = [],
): string {
  const document = parseDocument(text ?? '[]\n');
  const items = document.contents;
  if (isSeq(items))
    for (const item of items.items) {
      if (!isMap(item)) continue;
      const map = item as unknown as YAMLMap<string, unknown>;
      const id = String(map.get('id'));
      const order = orders.get(id);
      if (order !== undefined) map.set('order', order);
      const rename = renames.find((candidate) => candidate.id === id);
      if (rename) map.set('title', rename.to);
    }
  const written = document.toString({ lineWidth: 0 });
  return added.length ? `${written.trimEnd()}\n${stringify(added, { lineWidth: 0 })}` : written;
}
