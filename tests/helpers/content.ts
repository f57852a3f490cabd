import { openContentRoot } from '../../src/lib/content-root';
import { contentRoot } from '../../src/lib/paths';
import { paperSchema, type Paper } from '../../src/schemas/paper';

export interface SourceEntry {
  section: string;
  id: string;
  file: string;
  data: Paper;
}

/** The entries as the files under `root` hold them: the ground truth the built site is checked against. */
export function contentEntries(root = contentRoot()): SourceEntry[] {
  return openContentRoot(root)
    .entrySources()
    .map((source) => ({
      section: source.section,
      id: source.id,
      file: source.file,
      data: paperSchema.parse(source.data),
    }));
}
