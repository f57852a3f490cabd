import { getCollection, type CollectionEntry } from 'astro:content';

/** The Astro floor's papers by section, read once for all its pages. */

export interface FloorPaper {
  id: string;
  data: CollectionEntry<'papers'>['data'];
  /** An MDX entry's long note as text; '' for YAML entries. */
  body: string;
  record?: CollectionEntry<'records'>['data'];
}

export interface FloorSection {
  id: string;
  title: string;
  /** By id, as bench/floor.mjs sorts them. */
  papers: FloorPaper[];
}

/** Authors and abstract are indexed below the title and note, as bench/floor.mjs does. */
export const RECORD_WEIGHT = '0.5';

export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

let content: Promise<FloorSection[]> | undefined;

export function floorSections(): Promise<FloorSection[]> {
  content ??= (async () => {
    const [sections, papers, longNotes, records] = await Promise.all([
      getCollection('sections'),
      getCollection('papers'),
      getCollection('longNotes'),
      getCollection('records'),
    ]);
    const recordOf = new Map(records.map((record) => [record.id, record.data]));
    const bySection = new Map<string, FloorPaper[]>();
    for (const entry of [...papers, ...longNotes]) {
      const [section, id] = entry.id.split('/') as [string, string];
      const paper = { id, data: entry.data, body: entry.body ?? '', record: recordOf.get(entry.id) };
      bySection.set(section, [...(bySection.get(section) ?? []), paper]);
    }
    return sections
      .sort((a, b) => a.data.order - b.data.order)
      .map((section) => ({
        id: section.id,
        title: section.data.title,
        papers: (bySection.get(section.id) ?? []).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      }));
  })();
  return content;
}
