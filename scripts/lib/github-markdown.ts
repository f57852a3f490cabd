/**
 * Text for GitHub Markdown (pull-request descriptions, issue comments). Text a stranger wrote goes
 * in code (`codeSpan`, `codeBlock`), where GitHub renders no markup, mentions no one and links no
 * issue, so a note saying `@someone` or `closes #12` stays text.
 */

/** Plain text such as a title: Markdown does not read its `*`, `_`, `[`, `<` as syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}

/** Control characters (tab aside) shown as U+FFFD, so a comment never carries them. */
function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

/** A fence longer than any run of `character` in `text` (at least `min`). */
function fence(text: string, character: '`', min: number): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  return character.repeat(Math.max(min, longest + 1));
}

/**
 * `text` as one inline code span: line breaks become ` ⏎ `, and text longer than `max`
 * characters is cut (with `…`), so a long answer quoted back stays short.
 */
export function codeSpan(text: string, max = 200): string {
  const flat = visible(text.replace(/\r?\n/g, ' ⏎ '));
  const cut = [...flat].length > max ? `${[...flat].slice(0, max).join('')}…` : flat;
  const ticks = fence(cut, '`', 1);
  const pad = /^[`\s]|[`\s]$/.test(cut) ? ' ' : '';
  return `${ticks}${pad}${cut}${pad}${ticks}`;
}

/** `text` as a fenced code block, its fence longer than any backtick run inside. */
export function codeBlock(text: string, language = ''): string {
  const body = visible(text.replace(/\n$/, ''));
  const ticks = fence(body, '`', 3);
  return `${ticks}${language}\n${body}\n${ticks}`;
}
