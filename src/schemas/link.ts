import { z } from 'astro/zod';
import { ARXIV_URL_START, HF_PAPERS_URL_START } from '../lib/arxiv';
import { listUrl } from './list-text';
import { typeError } from './errors';

/**
 * What a link points at, and everything the project knows about each kind: its label on the site,
 * what it is for (the guide page's table), and the URLs import infers it from. The one place for
 * link kinds: the site (src/lib/render/links.ts draws the chips) and the tooling import it.
 */
export const LINK_KINDS = ['paper', 'notes', 'code', 'project', 'openreview', 'blog', 'other'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

const KINDS: Record<LinkKind, { label: string; description: string }> = {
  paper: { label: 'Paper', description: 'the paper: arXiv, OpenReview PDF, proceedings, Hugging Face papers' },
  notes: { label: 'Notes', description: 'reading notes, e.g. a Zhihu article' },
  code: { label: 'Code', description: 'code or weights: GitHub, GitLab, Hugging Face' },
  project: { label: 'Project', description: 'the project page' },
  openreview: { label: 'OpenReview', description: 'the OpenReview discussion' },
  blog: { label: 'Blog', description: 'a blog post' },
  other: { label: 'Link', description: 'anything else' },
};
const eachKind = <T>(pick: (kind: (typeof KINDS)[LinkKind]) => T) =>
  Object.fromEntries(LINK_KINDS.map((kind) => [kind, pick(KINDS[kind])])) as Record<LinkKind, T>;

/** How each kind of link is labelled on the site. */
export const LINK_LABELS: Record<LinkKind, string> = eachKind((kind) => kind.label);

/** What each link kind is for, as the guide page (/contributing/) lists them. */
export const LINK_KIND_DESCRIPTIONS: Record<LinkKind, string> = eachKind((kind) => kind.description);

/** URL (host, or host and path prefix) → kind. First match wins; more specific rules come first. */
const URL_KINDS: [RegExp, LinkKind][] = [
  [new RegExp(ARXIV_URL_START, 'i'), 'paper'],
  [new RegExp(HF_PAPERS_URL_START, 'i'), 'paper'],
  [/^https?:\/\/openreview\.net\//i, 'openreview'],
  [
    /^https?:\/\/(?:aclanthology\.org|proceedings\.(?:neurips|mlr)\.(?:cc|press)|papers\.nips\.cc|openaccess\.thecvf\.com|dl\.acm\.org|ieeexplore\.ieee\.org|www\.semanticscholar\.org|hub\.baai\.ac\.cn\/paper)\b/i,
    'paper',
  ],
  [/^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|huggingface\.co)\//i, 'code'],
  [/^https?:\/\/(?:zhuanlan\.zhihu\.com|www\.zhihu\.com|mp\.weixin\.qq\.com)\//i, 'notes'],
  [/^https?:\/\/[^/]*\.github\.io\b/i, 'project'],
  [/^https?:\/\/(?:[^/]*\.)?(?:medium\.com|substack\.com|blog\.[^/]+)\//i, 'blog'],
  [/^https?:\/\/(?:[^/]+\/)+(?:blog|posts?)\//i, 'blog'],
];

/** The kind of link a URL is, from its host (and path); `other` when no rule knows it. */
export function inferLinkKind(url: string): LinkKind {
  return URL_KINDS.find(([pattern]) => pattern.test(url))?.[1] ?? 'other';
}

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
