/** What the readers of both services share: the error of an answer that cannot be read, and small text helpers. */

/** An answer that is not what the service's API documents (malformed XML or JSON, a missing field). */
export class AnswerError extends Error {}

/** White space as one space (arXiv wraps titles and abstracts with a newline and spaces). */
export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `2024-09-18` of `2024-09-18T17:59:32Z` (or of a day), else undefined. */
export function isoDayOf(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

/** The first GitHub repository URL in `text` (`https://github.com/owner/name`), without a trailing stop. */
export function githubUrlIn(text: string): string | undefined {
  const match = /https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9_.-]+)/.exec(text);
  if (!match) return undefined;
  const name = match[2]!.replace(/\.git$/, '').replace(/[.]+$/, '');
  return name ? `https://github.com/${match[1]}/${name}` : undefined;
}
