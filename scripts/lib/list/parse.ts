import { linkSchema, type Link } from '../../../src/schemas/link';
import { arxivIdFromUrl } from '../../../src/lib/arxiv';
import { inferLinkKind } from '../../../src/schemas/link';

/** What one entry line of the list says: the fields the list format can carry. */
export interface ListEntryFields {
  title: string;
  /** The main link first, then the extra links in the order written. */
  links: Link[];
  note?: string;
  venue?: string;
  tags?: string[];
}

export interface ParsedEntry extends ListEntryFields {
  /** 1-based line in the list. */
  line: number;
  /** The number the line was written with (`12.`), which the dates file refers to; a bullet's place in its section. */
  number: number;
  /** The arXiv id of the first link that names one. */
  arxiv?: string;
  /** How the line was mended to be read (a defect whose intent is unambiguous); absent when it read as written. */
  mends?: string[];
  /** The line exactly as the list writes it. */
  raw: string;
}

export interface ParsedSection {
  /** The heading text, trimmed: matched against the registry's `title`. */
  title: string;
  line: number;
  entries: ParsedEntry[];
  /** Lines that look like entries (`N.` or a bullet), parsed or not. */
  entryLines: number;
}

/** An entry line that could not be read; never dropped silently. */
export interface ListProblem {
  line: number;
  text: string;
  reason: string;
}

export interface ParsedList {
  /** The prose before the first section (title, intro, news), without the Table of Contents. */
  header: string;
  sections: ParsedSection[];
  problems: ListProblem[];
  /** Lines read only after mending: one per line, naming each mend (the sync reports them as warnings). */
  mended: ListProblem[];
  /** Non-blank lines after the first section that are not entries (sub-headings, prose): the export drops them. */
  strayLines: { line: number; text: string }[];
  dialect: ListDialect;
  /** Sections whose entries are partly numbered, partly bulleted: read whole, reported. */
  mixed: { title: string; line: number; numbered: number; bulleted: number }[];
}

