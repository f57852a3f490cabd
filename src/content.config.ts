import { defineCollection } from 'astro:content';
import path from 'node:path';
import { paperFiles } from './loaders/paper-files';
import { recordFiles } from './loaders/record-files';
import { openContentRoot } from './lib/content/content-root';
import { paperSchema } from './schemas/paper';
import { recordSchema } from './schemas/record';

const content = openContentRoot();
const sectionIds = content.sections().map((section) => section.id);

/**
 * One collection per registry section; the file name (without extension) is the entry id. Beside
 * them `records` (a reserved section id, so no section's collection can take the name): the
 * scholarly records, kept apart from the entries, joined to them in src/content.ts.
 */
export const collections = {
  ...Object.fromEntries(
    sectionIds.map((id) => [id, defineCollection({ loader: paperFiles(path.join(content.dir, id)), schema: paperSchema })]),
  ),
  records: defineCollection({ loader: recordFiles(content.recordsDir, sectionIds), schema: recordSchema }),
};
