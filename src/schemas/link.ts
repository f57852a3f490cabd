import { z } from 'astro/zod';
import { listUrl } from './list-text';
import { typeError } from './errors';

/** What a link points at; shown as its label on the site and inferred from the host on import. */
export const LINK_KINDS = ['paper', 'notes', 'code', 'project', 'openreview', 'blog', 'other'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** What each link kind is for, as the guide page (/contributing/) lists them. */
export const LINK_KIND_DESCRIPTIONS: Record<LinkKind, string> = {
  paper: 'the paper: arXiv, OpenReview PDF, proceedings, Hugging Face papers',
  notes: 'reading notes, e.g. a Zhihu article',
  code: 'code or weights: GitHub, GitLab, Hugging Face',
  project: 'the project page',
  openreview: 'the OpenReview discussion',
  blog: 'a blog post',
  other: 'anything else',
};

/** Only http(s): entries come from strangers' pull requests, so `javascript:` and `data:` never pass. */
export const httpUrl = z
  .string(typeError('a URL string'))
  .trim()
  .refine((value) => URL.canParse(value), 'must be an absolute URL')
  .refine((value) => /^https?:\/\//i.test(value), 'must start with http:// or https://');

export const linkSchema = z
  .object({
    kind: z.enum(LINK_KINDS, { error: `must be one of: ${LINK_KINDS.join(', ')}` }),
    // JSON Schema has no refinements: the URL rules travel to the editors' schema as a format and a pattern.
    url: listUrl(httpUrl).meta({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' }),
  })
  .strict();

export type Link = z.infer<typeof linkSchema>;
