/**
 * The one wording for a paper added to a section while other sections already list it (allowed:
 * the list does it, but the maintainer decides): `npm run new` prints it in plain text, the
 * suggestion's pull request starts with it in Markdown.
 */

/** One section that lists the paper: its title and the paper's title, linked or not as the caller writes them. */
export interface Listing {
  sectionTitle: string;
  linkedTitle: string;
}

/** `Already listed in A as X; this adds it to B too.` (with `and in C as Y` for each further section). */
export function alreadyListedSentence(listings: readonly Listing[], addedTo: string): string {
  const places = listings.map((listing) => `${listing.sectionTitle} as ${listing.linkedTitle}`);
  const joined = places.length > 1 ? `${places.slice(0, -1).join(', in ')} and in ${places.at(-1)}` : places.join('');
  return `Already listed in ${joined}; this adds it to ${addedTo} too.`;
}
