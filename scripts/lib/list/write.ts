import { existsSync } from 'node:fs';
import { paperSchema, type LinkKind, type Paper } from '../../../src/schemas/paper';
import type { Section } from '../../../src/schemas/section';
import { type EntrySource } from '../../../src/lib/content/entry-files';
import { LINK_LABELS } from '../../../src/schemas/link';
import { DEFAULT_DIALECT, parseList, type ListDialect, type ListEntryFields, type ParsedEntry } from './parse';
import { applyFixes, readDialect, readFixes, readLastSync } from './sync/state';
import { paperKeys } from '../../../src/lib/data/same-paper';
import { sortEntries } from '../../../src/lib/data/sort';
import { formatZodIssue } from '../../../src/lib/content/zod-messages';
import { openContentRoot } from '../../../src/lib/content/content-root';

/** One line of the exported list: the fields it carries, or the list's own line when nothing changed. */
export type ListDocumentEntry = ListEntryFields & {
  /** The line exactly as the list last wrote it (number included): written as is, renumbered if needed. */
  verbatim?: string;
};

/** The list as the export writes it: header prose, then sections of entries in order, in the list's dialect. */
export interface ListDocument {
  header: string;
  sections: { title: string; entries: ListDocumentEntry[] }[];
  /** Numbered `#` sections unless given. */
  dialect?: ListDialect;
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
 * `N. (tags)[Title](url)(note)(venue) [[Code]](url) …` (or `- …` for a bulleted list). Without a
 * note but with a venue the note group is written empty, `()(venue)`, because the first group
 * always reads back as the note.
 */
export function entryLine(number: number, entry: ListEntryFields, marker: ListDialect['entries'] = 'numbered'): string {
  const [main, ...extra] = entry.links;
  const tags = entry.tags?.length ? `(${entry.tags.join(', ')})` : '';
  const note = entry.note ? `(${entry.note})` : entry.venue ? '()' : '';
  const venue = entry.venue ? `(${entry.venue})` : '';
  const links = extra.map((link) => ` [[${LIST_LINK_LABELS[link.kind]}]](${link.url})`).join('');
  return `${marker === 'numbered' ? `${number}.` : marker} ${tags}[${entry.title}](${main!.url})${note}${venue}${links}`;
}

/** The whole list: header, a generated Table of Contents, then each section's entries, in its dialect. */
export function writeList(document: ListDocument): string {
  const { headingLevel, entries: marker } = document.dialect ?? DEFAULT_DIALECT;
  const heading = (title: string) => `${'#'.repeat(headingLevel)} ${title}`;
  const toc = [
    heading(TABLE_OF_CONTENTS_TITLE),
    ...document.sections.map((section) => `- [${section.title}](#${headingAnchor(section.title)})`),
  ].join('\n');
  const sections = document.sections.map((section) => {
    // A verbatim line keeps its number while numbers still rise (a merged duplicate leaves a gap,
    // as the list had it); otherwise it is renumbered, like every written line.
    let previous = 0;
    const lines = section.entries.map((entry) => {
      const original = entry.verbatim === undefined ? undefined : Number(/^\s*(\d+)\./.exec(entry.verbatim)?.[1]);
      const number = original !== undefined && original > previous ? original : previous + 1;
      previous = number;
      return entry.verbatim === undefined
        ? entryLine(number, entry, marker)
        : entry.verbatim.replace(/^(\s*)\d+\./, `$1${number}.`);
    });
    return [heading(section.title), ...lines].join('\n');
  });
  return `${[document.header.trim() ? document.header.trimEnd() : '', toc, ...sections].filter(Boolean).join('\n\n')}\n`;
}

/** Options of the export: `tags` writes every tag (curated topics too), not only the tags the list gave. */
export interface ExportOptions {
  /** How the list writes sections and entries (content/.list-sync/dialect.yaml). */
  dialect?: ListDialect;
  /** The list last synced (content/.list-sync/last-sync.md, fixes applied): lines kept verbatim. */
  base?: string;
  tags?: boolean;
}

/**
 * The document for the registry's sections from entry files, each validated against the schema.
 * Invalid files come back as `file:line: message` problems instead of being written half-known.
 * Order within a section is the list's (`listPosition`, highest first); papers without one are
 * newer than the list and come first (newest added first). A paper whose list fields still read
 * as its line in the last synced list is written as that line, byte for byte; any other is
 * written canonically, with only the tags the list gave it (all tags with `tags`).
 */
export function collectListDocument(
  sections: readonly Section[],
  sources: readonly EntrySource[],
  header: string,
  options: ExportOptions = {},
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
  const base =
    options.base === undefined
      ? undefined
      : parseList(
          options.base,
          sections.map((section) => section.title),
        );
  const document: ListDocument = {
    header,
    ...(options.dialect !== undefined && { dialect: options.dialect }),
    sections: sections.map((section) => {
      const baseLines =
        base?.sections.filter((candidate) => candidate.title === section.title).flatMap((found) => found.entries) ?? [];
      const papers = listOrder(papersBySection.get(section.id) ?? []);
      return {
        title: section.title,
        entries: papers.map(({ data }) => exportEntry(data, baseLines, options.tags === true)),
      };
    }),
  };
  return { document, problems };
}

/** The list's order: by `listPosition`, highest first; papers without one first, newest added first. */
function listOrder<T extends { id: string; data: Paper }>(papers: readonly T[]): T[] {
  const unplaced = sortEntries(
    papers.filter((paper) => paper.data.listPosition === undefined),
    'added',
  );
  const placed = papers
    .filter((paper) => paper.data.listPosition !== undefined)
    .sort((a, b) => b.data.listPosition! - a.data.listPosition! || a.id.localeCompare(b.id));
  return [...unplaced, ...placed];
}

/** One paper as a list line: its own verbatim line when that still says exactly what the file says. */
function exportEntry(paper: Paper, baseLines: readonly ParsedEntry[], allTags: boolean): ListDocumentEntry {
  // The same-paper rule over the paper and the section's lines: two lines of one paper (a merged
  // duplicate) are no verbatim source.
  const [key, ...lineKeys] = paperKeys([paper, ...baseLines]);
  const same = baseLines.filter((_, index) => lineKeys[index] === key);
  const line = same.length === 1 ? same[0] : undefined;
  // Every line's tags: a merged duplicate written as one line keeps the tags of both.
  const listTags = [...new Set(same.flatMap((candidate) => candidate.tags ?? []))];
  const fields: ListEntryFields = {
    title: paper.title,
    links: paper.links,
    ...(paper.note !== undefined && paper.note !== '' && { note: paper.note }),
    ...(paper.venue !== undefined && { venue: paper.venue }),
    ...(allTags
      ? paper.tags?.length && { tags: paper.tags }
      : listTags.length && { tags: listTags.filter((tag) => paper.tags?.includes(tag)) }),
  };
  if (line && !line.mends && sameListFields(line, fields)) return { ...fields, verbatim: line.raw };
  return fields;
}

/** Whether a parsed line carries exactly these fields (links by URL; the list infers kinds). */
function sameListFields(line: ListEntryFields, fields: ListEntryFields): boolean {
  return (
    line.title === fields.title &&
    JSON.stringify(line.links.map((link) => link.url)) === JSON.stringify(fields.links.map((link) => link.url)) &&
    (line.note ?? '') === (fields.note ?? '') &&
    line.venue === fields.venue &&
    JSON.stringify(line.tags ?? []) === JSON.stringify(fields.tags ?? [])
  );
}

/**
 * The list Markdown for a content folder's parts, or the problems that stop the export: invalid
 * entry files, and lines of the result that would not read back (a note with unbalanced
 * parentheses, say). `base` is the last synced list with its fixes applied.
 */
export function exportList(
  content: {
    sections: readonly Section[];
    sources: readonly EntrySource[];
    header: string;
    base?: string;
    dialect?: ListDialect;
  },
  options: Pick<ExportOptions, 'tags'> = {},
): { text: string; problems: string[] } {
  const { document, problems } = collectListDocument(content.sections, content.sources, content.header, {
    ...options,
    ...(content.base !== undefined && { base: content.base }),
    ...(content.dialect !== undefined && { dialect: content.dialect }),
  });
  if (problems.length) return { text: '', problems };
  const text = writeList(document);
  const unreadable = parseList(
    text,
    content.sections.map((section) => section.title),
  ).problems;
  return {
    text,
    problems: unreadable.map(
      (problem) => `exported line ${problem.line} would not sync back: ${problem.reason}: ${problem.text}`,
    ),
  };
}

/** The list Markdown for `contentDir` (see exportList). */
export function exportListFromDisk(
  contentDir: string,
  options: Pick<ExportOptions, 'tags'> = {},
): { text: string; problems: string[] } {
  const content = openContentRoot(contentDir);
  const lastSync = readLastSync(content.dir);
  const dialect = readDialect(content.dir);
  return exportList(
    {
      sections: content.sections(),
      sources: content.entrySources(),
      header: existsSync(content.aboutFile) ? content.readAbout() : '',
      ...(dialect !== undefined && { dialect }),
      ...(lastSync !== undefined && { base: applyFixes(lastSync, readFixes(content.dir)).text }),
    },
    options,
  );
}