const HEADING = /^(#{1,6})[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$/;
const TABLE_OF_CONTENTS = /^(?:table of )?contents\b/i;
/**
 * Anything starting `N.` (not `1.5`), or a bullet `-`, `*` or `+`, inside a section counts as an
 * entry line, so a typo is reported, not skipped.
 */
// `s`: a \r or U+2028 inside the line is still part of the entry, not the end of the match.
const ENTRY_LINE = /^\s*(?:(\d+)\.(?!\d)|([-*+])(?=[ \t]))\s*(.*)$/s;

/** How a list writes its sections and entries: detected when read, written back by the export. */
export interface ListDialect {
  /** `#` or `##`: the heading level of its sections. */
  headingLevel: 1 | 2;
  /** `numbered` (`1.`) or the bullet its entries start with. */
  entries: 'numbered' | '-' | '*' | '+';
}

export const DEFAULT_DIALECT: ListDialect = { headingLevel: 1, entries: 'numbered' };

/** Where the list's sections are, reading headings of `level` as sections. */
function sectionsAt(lines: readonly string[], level: 1 | 2, known: ReadonlySet<string>) {
  const headings = lines.flatMap((line, index) => {
    const match = HEADING.exec(line);
    return match && match[1]!.length <= level ? [{ index, level: match[1]!.length, title: match[2]!.trim() }] : [];
  });
  const blockEnd = (position: number) => headings[position + 1]?.index ?? lines.length;
  const hasEntryLines = (position: number) =>
    lines.slice(headings[position]!.index + 1, blockEnd(position)).some((line) => ENTRY_LINE.test(line));
  const tocPosition = headings.findIndex((heading) => TABLE_OF_CONTENTS.test(heading.title));
  // Where new (unregistered) sections may start: past the TOC, or past the list's title heading.
  const firstNewSectionPosition = tocPosition >= 0 ? tocPosition + 1 : 1;
  const isSection = (position: number) =>
    position !== tocPosition &&
    headings[position]!.level === level &&
    (known.has(headings[position]!.title) || (position >= firstNewSectionPosition && hasEntryLines(position)));
  const sectionPositions = headings.map((_, position) => position).filter(isSection);
  const entryLines = sectionPositions
    .map(
      (position) => lines.slice(headings[position]!.index + 1, blockEnd(position)).filter((line) => ENTRY_LINE.test(line)).length,
    )
    .reduce((sum, count) => sum + count, 0);
  return { headings, blockEnd, tocPosition, sectionPositions, entryLines };
}

/**
 * Splits the list into header, sections and entries. Sections are headings of one level, `#` or
 * `##`, whichever holds more entries. A heading starts a section when its text is one of
 * `sectionTitles` (the registry), or when it comes after the Table of Contents (or, without one,
 * after the list's own title heading) and has entries: a new section. Headings, not the Table of
 * Contents, decide: the two may disagree. Entries are numbered or bulleted, the list's dialect
 * being the more common; a section that mixes both is read whole and reported in `mixed`.
 */
export function parseList(text: string, sectionTitles: readonly string[] = []): ParsedList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const known = new Set(sectionTitles.map((title) => title.trim()));
  const [atOne, atTwo] = [sectionsAt(lines, 1, known), sectionsAt(lines, 2, known)];
  // `##` sections only when they hold more entries: `##` sub-headings inside `#` sections stay sub-headings.
  const headingLevel = atTwo.entryLines > atOne.entryLines ? 2 : 1;
  const { headings, blockEnd, tocPosition, sectionPositions } = headingLevel === 2 ? atTwo : atOne;

  const firstSectionLine = sectionPositions.length ? headings[sectionPositions[0]!]!.index : lines.length;
  const sections: ParsedSection[] = [];
  const problems: ListProblem[] = [];
  const mended: ListProblem[] = [];
  const strayLines: ParsedList['strayLines'] = [];
  const mixed: ParsedList['mixed'] = [];
  const markers = new Map<string, number>();
  const stray = (index: number) => {
    if (lines[index]!.trim()) strayLines.push({ line: index + 1, text: lines[index]!.trim() });
  };
  headings.forEach((heading, position) => {
    if (heading.index < firstSectionLine || position === tocPosition) return;
    if (!sectionPositions.includes(position)) {
      // A later block that is no section (no entries, e.g. "# Star History"): the export cannot keep it.
      range(heading.index, blockEnd(position)).forEach(stray);
      return;
    }
    const section: ParsedSection = { title: heading.title, line: heading.index + 1, entries: [], entryLines: 0 };
    const kinds = { numbered: 0, bulleted: 0 };
    for (const index of range(heading.index + 1, blockEnd(position))) {
      const match = ENTRY_LINE.exec(lines[index]!);
      if (!match) {
        stray(index);
        continue;
      }
      section.entryLines++;
      const marker = match[2] ?? 'numbered';
      markers.set(marker, (markers.get(marker) ?? 0) + 1);
      kinds[match[2] ? 'bulleted' : 'numbered']++;
      const result = parseEntryText(match[3]!);
      if ('reason' in result) problems.push({ line: index + 1, text: lines[index]!.trim(), reason: result.reason });
      else {
        // A bullet's number is its place in the section, as a numbered list would write it.
        const number = match[1] === undefined ? section.entryLines : Number(match[1]);
        section.entries.push({ ...result, line: index + 1, number, raw: lines[index]! });
        if (result.mends) mended.push({ line: index + 1, text: lines[index]!.trim(), reason: result.mends.join('; ') });
      }
    }
    if (kinds.numbered && kinds.bulleted) mixed.push({ title: section.title, line: section.line, ...kinds });
    sections.push(section);
  });

  const tocLines = tocPosition >= 0 ? new Set(range(headings[tocPosition]!.index, blockEnd(tocPosition))) : new Set<number>();
  const headerLines = lines.slice(0, firstSectionLine).filter((_, index) => !tocLines.has(index));
  const [entries] = [...markers].sort((a, b) => b[1] - a[1] || (a[0] === 'numbered' ? -1 : 1))[0] ?? ['numbered'];
  return {
    header: trimBlankLines(headerLines),
    sections,
    problems,
    mended,
    strayLines,
    dialect: { headingLevel, entries: entries as ListDialect['entries'] },
    mixed,
  };
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, offset) => start + offset);
}

/** The lines joined, without leading and trailing blank lines, ending with a newline ('' when empty). */
function trimBlankLines(lines: string[]): string {
  const first = lines.findIndex((line) => line.trim());
  if (first < 0) return '';
  const last = lines.findLastIndex((line) => line.trim());
  return `${lines.slice(first, last + 1).join('\n')}\n`;
}

type EntryParse = Omit<ParsedEntry, 'line' | 'number' | 'raw'> | { reason: string };

/**
 * One entry after its `N.`: `(tags)` `[Title](url)` then, in any order and with optional spaces,
 * `[label](url)` extra links and `( … )` groups. The first group is the note (`()` = none), the
 * second the venue; no third. Brackets in the title and parentheses in URLs and notes nest.
 */
