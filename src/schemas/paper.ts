import { z } from 'astro/zod';
import { arxivId } from './arxiv';
import { isoDay, isoMonth } from './dates';
import { linkSchema } from './link';
import { listGroupText, listTag, listTitle } from './list-text';

export { LINK_KINDS, type Link, type LinkKind } from './link';

const nonEmptyText = (what: string) =>
  z
    .string({ required_error: 'is required', invalid_type_error: `must be ${what}` })
    .trim()
    .min(1, 'must not be empty');

/**
 * One paper of the list: THE schema. Content collections, the CLI scripts, the JSON Schema for
 * editors and the tests all use it. Strict: an unknown key (a typo such as `titel`) is an error.
 */
export const paperSchema = z
  .object({
    title: listTitle(nonEmptyText('text')),
    links: z
      .array(linkSchema, { required_error: 'is required', invalid_type_error: 'must be a list of links' })
      .min(1, 'needs at least one link'),
    note: listGroupText(z.string({ invalid_type_error: 'must be text' }).trim(), 'note').optional(),
    added: isoDay,
    arxiv: arxivId.optional(),
    published: isoMonth.optional(),
    venue: listGroupText(nonEmptyText('text'), 'venue').optional(),
    org: nonEmptyText('text').optional(),
    tags: z.array(listTag(nonEmptyText('text')), { invalid_type_error: 'must be a list of tags' }).optional(),
    authors: z.array(nonEmptyText('text'), { invalid_type_error: 'must be a list of names' }).optional(),
    /**
     * Where the list places the paper in its section, counted from the bottom (1 = the last line),
     * so papers the list adds at its top leave every other number unchanged. The sync writes it;
     * the export orders by it, highest first. Without it a paper is newer than the list: it goes
     * to the top of its section, where the list puts new papers.
     */
    listPosition: z
      .number({ invalid_type_error: 'must be a whole number' })
      .int('must be a whole number')
      .positive('must be 1 or more')
      .optional(),
  })
  .strict();

/** What an entry file holds (before defaults and trimming). */
export type PaperInput = z.input<typeof paperSchema>;
/** What the site and scripts work with. */
export type Paper = z.output<typeof paperSchema>;

/** Field order in written entry files, so files read the same whoever wrote them. */
export const PAPER_FIELD_ORDER = Object.keys(paperSchema.shape) as (keyof Paper)[];
