import path from 'node:path';
import { parseArgs } from 'node:util';
import { httpUrl } from '../../../src/schemas/link';
import { paperSchema, type PaperInput } from '../../../src/schemas/paper';
import type { Section } from '../../../src/schemas/section';
import { arxivIdFromUrl } from '../../../src/lib/arxiv';
import { readEntrySources, serializeEntry, type EntrySource } from '../../../src/lib/entry-files';
import { inferLinkKind } from './link-kind';
import { SamePaperIndex } from '../../../src/lib/same-paper';
import { findUnsafeMdx } from '../../../src/lib/mdx-safety';
import { entrySlug, uniqueSlug } from './slug';
import { formatZodIssue } from '../../../src/lib/zod-messages';
import { openContentRoot } from '../../../src/lib/content-root';

/** What `npm run new` is told, from flags or prompts. Everything is optional here: createEntry says what is missing. */
export interface NewEntryInput {
  section?: string;
  url?: string;
  title?: string;
  note?: string;
  tags?: readonly string[];
  venue?: string;
  org?: string;
  /** Write an MDX entry whose Markdown body is the note (for long notes). */
  mdx?: boolean;
}

export type NewEntryErrorCode = 'unknown-section' | 'bad-url' | 'missing-title' | 'duplicate' | 'invalid-entry';

/** A refusal the CLI prints as one line; `code` lets callers and tests tell the reasons apart. */
export class NewEntryError extends Error {
  constructor(
    readonly code: NewEntryErrorCode,
    message: string,
    /** For `duplicate`: the absolute path of the entry that already names the paper. */
    readonly existingFile?: string,
  ) {
    super(message);
    this.name = 'NewEntryError';
  }
}

export interface NewEntry {
  /** Absolute path the entry should be written to (nothing is written here). */
  file: string;
  text: string;
}

/** `"a, b,,a"` → `['a', 'b']`. */
export function splitTags(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** Reads `--section --url --title --note --tags --venue --org --mdx`; unknown flags throw. */
export function parseNewEntryArgs(argv: readonly string[]): NewEntryInput {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      section: { type: 'string' },
      url: { type: 'string' },
      title: { type: 'string' },
      note: { type: 'string' },
      tags: { type: 'string' },
      venue: { type: 'string' },
      org: { type: 'string' },
      mdx: { type: 'boolean' },
    },
  });
  return { ...values, tags: splitTags(values.tags) };
}

/** An interactive answer to "which section": its number in the shown list, or its id. */
export function resolveSectionChoice(answer: string, sections: readonly Section[]): string {
  const trimmed = answer.trim();
  const byNumber = /^\d+$/.test(trimmed) ? sections[Number(trimmed) - 1] : undefined;
  return byNumber?.id ?? trimmed;
}

/** Shown by file path relative to the folder holding the content root: `content/mllm/x.yaml`. */
function displayPath(file: string, root: string): string {
  return path.relative(path.dirname(root), file).split(path.sep).join('/');
}

const present = (text: string | undefined) => text?.trim() || undefined;

/**
 * Builds a new entry for `input.section` under the content `root`: id from the arXiv id or title
 * (made unique in the section), `added` = `today`, the link's kind inferred from its host. The
 * entry is checked with paperSchema and against the section's existing entries (same arXiv id or
 * same title key = the same paper). Throws NewEntryError; writes nothing.
 */
export function createEntry(input: NewEntryInput, { root, today }: { root: string; today: string }): NewEntry {
  const sectionIds = openContentRoot(root)
    .sections()
    .map((section) => section.id);
  const section = present(input.section);
  if (!section || !sectionIds.includes(section)) {
    const given = section ? `unknown section "${section}"` : 'no section given (--section)';
    throw new NewEntryError('unknown-section', `${given}; valid sections: ${sectionIds.join(', ')}`);
  }

  const url = present(input.url);
  if (!url) throw new NewEntryError('bad-url', 'no URL given (--url https://…)');
  if (!httpUrl.safeParse(url).success)
    throw new NewEntryError('bad-url', `"${url}" is not a URL starting with http:// or https://`);

  // There is no network access to look titles up, so the contributor gives it.
  const title = present(input.title);
  if (!title)
    throw new NewEntryError('missing-title', 'no title given (--title "…"): the title cannot be looked up, please pass it');

  const arxiv = arxivIdFromUrl(url);
  const mdx = input.mdx === true;
  const note = present(input.note);
  const paper: PaperInput = {
    title,
    links: [{ kind: inferLinkKind(url), url }],
    note: mdx ? undefined : note,
    added: today,
    arxiv,
    venue: present(input.venue),
    org: present(input.org),
    tags: input.tags?.length ? [...input.tags] : undefined,
  };
  const checked = paperSchema.safeParse(paper);
  if (!checked.success) {
    throw new NewEntryError('invalid-entry', checked.error.issues.map(formatZodIssue).join('; '));
  }

  const unsafe = mdx && note ? findUnsafeMdx(note) : [];
  if (unsafe.length) {
    const where = unsafe.map((issue) => `note line ${issue.line}: ${issue.message}`).join('; ');
    throw new NewEntryError('invalid-entry', `an MDX note must be plain Markdown: ${where}`);
  }

  const existing = readEntrySources(root, [section]);
  const listed = new SamePaperIndex<EntrySource>();
  for (const entry of existing) {
    // Entries that do not pass the schema are `npm run validate`'s business, not a reason to refuse.
    const other = paperSchema.safeParse(entry.data);
    if (other.success) listed.add(other.data, entry);
  }
  const same = listed.find(checked.data);
  if (same) {
    const why = same.reason.by === 'arxiv' ? `same arXiv id ${same.reason.id}` : 'same title';
    throw new NewEntryError(
      'duplicate',
      `this paper is already in section "${section}": ${displayPath(same.item.file, root)} (${why})`,
      same.item.file,
    );
  }

  const id = uniqueSlug(entrySlug(title, arxiv), new Set(existing.map((entry) => entry.id)));
  const format = mdx ? 'mdx' : 'yaml';
  // The list adds papers at its top: one above the section's highest position.
  const listPosition = topListPosition(existing.map((entry) => (entry.data as { listPosition?: unknown } | null)?.listPosition));
  return {
    file: path.join(root, section, `${id}.${format}`),
    text: serializeEntry({ ...paper, ...(listPosition !== undefined && { listPosition }) }, format, mdx ? note : ''),
  };
}

/** One above the highest position among `positions`, or undefined when none has one (then the export puts it first anyway). */
export function topListPosition(positions: readonly unknown[]): number | undefined {
  const numbers = positions.filter((value): value is number => Number.isInteger(value) && (value as number) > 0);
  return numbers.length ? Math.max(...numbers) + 1 : undefined;
}
