import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { loadSections } from './lib/sections';
import { contentRoot } from './lib/paths';
import { paperSchema } from './schemas/paper';

const root = contentRoot();

/** One collection per registry section; the file name (without extension) is the entry id. */
export const collections = Object.fromEntries(
  loadSections().map((section) => [
    section.id,
    defineCollection({
      loader: glob({
        pattern: '*.{yaml,mdx}',
        base: path.join(root, section.id),
        generateId: ({ entry }) => entry.replace(/\.(yaml|mdx)$/, ''),
      }),
      schema: paperSchema,
    }),
  ]),
);
