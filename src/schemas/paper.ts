import { z } from 'astro/zod';
import { arxivId } from './arxiv';
import { isoDay, isoMonth } from './dates';
import { linkSchema } from './link';
import { listGroupText, listTag, listTitle } from './list-text';
import { typeError } from './errors';

export { LINK_KIND_DESCRIPTIONS, LINK_KINDS, type Link, type LinkKind } from './link';

const nonEmptyText = (what: string) => z.string(typeError(what)).trim().min(1, 'must not be empty');

/**
 * One paper of the list: THE schema. Content collections, the CLI scripts, the JSON Schema for
 * editors and the tests all use it. Strict: an unknown key (a typo such as `titel`) is an error.
 * Each field's `describe()` text is its documentation: the guide page (/contributing/) and the
 * JSON Schema for editors show it.
 */
export const paperSchema = z
  .object({
    title: listTitle(nonEmptyText('text')).describe(
      'The paper’s title as published. Quote it when it contains `: ` (`title: "Qwen2-VL: …"`).',
    ),
    links: z
      .array(linkSchema, typeError('a list of links'))
      .min(1, 'needs at least one link')
      .describe(
        'At least one link, each with a `kind` and a `url` that starts with `http://` or `https://`. The first link is the paper itself.',
      ),
    note: listGroupText(z.string(typeError('text')).trim(), 'note')
      .optional()
      .describe(
        'A short reading note, Chinese or English, plain text. A longer note goes in the body of an `.md` entry (Markdown) or an `.mdx` entry (Markdown with components).',
      ),
    added: isoDay.describe('The day the paper joined the list, `YYYY-MM-DD`.'),
    arxiv: arxivId
      .optional()
      .describe('The arXiv id, **quoted**: `arxiv: "2409.12191"` (unquoted, YAML reads a number and the check fails).'),
    published: isoMonth.optional().describe('When the paper came out, `YYYY-MM`.'),
    venue: listGroupText(nonEmptyText('text'), 'venue')
      .optional()
      .describe('Where it was published, e.g. `CVPR 2024`, `NeurIPS 2023`, `arXiv`.'),
    org: nonEmptyText('text').optional().describe('The main organisation behind it, e.g. `Alibaba`.'),
    tags: z
      .array(listTag(nonEmptyText('text')), typeError('a list of tags'))
      .optional()
      .describe('A list of short topics, e.g. `video`, `high resolution`.'),
    authors: z.array(nonEmptyText('text'), typeError('a list of names')).optional().describe('A list of author names.'),
    /**
     * Where the list places the paper in its section, counted from the bottom (1 = the last line),
     * so papers the list adds at its top leave every other number unchanged. The sync writes it;
     * the export orders by it, highest first. Without it a paper is newer than the list: it goes
     * to the top of its section, where the list puts new papers.
     */
    listPosition: z
      .number(typeError('a whole number'))
      .int('must be a whole number')
      .positive('must be 1 or more')
      .optional()
      .describe(
        'Written by the sync: the paper’s place in its section of the list, counted from the bottom. Leave it out for a new paper (it goes to the top).',
      ),
  })
  .strict();

/** What an entry file holds (before defaults and trimming). */
export type PaperInput = z.input<typeof paperSchema>;
/** What the site and scripts work with. */
export type Paper = z.output<typeof paperSchema>;

/** Whether an entry may leave the field out. */
export function isOptionalField(name: keyof Paper): boolean {
  return paperSchema.shape[name].safeParse(undefined).success;
}

/** Field order in written entry files, so files read the same whoever wrote them. */
export const PAPER_FIELD_ORDER = Object.keys(paperSchema.shape) as (keyof Paper)[];
