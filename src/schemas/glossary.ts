import { z } from 'astro/zod';
import { HAN } from '../lib/language';
import { typeError } from './errors';

/** Concept ids name anchors on the glossary page: lower-case words joined by hyphens. */
export const CONCEPT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const LATIN = /[A-Za-z]/;

const forms = (what: string, check: (form: string) => boolean, hint: string, min = 0) =>
  z
    .array(z.string(typeError(what)).trim().min(1, 'must not be empty'), typeError(`a list of ${what}`))
    .min(min, `needs at least one of ${what}`)
    .superRefine((list, ctx) => {
      list.forEach((form, index) => {
        if (!check(form)) ctx.addIssue({ code: 'custom', path: [index], message: hint });
      });
    });

/**
 * One concept of the bilingual glossary (content/glossary.yaml). A search for any of its forms
 * also finds the papers that use another form, so each form must be how papers really write it.
 */
export const conceptSchema = z
  .object({
    /** Anchor on the glossary page (`/glossary/#<id>`); stable, so links to it keep working. */
    id: z.string(typeError('text')).regex(CONCEPT_ID_PATTERN, 'must be lower-case words joined by hyphens'),
    /** English forms, lower-case, words as titles write them ("reward model", "high resolution"). */
    en: forms('English words', (form) => LATIN.test(form) && !HAN.test(form), 'must be English words (no Chinese)', 1),
    /** Chinese forms as notes write them (幻觉, 奖励模型). */
    zh: forms('Chinese words', (form) => HAN.test(form), 'must be Chinese (write English forms under en)', 1),
    /**
     * Abbreviations, written as papers write them (DPO, RLHF). Matched as whole words, and also
     * inside compounds of a title or note (FDPO, mDPO, RLHF-V), where a paper page indexes them.
     */
    abbr: forms(
      'abbreviations',
      (form) => /^[A-Za-z][A-Za-z0-9]*$/.test(form) && /[A-Z]/.test(form),
      'must be one word of letters and digits with a capital (DPO, RLHF, MoE)',
    ).optional(),
  })
  .strict();

export const glossarySchema = z.array(conceptSchema, typeError('a list of concepts')).superRefine((concepts, ctx) => {
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  concepts.forEach((concept, index) => {
    if (ids.has(concept.id))
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate concept id "${concept.id}"` });
    ids.add(concept.id);
    for (const kind of ['en', 'zh', 'abbr'] as const) {
      (concept[kind] ?? []).forEach((form, formIndex) => {
        const key = form.toLowerCase();
        const other = owner.get(key);
        if (other && other !== concept.id)
          ctx.addIssue({
            code: 'custom',
            path: [index, kind, formIndex],
            message: `"${form}" is already a form of "${other}": a form belongs to one concept`,
          });
        owner.set(key, concept.id);
      });
    }
  });
});

export type Concept = z.output<typeof conceptSchema>;
