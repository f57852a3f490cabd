import { z } from 'astro/zod';
import { paperSchema } from './paper';
import { recordSchema } from './record';

/**
 * One paper as `/data/papers.json` publishes it: every field of its entry file (absent fields
 * are left out, as in the file), plus where it is, plus its scholarly record under `record`.
 * Field names are an API: scripts read them, so a rename is a breaking change (bump DATA_VERSION).
 */
export const exportedPaperSchema = paperSchema
  .extend({
    /** The section id (content/<section>/), also the first segment of the paper's URL. */
    section: z.string().min(1),
    /** The entry id: the entry file's name without extension, the last segment of the URL. */
    id: z.string().min(1),
    /** The paper's page on the site, absolute. */
    url: z.url(),
    /**
     * Its scholarly record (src/schemas/record.ts: ids, title, authors, abstract, dates, venue,
     * PDF, code) when `npm run records` found one; the entry's own fields above win where both say
     * something. Absent without one.
     */
    record: recordSchema.optional(),
  })
  .strict();

/** 2: `record` added, and the CSV's `record_` columns (1: the entry's fields only). */
export const DATA_VERSION = 2;

/** `/data/papers.json`. */
export const papersFileSchema = z
  .object({
    /**
     * Raised when a field is renamed, removed or added: the published schema is strict (no unknown
     * fields), so a file with a new field fails a validator of the old schema.
     */
    version: z.literal(DATA_VERSION),
    /** How many papers follow (an entry listed in two sections counts twice, as on the site). */
    count: z.number().int().nonnegative(),
    /** Every entry, newest added first. */
    papers: z.array(exportedPaperSchema),
  })
  .strict();

export type ExportedPaper = z.output<typeof exportedPaperSchema>;
export type PapersFile = z.output<typeof papersFileSchema>;
