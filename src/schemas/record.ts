import { z } from 'astro/zod';
import { arxivId } from './arxiv';
import { isoDay } from './dates';
import { typeError } from './errors';

const text = (what: string) => z.string(typeError(what)).trim().min(1, 'must not be empty');
const httpUrl = z
  .url('must be a URL')
  .refine((url) => /^https?:\/\//i.test(url), 'must start with http:// or https://')
  .meta({ pattern: '^https?://' });

/** The scholarly services a record comes from. */
export const RECORD_SOURCES = ['arxiv', 'openreview'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

/**
 * A paper's scholarly record: what arXiv or OpenReview says of it (authors, abstract, dates, the
 * PDF), fetched by `npm run records` and kept apart from what people write. The entry file is the
 * list's and the contributors'; this file is the service's, at `records/<section>/<entry id>.yaml`
 * in the content folder, and nothing but the records command writes it. Where both say something
 * (authors, venue), the entry wins. Strict like the entry schema: an unknown key is an error.
 */
export const recordSchema = z
  .object({
    /** Which service answered. */
    source: z.enum(RECORD_SOURCES, typeError('one of arxiv, openreview')),
    /** The day the answer was fetched; a refresh that changes nothing else keeps the old day. */
    fetched: isoDay,
    /** The arXiv id with its version (`2409.12191v2`): the latest version when fetched. */
    arxiv: arxivId.optional(),
    /** The DOI, when the source gives one (`10.1145/…`). */
    doi: text('text')
      .regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI such as 10.1145/1234567')
      .optional(),
    /** The OpenReview forum id (`openreview.net/forum?id=…`). */
    openreview: text('text')
      .regex(/^[A-Za-z0-9_-]+$/, 'must be an OpenReview forum id')
      .optional(),
    /** The title as the source spells it (white space folded, LaTeX kept). */
    title: text('text'),
    /** Every author, in the paper's order, as the source writes the names. */
    authors: z.array(text('text'), typeError('a list of names')),
    /** The abstract as the source gives it (white space folded; LaTeX kept). */
    abstract: text('text').optional(),
    /** The day of the first version (arXiv `published`, OpenReview's publication date). */
    published: isoDay.optional(),
    /** The day of the last version, when there is more than one. */
    updated: isoDay.optional(),
    /** arXiv's primary category (`cs.CV`). */
    category: text('text').optional(),
    /** The venue or journal reference the source gives (`ICLR 2025`, arXiv's `journal_ref`). */
    venue: text('text').optional(),
    /** The abstract page: arxiv.org/abs/… or openreview.net/forum?id=… */
    url: httpUrl,
    /** The PDF. */
    pdf: httpUrl.optional(),
    /** A code repository the record names (a GitHub URL in the abstract or arXiv's comment). */
    code: httpUrl.optional(),
  })
  .strict()
  .superRefine((record, context) => {
    if (record.source === 'arxiv' && !record.arxiv) {
      context.addIssue({ code: 'custom', path: ['arxiv'], message: 'an arXiv record needs its arXiv id' });
    }
    if (record.source === 'openreview' && !record.openreview) {
      context.addIssue({ code: 'custom', path: ['openreview'], message: 'an OpenReview record needs its forum id' });
    }
  });

export type PaperRecord = z.output<typeof recordSchema>;

/** Field order in written record files, so a refresh rewrites a file the same way. */
export const RECORD_FIELD_ORDER = [
  'source',
  'fetched',
  'arxiv',
  'doi',
  'openreview',
  'title',
  'authors',
  'abstract',
  'published',
  'updated',
  'category',
  'venue',
  'url',
  'pdf',
  'code',
] as const satisfies readonly (keyof PaperRecord)[];
