/**
 * The one way to write HTML as a string: the `html` tagged template, which escapes every value it
 * interpolates, as Astro escapes expressions (& < > " '), unless the value is itself HTML: the
 * result of another `html` template, or a string marked with `raw()`. Pages written as strings
 * (lib/render/paper-page, paper-card, site-nav, links) are safe by default: a value someone forgets to
 * think about comes out as text. tests/unit/render/html.test.ts fails on a template in src/ that builds
 * HTML without the tag.
 */

/** HTML that is safe to insert as it is; `String(value)` or `.value` is its text. */
export class Html {
  // A plain field, not a constructor parameter property: Node runs this file without a compiler
  // (bench/floor.mjs imports it), and strips only types.
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: text (escaped), HTML, nothing (null, undefined, false) or a list of these, joined. */
export type HtmlValue = string | number | Html | null | undefined | false | readonly HtmlValue[];

/** `html\`<p>${text}</p>\``: the markup as written, each value escaped unless it is `Html`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index++) out += valueHtml(values[index]) + strings[index + 1]!;
  return new Html(out);
}

/**
 * Marks a string as HTML that is already safe, so `html` inserts it unescaped. Only for HTML made
 * by a module whose job is to make it safe (the Markdown pipeline's rendered notes), never for text.
 */
export function raw(safeHtml: string): Html {
  return new Html(safeHtml);
}

function valueHtml(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (typeof value === 'object') {
    // Concatenated, not joined: V8's join copies every piece of a listing's cards into a new
    // string, where `+=` links them and leaves the one copy to the page's encoding (bench/results.md).
    let out = '';
    for (const item of value) out += valueHtml(item);
    return out;
  }
  return escapeHtml(String(value));
}

/** Text or an attribute value as HTML, escaped as Astro escapes expressions (& < > " '). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
