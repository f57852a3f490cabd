import type { ZodIssue } from 'astro/zod';

/** `links.0.url: must start with http:// or https://` — the field path, then what is wrong. */
export function formatZodIssue(issue: ZodIssue): string {
  const field = issue.path.length ? issue.path.join('.') : '(entry)';
  if (issue.code === 'unrecognized_keys') {
    return `${field === '(entry)' ? '' : `${field}.`}${issue.keys.join(', ')}: unknown field${issue.keys.length > 1 ? 's' : ''} (check the spelling)`;
  }
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return `${field}: is required`;
  return `${field}: ${issue.message}`;
}
