import { defineCollection } from 'astro:content';
import path from 'node:path';
import { paperFiles } from './loaders/paper-files';
import { openContentRoot } from './lib/content-root';
import { paperSchema } from './schemas/paper';

const content = openContentRoot();

/** One collection per registry section; the file name (without extension) is the entry id. */
export const collections = Object.fromEntries(
  content.sections().map((section) => [
    section.id,
    defineCollection({
      loader: paperFiles(path.join(content.dir, section.id)),
      schema: paperSchema,
    }),
  ]),
);
