import { existsSync } from 'node:fs';
import { paperSchema, type LinkKind, type Paper } from '../../../src/schemas/paper';
import type { Section } from '../../../src/schemas/section';
import { type EntrySource } from '../../../src/lib/entry-files';
import { LINK_LABELS } from '../../../src/lib/links';
import { parseList, type ListEntryFields } from './parse';
import { sortEntries } from '../../../src/lib/sort';
import { formatZodIssue } from '../../../src/lib/zod-messages';
import { openContentRoot } from '../../../src/lib/content-root';

/** The list as the export writes it: header prose, then sections of entries in order. */
export interface ListDocument {
  header: string;
  sections: { title: string; entries: ListEntryFields[] }[];
}

/** How an extra link is labelled in the list (`[[Code]](…)`): the site's labels, in the list's own words for notes. */
export const LIST_LINK_LABELS: Record<LinkKind, string> = { ...LINK_LABELS, notes: 'Reading Notes' };

const TABLE_OF_CONTENTS_TITLE = 'Table of Contents';

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * `N. (tags)[Title](url)(note)(venue) [[Code]](url) …`. Without a note but with a venue the note
 * group is written empty, `()(venue)`, because the first group always reads back as the note.
 */
export function entryLine(number: number, entry: ListEntryFields): string {
  const [main, ...extra] = entry.links;
  const tags = entry.tags?.length ? `(${entry.tags.join(', ')})` : '';
  const note = entry.note ? `(${entry.note})` : entry.venue ? '()' : '';
  const venue = entry.venue ? `(${entry.venue})` : '';
  const links = extra.map((link) => ` [[${LIST_LINK_LABELS[link.kind]}]](${link.url})`).join('');
  return `${number}. ${tags}[${entry.title}](${main!.url})${note}${venue}${links}`;
}

/** The whole list: header, a generated Table of Contents, then each section's numbered entries. */
export function writeList(document: ListDocument): string {
  const toc = [
    `# ${TABLE_OF_CONTENTS_TITLE}`,
    ...document.sections.map((section) => `- [${section.title}](#${headingAnchor(section.title)})`),
  ].join('\n');
  const sections = document.sections.map((section) =>
    [`# ${section.title}`, ...section.entries.map((entry, index) => entryLine(index + 1, entry))].join('\n'),
  );
  return `${[document.header.trim() ? document.header.trimEnd() : '', toc, ...sections].filter(Boolean).join('\n\n')}\n`;
}

/**
 * The document for the registry's sections from entry files, each validated against the schema.
 * Invalid files come back as `file:line: message` problems instead of being written half-known.
 * Order within a section is the site's "newest added" order (ties by title): the files do not
 * record the list's own order (no schema field holds it). Re-importing an export changes nothing
 * anyway, because the import matches entries by title and arXiv id, never by position.
 */
export function collectListDocument(
  sections: readonly Section[],
  sources: readonly EntrySource[],
  header: string,
): { document: ListDocument; problems: string[] } {
  const problems: string[] = [];
  const papersBySection = new Map<string, { id: string; data: Paper }[]>();
  for (const source of sources) {
    if (source.syntaxErrors.length) {
      problems.push(...source.syntaxErrors.map((error) => `${source.file}:${error.line}: ${error.message}`));
      continue;
    }
    const result = paperSchema.safeParse(source.data);
    if (!result.success) {
      problems.push(
        ...result.error.issues.map((issue) => `${source.file}:${source.lineOf(issue.path)}: ${formatZodIssue(issue)}`),
      );
      continue;
    }
    papersBySection.set(source.section, [...(papersBySection.get(source.section) ?? []), { id: source.id, data: result.data }]);
  }
  const document: ListDocument = {
    header,
    sections: sections.map((section) => ({
      title: section.title,
      entries: sortEntries(papersBySection.get(section.id) ?? [], 'added').map((entry) => entry.data),
    })),
  };
  return { document, problems };
}

/**
 * The list Markdown for `contentDir`, or the problems that stop the export: invalid entry files,
 * and lines of the result that would not import back (a note with unbalanced parentheses, say).
 */
export function exportListFromDisk(contentDir: string): { text: string; problems: string[] } {
  const content = openContentRoot(contentDir);
  const sections = content.sections();
  const header = existsSync(content.aboutFile) ? content.readAbout() : '';
  const sources = content.entrySources();
  const { document, problems } = collectListDocument(sections, sources, header);
  if (problems.length) return { text: '', problems };
  const text = writeList(document);
  const unreadable = parseList(
    text,
    sections.map((section) => section.title),
  ).problems;
  return {
    text,
    problems: unreadable.map(
      (problem) => `exported line ${problem.line} would not import back: ${problem.reason}: ${problem.text}`,
    ),
  };
}
