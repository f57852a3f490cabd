import { loadSections } from '../../src/lib/sections';
import { contentRoot } from '../../src/lib/paths';
import { readEntrySources } from '../../src/lib/entry-files';
import { paperSchema, type Paper } from '../../src/schemas/paper';

export interface SourceEntry {
  section: string;
  id: string;
  file: string;
  data: Paper;
}

/** The entries as the files on disk hold them: the ground truth the built site is checked against. */
export function contentEntries(root = contentRoot()): SourceEntry[] {
  const sections = loadSections();
  return readEntrySources(
    root,
    sections.map((s) => s.id),
  ).map((source) => ({
    section: source.section,
    id: source.id,
    file: source.file,
    data: paperSchema.parse(source.data),
  }));
}
