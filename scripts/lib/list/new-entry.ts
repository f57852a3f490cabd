import path from 'node:path';
import { parseArgs } from 'node:util';
import { httpUrl, inferLinkKind, linkSchema } from '../../../src/schemas/link';
import { paperSchema, type PaperInput } from '../../../src/schemas/paper';
import type { Section } from '../../../src/schemas/section';
import { arxivIdFromUrl } from '../../../src/lib/arxiv';
import { parseEntrySource, readEntrySources, serializeEntry } from '../../../src/lib/content/entry-files';
import { duplicatesAddedBy, listedElsewhere, type ValidEntry } from '../../../src/lib/validate/section-duplicates';
import { findUnsafeMdx } from '../../../src/lib/validate/mdx-safety';
import { entrySlug, uniqueSlug } from './slug';
import { formatZodIssue } from '../../../src/lib/content/zod-messages';
import { openContentRoot } from '../../../src/lib/content/content-root';
import { displayPath } from '../../../src/lib/paths';

/** What `npm run new` is told, from flags or prompts. Everything is optional here: createEntry says what is missing. */
export interface NewEntryInput {
  section?: string;
  url?: string;
  title?: string;
  note?: string;
  tags?: readonly string[];
  venue?: string;
  org?: string;
  /** When the paper came out, `YYYY-MM`; derived from a new-style arXiv id when not given. */
  published?: string;
  /**
   * A long note: the note is the entry file's Markdown body, in `<id>.md`, or `<id>.mdx` when it
   * uses a component (src/lib/validate/mdx-safety.ts).
   */
  long?: boolean;
}

export type NewEntryErrorCode = 'unknown-section' | 'bad-url' | 'missing-title' | 'duplicate' | 'invalid-entry';

/** A refusal the CLI prints as one line; `code` lets callers and tests tell the reasons apart. */
export class NewEntryError extends Error {
  constructor(
    readonly code: NewEntryErrorCode,
    message: string,
    /** For `duplicate` in the entry's own section: the absolute path of the entry there that already names the paper. */
    readonly existingFile?: string,
    /** With `existingFile`: why it is the same paper, in words (`same arXiv id 2409.12191`). */
    readonly samePaper?: string,
  ) {
    super(message);
    this.name = 'NewEntryError';
  }
}

export interface NewEntry {
  /** Absolute path the entry should be written to (nothing is written here). */
  file: string;
  text: string;
  /** Other sections that already list the paper (allowed, but worth saying), in the order of the list's files. */
  listedIn: ListedIn[];
}

/** An entry of another section that names the same paper. */
export interface ListedIn {
  section: string;
  /** Its absolute path, and its id (its file name). */
  file: string;
  id: string;
  title: string;
  /** Why it is the same paper, in words (`same title`). */
  why: string;
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

/** The flags of `npm run new`, as `node:util` parseArgs options. */
export const NEW_ENTRY_OPTIONS = {
  section: { type: 'string' },
  url: { type: 'string' },
  title: { type: 'string' },
  note: { type: 'string' },
  tags: { type: 'string' },
  venue: { type: 'string' },
  org: { type: 'string' },
  published: { type: 'string' },
  long: { type: 'boolean' },
} as const;

/** Reads `--section --url --title --note --tags --venue --org --published --long`; unknown flags throw. */
export function parseNewEntryArgs(argv: readonly string[]): NewEntryInput {
  const { values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: NEW_ENTRY_OPTIONS });
  return fromFlags(values);
}

/** Parsed flag values as createEntry's input. */
export function fromFlags(values: {
  [K in keyof typeof NEW_ENTRY_OPTIONS]?: K extends 'long' ? boolean : string;
}): NewEntryInput {
  return { ...values, tags: splitTags(values.tags) };
}

/**
 * The month a new-style arXiv id was submitted (`2408.03326` → `2024-08`): the id's first four
 * digits are the year and month. Old-style ids (`hep-th/9901001`) give undefined.
 */
export function monthOfArxivId(id: string | undefined): string | undefined {
  const match = /^(\d{2})(0[1-9]|1[0-2])\.\d{4,5}/.exec(id ?? '');
  return match ? `20${match[1]}-${match[2]}` : undefined;
}

/** Why one answer cannot be used, or undefined when it can: the interactive mode asks again until it can. */
export type AnswerCheck = (answer: string) => string | undefined;

/** The first schema message for `value` in `field`, worded as validate words it (without the field). */
function fieldMessage(
  schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error!.issues[0]!.message;
}

/** Checks for each prompt of the interactive mode, using the same schema as validation. */
export function answerChecks(
  root: string,
): Record<'section' | 'url' | 'title' | 'note' | 'tags' | 'venue' | 'org' | 'published', AnswerCheck> {
  const shape = paperSchema.shape;
  const optional =
    (check: AnswerCheck): AnswerCheck =>
    (answer) =>
      answer.trim() ? check(answer.trim()) : undefined;
  const sections = openContentRoot(root).sections();
  return {
    section: (answer) => {
      const id = resolveSectionChoice(answer, sections);
      return sections.some((section) => section.id === id)
        ? undefined
        : `no such section: give its number (1–${sections.length}) or its id`;
    },
    url: (answer) => {
      if (!answer.trim()) return 'a link is required';
      const message = fieldMessage(linkSchema.shape.url, answer.trim());
      return message && `the link ${message}`;
    },
    title: (answer) => {
      if (!answer.trim()) return 'a title is required (it cannot be looked up)';
      const message = fieldMessage(shape.title, answer);
      return message && `the title ${message}`;
    },
    note: optional((answer) => {
      const message = fieldMessage(shape.note, answer);
      return message && `the note ${message}`;
    }),
    tags: optional((answer) => {
      const message = fieldMessage(shape.tags, splitTags(answer));
      return message && `a tag ${message}`;
    }),
    venue: optional((answer) => {
      const message = fieldMessage(shape.venue, answer);
      return message && `the venue ${message}`;
    }),
    org: optional((answer) => {
      const message = fieldMessage(shape.org, answer);
      return message && `the organisation ${message}`;
    }),
    published: optional((answer) => {
      const message = fieldMessage(shape.published, answer);
      return message && `the month ${message}`;
    }),
  };
}

