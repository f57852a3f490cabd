import { z } from 'astro/zod';

/**
 * What the awesome-list Markdown can carry. `npm run export:readme` writes each entry on one line,
 * `N. (tags)[Title](url)(note)(venue) [[Code]](url)`, and the import reads it back by matching
 * brackets (scripts/lib/list/parse.ts). So every text the line holds must be on one line, and the
 * title's [ ] and the note's, venue's and URL's ( ) must pair up; tags cannot hold the separators.
 * The schema checks this so that whatever validates also exports and imports back unchanged.
 */

/** True when every `close` pairs with an earlier `open` and none is left open. */
export function balanced(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (const character of text) {
    if (character === open) depth++;
    else if (character === close && --depth < 0) return false;
  }
  return depth === 0;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

type Refinement = [check: (text: string) => boolean, message: string];

const oneLine = (what: string): Refinement => [
  (text) => !LINE_BREAK.test(text),
  `must be on one line (the list writes each paper on one line)${what === 'note' ? '; for a long note use an .mdx entry' : ''}`,
];
const pairs = (open: string, close: string): Refinement => [
  (text) => balanced(text, open, close),
  `has an unpaired "${open}" or "${close}": the list could not read it back; pair them, or use full-width ${open === '[' ? '【 】' : '（ ）'}`,
];

/** Adds the list's rules for one field to a string schema. */
function carried<T extends z.ZodType<string>>(schema: T, refinements: Refinement[]): T {
  return refinements.reduce<T>((result, [check, message]) => result.refine(check, message), schema);
}

/** Title: written as `[Title](url)`. */
export const listTitle = <T extends z.ZodType<string>>(schema: T) => carried(schema, [oneLine('title'), pairs('[', ']')]);
/** Note and venue: written as `(note)(venue)`. */
export const listGroupText = <T extends z.ZodType<string>>(schema: T, what: 'note' | 'venue') =>
  carried(schema, [oneLine(what), pairs('(', ')')]);
/** A tag: written inside `(a, b)`, so it cannot hold a separator. */
export const listTag = <T extends z.ZodType<string>>(schema: T) =>
  carried(schema, [
    oneLine('tag'),
    [(text) => !/[,，、]/.test(text), 'cannot contain a comma or 、 (the list separates tags with them): make it two tags'],
    pairs('(', ')'),
  ]);
/** A URL: written as `(url)`, read up to its matching `)` and refused when it holds spaces. */
export const listUrl = <T extends z.ZodType<string>>(schema: T) =>
  carried(schema, [[(text) => !/\s/.test(text), 'must not contain spaces (write %20)'], pairs('(', ')')]);
