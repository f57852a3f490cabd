import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse } from 'yaml';

/**
 * The Astro floor's collections: the entries' YAML through `glob()`, each paper's record through
 * `glob()`, the section registry through `file()`, and the MDX entries' front matter and long note
 * as plain text (no MDX integration: the no-framework floor does not render them either).
 */
const contentDir = process.env.CONTENT_DIR;
if (!contentDir) throw new Error('the Astro floor builds the content folder CONTENT_DIR names; set it');

/** `<section>/<entry id>`, the file's own path: the default id would slug `2409.12191` to `240912191`. */
const generateId = ({ entry }: { entry: string }) => entry.replace(/\.[^.]+$/, '');
/** A day as written: Astro's YAML reader makes an unquoted date a Date. */
const day = z.union([z.string(), z.date().transform((date) => date.toISOString().slice(0, 10))]);

/** What the page shows of an entry, and nothing more. */
const paper = z.object({
  title: z.string(),
  note: z.string().optional(),
  links: z.array(z.object({ kind: z.string(), url: z.string() })).default([]),
  added: day,
  published: z.string().optional(),
  venue: z.string().optional(),
  org: z.string().optional(),
  authors: z.array(z.string()).optional(),
  arxiv: z.string().optional(),
  tags: z.array(z.string()).default([]),
});

export const collections = {
  sections: defineCollection({
    loader: file(path.join(contentDir, 'sections.yaml')),
    schema: z.object({ title: z.string(), order: z.number() }),
  }),
  papers: defineCollection({
    loader: glob({ pattern: ['*/*.yaml', '!records/**'], base: contentDir, generateId }),
    schema: paper,
  }),
  longNotes: defineCollection({
    loader: {
      name: 'mdx-as-text',
      load: async ({ store, parseData }) => {
        const files = await readdir(contentDir, { recursive: true });
        for (const name of files.filter((file) => /^[^/]+\/[^/]+\.mdx$/.test(file))) {
          const text = await readFile(path.join(contentDir, name), 'utf8');
          const end = text.indexOf('\n---', 4);
          const id = generateId({ entry: name });
          store.set({ id, data: await parseData({ id, data: parse(text.slice(4, end)) }), body: text.slice(end + 4) });
        }
      },
    },
    schema: paper,
  }),
  records: defineCollection({
    loader: glob({ pattern: '*/*.yaml', base: path.join(contentDir, 'records'), generateId }),
    schema: z.object({
      authors: z.array(z.string()),
      abstract: z.string().optional(),
      published: day.optional(),
      venue: z.string().optional(),
      arxiv: z.string().optional(),
      url: z.string(),
      pdf: z.string().optional(),
      code: z.string().optional(),
    }),
  }),
};
