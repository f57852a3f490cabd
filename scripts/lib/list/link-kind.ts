import type { LinkKind } from '../../../src/schemas/link';

/** Host (or host + path prefix) → kind. First match wins; more specific rules come first. */
const RULES: [RegExp, LinkKind][] = [
  [/^https?:\/\/(?:www\.|export\.)?arxiv\.org\//i, 'paper'],
  [/^https?:\/\/(?:www\.)?huggingface\.co\/papers\//i, 'paper'],
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

export function inferLinkKind(url: string): LinkKind {
  return RULES.find(([pattern]) => pattern.test(url))?.[1] ?? 'other';
}
