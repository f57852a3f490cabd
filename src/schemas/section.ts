import { z } from 'astro/zod';
import { typeError } from './errors';
import { RESERVED_SECTION_IDS, reservedSectionId } from '../lib/routes';

/** Section ids name folders and URLs: lower-case words joined by hyphens. */
export const SECTION_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const sectionSchema = z
  .object({
    /** The folder under content/ and the URL segment of the section's pages. */
    id: z
      .string(typeError('text'))
      .regex(SECTION_ID_PATTERN, 'must be lower-case words joined by hyphens')
      .refine((id) => !reservedSectionId(id), {
        message: `is taken by a page of the site (${RESERVED_SECTION_IDS.join(', ')}); choose another id`,
      }),
    /** The heading exactly as the list writes it; the sync matches headings against it. */
    title: z.string(typeError('text')).trim().min(1, 'must not be empty'),
    /** A shorter name for navigation. */
    short: z.string(typeError('text')).trim().min(1, 'must not be empty').optional(),
    description: z.string(typeError('text')).trim().min(1, 'must not be empty'),
    order: z.number(typeError('a whole number')).int('must be a whole number'),
  })
  .strict();

export const sectionRegistrySchema = z
  .array(sectionSchema, typeError('a list of sections'))
  .min(1, 'needs at least one section')
  .superRefine((sections, ctx) => {
    const seen = new Set<string>();
    sections.forEach((section, index) => {
      if (seen.has(section.id))
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate section id "${section.id}"` });
      seen.add(section.id);
    });
  });

export type Section = z.output<typeof sectionSchema>;