export function parseEntryText(text: string): EntryParse {
  const mends: string[] = [];
  text = mendTitleBracket(text, mends);
  let position = 0;
  const skipSpaces = () => {
    while (position < text.length && /\s/.test(text[position]!)) position++;
  };
  /** The text between `open` at `position` and its matching `close`; moves past it. */
  const readGroup = (open: string, close: string): string | undefined => {
    let depth = 0;
    for (let index = position; index < text.length; index++) {
      if (text[index] === open) depth++;
      else if (text[index] === close && --depth === 0) {
        const content = text.slice(position + 1, index);
        position = index + 1;
        return content;
      }
    }
    return undefined;
  };
  const readLink = (): { label: string; link: Link } | string => {
    const label = readGroup('[', ']');
    if (label === undefined) return 'unbalanced [ ] in a link text';
    if (text[position] !== '(' && /^[ \t]+\(https?:\/\//.test(text.slice(position))) {
      mends.push(`a space between "[${label}]" and its (url): read as one link`);
      skipSpaces();
    }
    if (text[position] !== '(') return `"[${label}]" is not followed by (url)`;
    let url = readGroup('(', ')')?.trim();
    if (url === undefined) return `unbalanced ( ) in the URL of "[${label}]"`;
    const nested = MARKDOWN_LINK_URL.exec(url);
    if (nested) {
      mends.push(`the URL of "[${label}]" is itself a Markdown link "${url}": read as its target ${nested[2]}`);
      url = nested[2]!;
    } else if (/^<\S+>$/.test(url)) url = url.slice(1, -1);
    if (/\s/.test(url)) return `the URL of "[${label}]" contains spaces`;
    const link = { kind: inferLinkKind(url), url };
    const check = linkSchema.safeParse(link);
    return check.success ? { label, link } : `the URL "${url}" ${check.error.issues[0]!.message}`;
  };

  skipSpaces();
  let tags: string[] | undefined;
  if (text[position] === '(') {
    const group = readGroup('(', ')');
    if (group === undefined) return { reason: 'unbalanced ( ) in the tag group before the title' };
    tags = splitTags(group);
    skipSpaces();
  }
  if (text[position] !== '[') return { reason: 'expected [Title](url)' };
  const main = readLink();
  if (typeof main === 'string') return { reason: main };
  const title = main.label.trim();
  if (!title) return { reason: 'the title is empty' };

  const links = [main.link];
  let note: string | undefined;
  let venue: string | undefined;
  let groups = 0;
  for (skipSpaces(); position < text.length; skipSpaces()) {
    if (text[position] === '[') {
      const link = readLink();
      if (typeof link === 'string') return { reason: link };
      links.push(link.link);
    } else if (text[position] === '(') {
      const group = readGroup('(', ')');
      if (group === undefined) return { reason: 'unbalanced ( ) after the link' };
      const content = group.trim();
      if (groups++ === 0) note = content || undefined;
      // The second group is the venue, in whatever words (`CVPR 2024`, `arXiv`, `Nature`): the
      // export writes any venue the schema accepts there, and must read it back unchanged.
      else if (groups === 2 && content) venue = content;
      else if (groups === 2) return { reason: 'an empty "()" after the note: write the venue in it, or remove it' };
      else return { reason: `unexpected "(${group})" after the venue: a line holds a note and a venue, nothing more` };
    } else if (STRAY_PUNCTUATION.test(text.slice(position))) {
      mends.push(`stray "${text.slice(position).trim()}" after the link: dropped`);
      position = text.length;
    } else {
      return { reason: `unexpected text after the link: "${text.slice(position)}"` };
    }
  }

  const arxiv = links.map((link) => arxivIdFromUrl(link.url)).find((id) => id !== undefined);
  return {
    title,
    links,
    ...(note !== undefined && { note }),
    ...(venue !== undefined && { venue }),
    ...(tags?.length ? { tags } : {}),
    ...(arxiv !== undefined && { arxiv }),
    ...(mends.length ? { mends } : {}),
  };
}

/** `[https://a](https://b)` written where a URL goes: the target is what the link points at. */
const MARKDOWN_LINK_URL = /^\[(.*?)\]\((https?:\/\/\S+)\)$/;
/** Punctuation left after the last link or group (a stray quote, a full stop): nothing a reader would miss. */
const STRAY_PUNCTUATION = /^[\s'"‘’“”`,.;:，。；、]+$/;

/**
 * `[Title)(https://…)`: the title's `]` typed as `)` (or `}`), so no `]` closes it. When the
 * title has no `]` at all and exactly one `)(http` or `}(http` follows, that is where it ends.
 */
function mendTitleBracket(text: string, mends: string[]): string {
  const start = /^\s*(?:\([^()]*\)\s*)?\[/.exec(text);
  if (!start) return text;
  const rest = text.slice(start[0].length);
  if (balancedClose(rest)) return text;
  const closes = [...rest.matchAll(/[)}](?=\(https?:\/\/)/g)];
  if (closes.length !== 1) return text;
  const at = start[0].length + closes[0]!.index!;
  mends.push(`the title's "[" is closed by "${text[at]}" before its (url): read as "]"`);
  return `${text.slice(0, at)}]${text.slice(at + 1)}`;
}

/** Whether the `[` just before `text` is closed by a `]` in it (brackets nest). */
function balancedClose(text: string): boolean {
  let depth = 1;
  for (const char of text) {
    if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return true;
  }
  return false;
}

/** `(LLM, RLHF)` → ['LLM', 'RLHF']; ASCII or full-width commas and 、 separate tags. */
function splitTags(group: string): string[] {
  return group
    .split(/[,，、]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}
