import { defineCollection } from 'astro:content';
import path from 'node:path';
import { loadSections } from './lib/sections';
import { paperFiles } from './loaders/paper-files';
import { contentRoot } from './lib/paths';
import { paperSchema } from './schemas/paper';

const root = contentRoot();

/** One collection per registry section; the file name (without extension) is the entry id. */
export const collections = Object.fromEntries(
  loadSections().map((section) => [
    section.id,
    defineCollection({
      loader: paperFiles(path.join(root, section.id)),
      schema: paperSchema,
    }),
  ]),
);