/** An interactive answer to "which section": its number in the shown list, or its id. */
export function resolveSectionChoice(answer: string, sections: readonly Section[]): string {
  const trimmed = answer.trim();
  const byNumber = /^\d+$/.test(trimmed) ? sections[Number(trimmed) - 1] : undefined;
  return byNumber?.id ?? trimmed;
}

const present = (text: string | undefined) => text?.trim() || undefined;

/**
 * Builds a new entry for `input.section` under the content `root`: id from the arXiv id or title
 * (made unique in the section), `added` = `today`, the link's kind inferred from its host. The
 * entry is checked with paperSchema and against the list as validation checks it: refused when its
 * section would list its paper twice (by the same-paper rule, through entries of any section), or
 * when it would join two papers of another section. Throws NewEntryError; writes nothing. Other
 * sections listing the paper are allowed and named in `listedIn`, for the caller to say so.
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
  const long = input.long === true;
  const note = present(input.note);
  const format = long ? bodyFormat(note ?? '') : 'yaml';
  const paper: PaperInput = {
    title,
    links: [{ kind: inferLinkKind(url), url }],
    note: long ? undefined : note,
    added: today,
    arxiv,
    published: present(input.published) ?? monthOfArxivId(arxiv),
    venue: present(input.venue),
    org: present(input.org),
    tags: input.tags?.length ? [...input.tags] : undefined,
  };
  const checked = paperSchema.safeParse(paper);
  if (!checked.success) {
    throw new NewEntryError('invalid-entry', checked.error.issues.map(formatZodIssue).join('; '));
  }

  const unsafe = format === 'mdx' && note ? findUnsafeMdx(note) : [];
  if (unsafe.length) {
    const where = unsafe.map((issue) => `note line ${issue.line}: ${issue.message}`).join('; ');
    throw new NewEntryError(
      'invalid-entry',
      `the note uses components, so it is MDX, where only Markdown and the allowed components may stand: ${where}`,
    );
  }

  // Validation compares every section's entries, so a chain through another section counts; ids
  // and list positions are per section.
  const sources = readEntrySources(root, sectionIds);
  const existing = sources.filter((source) => source.section === section);
  const id = uniqueSlug(entrySlug(title, arxiv), new Set(existing.map((entry) => entry.id)));
  // The list adds papers at its top: one above the section's highest position.
  const listPosition = topListPosition(existing.map((entry) => (entry.data as { listPosition?: unknown } | null)?.listPosition));
  const file = path.join(root, section, `${id}.${format}`);
  const text = serializeEntry(
    { ...paper, ...(listPosition !== undefined && { listPosition }) },
    format,
    long ? (note ?? '') : '',
  );
  const added: ValidEntry = { source: parseEntrySource(file, text, section), paper: checked.data };
  // Entries that do not pass the schema are `npm run validate`'s business, not a reason to refuse.
  const listed = sources.flatMap((source) => {
    const valid = paperSchema.safeParse(source.data);
    return valid.success ? [{ source, paper: valid.data }] : [];
  });
  refuseDuplicates(listed, added, root);
  const listedIn = listedElsewhere(listed, added).map(({ entry, why }) => ({
    section: entry.source.section,
    file: entry.source.file,
    id: entry.source.id,
    title: entry.paper.title,
    why,
  }));
  return { file, text, listedIn };
}

/**
 * Throws when validation would report a paper listed twice in a section once `added` is written:
 * `added` itself (its section lists the paper, directly or through entries elsewhere), or two
 * entries of another section it would join. A paper listed in other sections only is welcome.
 */
function refuseDuplicates(listed: readonly ValidEntry[], added: ValidEntry, root: string): void {
  const duplicates = duplicatesAddedBy(listed, added);
  const shown = (entry: ValidEntry) => displayPath(entry.source.file, path.dirname(root));
  const same = duplicates.find((duplicate) => duplicate.entry === added);
  if (same)
    throw new NewEntryError(
      'duplicate',
      `this paper is already in section "${added.source.section}": ${shown(same.first)} (${same.why})`,
      same.first.source.file,
      same.why,
    );
  const joined = duplicates[0];
  if (joined)
    throw new NewEntryError(
      'duplicate',
      `this paper would join two entries of section "${joined.entry.source.section}" into one paper: ${shown(joined.entry)} and ${shown(joined.first)} (${joined.why}); check its title and links, or merge those two entries`,
    );
}

/**
 * A long note's file: `.md` for Markdown, `.mdx` only when it writes a component tag (`<Callout`),
 * as validation wants it (an `.mdx` entry without a component gets a warning; in `.md` a tag shows
 * as text). An unknown component then gets MDX's refusal, which lists the allowed ones.
 */
function bodyFormat(note: string): 'md' | 'mdx' {
  return /<[A-Z]/.test(note) ? 'mdx' : 'md';
}

/** One above the highest position among `positions`, or undefined when none has one (then the export puts it first anyway). */
export function topListPosition(positions: readonly unknown[]): number | undefined {
  const numbers = positions.filter((value): value is number => Number.isInteger(value) && (value as number) > 0);
  return numbers.length ? Math.max(...numbers) + 1 : undefined;
}
