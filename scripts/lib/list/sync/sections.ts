import { isMap, isSeq, parseDocument, stringify, type YAMLMap } from 'yaml';
import type { Section } from '../../../../src/schemas/section';
import type { ParsedEntry, ParsedList } from '../parse';
import { entrySlug, uniqueSlug } from '../slug';
import type { SyncPlan } from './plan-types';

/** The lines of one list that belong to each registry section id. */
export interface ListSection {
  section: Section;
  isNew: boolean;
  parsed: ParsedEntry[];
  entryLines: number;
}

/**
 * Maps the list's headings to registry sections by exact title; an unknown heading becomes a new
 * section (a short id from its first words, a placeholder description, placed where the list
 * puts it). A heading written twice is one section.
 */
export function resolveSections(
  list: ParsedList,
  registry: readonly Section[],
): { listSections: ListSection[]; newSections: Section[] } {
  const byTitle = new Map(registry.map((section) => [section.title.trim(), section]));
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
  return { listSections: [...listSections.values()], newSections };
}

/**
 * The registry `order` after this sync: the list's section order, with registry sections the
 * list lacks kept right after the section they followed.
 */
export function sectionOrder(
  registry: readonly Section[],
  listSections: readonly ListSection[],
): { orders: Map<string, number>; reordered: SyncPlan['reordered'] } {
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

/** The registry text with each item's `order` set and new sections appended; comments are kept. */
export function rewriteRegistry(
  text: string | undefined,
  orders: ReadonlyMap<string, number>,
  added: readonly Section[],
): string {
  const document = parseDocument(text ?? '[]\n');
  const items = document.contents;
  if (isSeq(items))
    for (const item of items.items) {
      if (!isMap(item)) continue;
      const map = item as unknown as YAMLMap<string, unknown>;
      const order = orders.get(String(map.get('id')));
      if (order !== undefined) map.set('order', order);
    }
  const written = document.toString({ lineWidth: 0 });
  return added.length ? `${written.trimEnd()}\n${stringify(added, { lineWidth: 0 })}` : written;
}
