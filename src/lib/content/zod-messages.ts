import type { z } from 'astro/zod';

/** One problem Zod found, as the validator and scripts print it. */
export type ZodIssue = z.core.$ZodIssue;

/** `links.0.url: must start with http:// or https://` — the field path, then what is wrong. */
export function formatZodIssue(issue: ZodIssue): string {
  const field = issue.path.length ? issue.path.join('.') : '(entry)';
  if (issue.code === 'unrecognized_keys') {
    return `${field === '(entry)' ? '' : `${field}.`}${issue.keys.join(', ')}: unknown field${issue.keys.length > 1 ? 's' : ''} (check the spelling)`;
  }
  return `${field}: ${issue.message}`;
}
