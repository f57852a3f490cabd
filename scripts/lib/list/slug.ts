import { createHash } from 'node:crypto';
import { titleKey } from '../../../src/lib/title-key';

const MAX_SLUG_LENGTH = 60;

/**
 * A file-name-safe id for an entry: its arXiv id when known, else the ASCII words of its title
 * (cut at a word boundary), else a short hash of the title for titles with no ASCII words.
 */
export function entrySlug(title: string, arxiv?: string): string {
  if (arxiv) return arxiv.replace(/\//g, '-');
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  let slug = '';
  for (const word of words ?? []) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  if (slug) return slug;
  return `paper-${createHash('sha256').update(titleKey(title)).digest('hex').slice(0, 8)}`;
}

/** `base`, or `base-2`, `base-3`… — the first not in `taken`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
