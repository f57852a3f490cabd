import { titleKey } from './title-key';

/** A tag as a URL segment: its title key (NFKC, case folded, punctuation runs) joined by hyphens. */
export function tagSlug(tag: string): string {
  return titleKey(tag).replaceAll(' ', '-');
}

/** True when an entry carries the tag whose slug is `slug` (however the entry spells it). */
export function hasTag(entry: { data: { tags?: readonly string[] } }, slug: string): boolean {
  return entry.data.tags?.some((tag) => tagSlug(tag) === slug) ?? false;
}
