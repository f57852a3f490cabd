import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { isRealDate } from '../../../src/schemas/dates';
import { PAPER_FIELD_ORDER, type Link, type PaperInput } from '../../../src/schemas/paper';
import type { Section } from '../../../src/schemas/section';
import { serializeEntry, serializeEntryYaml, writeFileAtomic, type EntrySource } from '../../../src/lib/entry-files';
import { parseList, type ListProblem, type ParsedEntry, type ParsedList } from './parse';
import { ABOUT_FILE_NAME } from '../../../src/lib/content-root';
import { sectionRegistryPath } from '../../../src/lib/paths';
import { arxivIdsOf } from '../../../src/lib/same-paper';
import { entrySlug, uniqueSlug } from './slug';
import { titleKey } from '../../../src/lib/title-key';
import { openContentRoot } from '../../../src/lib/content-root';

/**
 * When each entry line first appeared (a TSV `section, number, added, title` with a header row).
 * Looked up by section heading + number + title, else by section heading + title key.
 */
export interface AddedDates {
  lookup(sectionTitle: string, entry: Pick<ParsedEntry, 'number' | 'title'>): string | undefined;
}

/** Throws `line N: …` on a malformed row, so a typo in the dates file never passes unnoticed. */
export function parseAddedDates(text: string): AddedDates {
  const exact = new Map<string, string>();
  const byTitle = new Map<string, string>();
  text.split(/\r?\n/).forEach((row, index) => {
    if (!row.trim() || (index === 0 && /^section\t/i.test(row))) return;
    const [section, number, added, title] = row.split('\t').map((cell) => cell.trim());
    if (!section || !number || !added || !title)
      throw new Error(`line ${index + 1}: expected 4 tab-separated columns: section, number, added, title`);
    if (!isRealDate(added)) throw new Error(`line ${index + 1}: "${added}" is not a date written YYYY-MM-DD`);
    exact.set(`${section}\t${number}\t${title}`, added);
    const key = `${section}\t${titleKey(title)}`;
    const known = byTitle.get(key);
    if (known === undefined || added < known) byTitle.set(key, added);
  });
  return {
    lookup: (sectionTitle, entry) =>
      exact.get(`${sectionTitle.trim()}\t${entry.number}\t${entry.title}`) ??
      byTitle.get(`${sectionTitle.trim()}\t${titleKey(entry.title)}`),
  };
}

export interface ImportOptions {
  contentDir: string;
  /** The section registry (content/sections.yaml). */
  sections: readonly Section[];
  /** The entry files already in `contentDir`. */
  sources: readonly EntrySource[];
  /** The current content/about.md text, if there is one. */
  currentAbout?: string;
  dates?: AddedDates;
  /** `added` for new entries the dates file does not know (`--added`, else today). */
  defaultAdded: string;
}

export interface PlannedEntry {
  action: 'create' | 'update' | 'unchanged';
  section: string;
  id: string;
  file: string;
  title: string;
  /** The list lines this entry comes from (several when duplicates were merged). */
  lines: number[];
  /** The new file text, for create and update. */
  text?: string;
}

export interface PlannedMerge {
  sectionTitle: string;
  file: string;
  titles: string[];
  lines: number[];
}

export interface SectionSummary {
  id: string;
  title: string;
  isNew: boolean;
  entryLines: number;
  entries: number;
  created: number;
  updated: number;
  unchanged: number;
  notInList: number;
}

export interface ImportPlan {
  /** Entry lines of the list that could not be parsed. */
  problems: ListProblem[];
  /** Entry files that stop the import (unreadable, or an update would drop their unknown fields). */
  contentProblems: string[];
  strayLines: ParsedList['strayLines'];
  sections: SectionSummary[];
  entries: PlannedEntry[];
  merges: PlannedMerge[];
  /** Entries in content that the list no longer has: reported, never deleted. */
  notInList: { section: string; id: string; file: string; title: string }[];
  /** Headings the registry does not know yet; appended to it on apply. */
  newSections: Section[];
  registryFile: string;
  aboutFile: string;
  /** The new content/about.md text, or undefined when it is unchanged. */
  about?: string;
}

const COUNTER_OF_ACTION = { create: 'created', update: 'updated', unchanged: 'unchanged' } as const;

/** One paper as the list gives it, after merging duplicate lines. */
interface ListItem extends PaperInput {
  added: string;
  lines: number[];
  titles: string[];
}

/** An existing entry file, read leniently: schema problems are the validator's job, not the importer's. */
interface ExistingEntry {
  source: EntrySource;
  data: Record<string, unknown>;
  title: string;
  titleKey: string;
  arxivIds: string[];
}

/**
 * Everything the import would do, computed before anything is written: which entries to create,
 * update or leave alone, which duplicate lines merge, which content entries the list lacks.
 */
export function planImport(list: ParsedList, options: ImportOptions): ImportPlan {
  const { contentDir } = options;
  const contentProblems: string[] = [];
  const existingBySection = new Map<string, ExistingEntry[]>();
  for (const source of options.sources) {
    const existing = readExisting(source);
    if (typeof existing === 'string') contentProblems.push(existing);
    else existingBySection.set(source.section, [...(existingBySection.get(source.section) ?? []), existing]);
  }

  const { listSections, newSections } = resolveSections(list, options.sections);
  const entries: PlannedEntry[] = [];
  const merges: PlannedMerge[] = [];
  const summaries: SectionSummary[] = [];
  const claimed = new Set<EntrySource>();

  for (const { section, isNew, parsed, entryLines } of listSections) {
    const existing = existingBySection.get(section.id) ?? [];
    const taken = new Set(existing.map((entry) => entry.source.id));
    const summary: SectionSummary = {
      id: section.id,
      title: section.title,
      isNew,
      entryLines,
      entries: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      notInList: 0,
    };
    for (const group of groupDuplicates(parsed)) {
      const item = mergeGroup(group, (entry) => options.dates?.lookup(section.title, entry), options.defaultAdded);
      const match = findExisting(item, existing, claimed);
      let planned: PlannedEntry;
      if (match) {
        claimed.add(match.source);
        planned = planUpdate(item, match, contentProblems);
      } else {
        const id = uniqueSlug(entrySlug(item.title, item.arxiv), taken);
        taken.add(id);
        const file = path.join(contentDir, section.id, `${id}.yaml`);
        planned = {
          action: 'create',
          section: section.id,
          id,
          file,
          title: item.title,
          lines: item.lines,
          text: serializeEntry(withoutBookkeeping(item)),
        };
      }
      entries.push(planned);
      summary.entries++;
      summary[COUNTER_OF_ACTION[planned.action]]++;
      if (group.length > 1)
        merges.push({ sectionTitle: section.title, file: planned.file, titles: item.titles, lines: item.lines });
    }
    summaries.push(summary);
  }

  const notInList = [...existingBySection.values()]
    .flat()
    .filter((entry) => !claimed.has(entry.source))
    .map((entry) => ({ section: entry.source.section, id: entry.source.id, file: entry.source.file, title: entry.title }));
  for (const section of options.sections) {
    const missing = notInList.filter((entry) => entry.section === section.id).length;
    if (!missing) continue;
    const summary = summaries.find((candidate) => candidate.id === section.id);
    if (summary) summary.notInList = missing;
    else
      summaries.push({
        id: section.id,
        title: section.title,
        isNew: false,
        entryLines: 0,
        entries: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        notInList: missing,
      });
  }

  const order = new Map([...options.sections, ...newSections].map((section, index) => [section.id, index]));
  summaries.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    problems: list.problems,
    contentProblems,
    strayLines: list.strayLines,
    sections: summaries,
    entries,
    merges,
    notInList,
    newSections,
    registryFile: sectionRegistryPath(contentDir),
    aboutFile: path.join(contentDir, ABOUT_FILE_NAME),
    about: list.header && list.header !== options.currentAbout ? list.header : undefined,
  };
}

/** Reads the registry, the entry files and about.md of `contentDir`, then plans importing `listText`. */
export function planImportFromDisk(
  listText: string,
  options: Pick<ImportOptions, 'contentDir' | 'dates' | 'defaultAdded'>,
): ImportPlan {
  const content = openContentRoot(options.contentDir);
  const sections = content.sections();
  const aboutFile = content.aboutFile;
  return planImport(
    parseList(
      listText,
      sections.map((section) => section.title),
    ),
    {
      ...options,
      sections,
      sources: content.entrySources(),
      currentAbout: existsSync(aboutFile) ? content.readAbout() : undefined,
    },
  );
}

interface ListSection {
  section: Section;
  isNew: boolean;
  parsed: ParsedEntry[];
  entryLines: number;
}

/**
 * Maps the list's headings to registry sections by exact title; an unknown heading becomes a new
 * section (id from its title, a placeholder description, the next order). A heading written twice
 * is one section.
 */
function resolveSections(
  list: ParsedList,
  registry: readonly Section[],
): { listSections: ListSection[]; newSections: Section[] } {
  const byTitle = new Map(registry.map((section) => [section.title.trim(), section]));
  const ids = new Set(registry.map((section) => section.id));
  let nextOrder = Math.max(0, ...registry.map((section) => section.order)) + 1;
  const newSections: Section[] = [];
  const listSections = new Map<string, ListSection>();
  for (const parsed of list.sections) {
    let section = byTitle.get(parsed.title);
    if (!section) {
      const id = uniqueSlug(entrySlug(parsed.title), ids);
      section = { id, title: parsed.title, description: `Papers listed under “${parsed.title}”.`, order: nextOrder++ };
      ids.add(id);
      byTitle.set(parsed.title, section);
      newSections.push(section);
    }
    const current: ListSection = listSections.get(section.id) ?? {
      section,
      isNew: newSections.includes(section),
      parsed: [],
      entryLines: 0,
    };
    current.parsed.push(...parsed.entries);
    current.entryLines += parsed.entryLines;
    listSections.set(section.id, current);
  }
  return { listSections: [...listSections.values()], newSections };
}

/** A paper's identity inside one section: its title key and every arXiv id it names. */
function identityTokens(paper: { title: string; arxiv?: string; links: Link[] }): string[] {
  return [`title:${titleKey(paper.title)}`, ...arxivIdsOf(paper).map((id) => `arxiv:${id}`)];
}

/**
 * Lines of one section that name the same paper (same title key or a shared arXiv id), in list
 * order. A line matching two earlier groups joins them into one. A shared notes URL is no identity:
 * one reading note often covers many papers.
 */
function groupDuplicates(entries: readonly ParsedEntry[]): ParsedEntry[][] {
  const tokensOf = new Map(entries.map((entry) => [entry, identityTokens(entry)]));
  const groups: ParsedEntry[][] = [];
  for (const entry of entries) {
    const tokens = new Set(tokensOf.get(entry));
    const matching = groups.filter((group) => group.some((member) => tokensOf.get(member)!.some((token) => tokens.has(token))));
    const merged = [...matching.flat(), entry].sort((a, b) => a.line - b.line);
    if (!matching.length) groups.push(merged);
    else {
      groups[groups.indexOf(matching[0]!)] = merged;
      for (const joined of matching.slice(1)) groups.splice(groups.indexOf(joined), 1);
    }
  }
  return groups;
}

/** Each defined value once, in first-seen order. */
const unique = <T>(values: readonly (T | undefined)[]): T[] => [
  ...new Set(values.filter((value): value is T => value !== undefined)),
];

/** The separator between merged notes: the full-width semicolon the list's Chinese notes use. */
const MERGED_NOTE_SEPARATOR = '；';

/**
 * One paper from duplicate lines: the first line's title, venue and arXiv id; every link once (by
 * URL, in line order); the first line's note with each different note of the others appended
 * after `；`; all tags; the earliest `added` the dates file knows, else `defaultAdded`.
 */
function mergeGroup(
  group: readonly ParsedEntry[],
  addedOf: (entry: ParsedEntry) => string | undefined,
  defaultAdded: string,
): ListItem {
  const [first] = group as [ParsedEntry, ...ParsedEntry[]];
  const links = [...new Map(group.flatMap((entry) => entry.links).map((link) => [link.url, link])).values()];
  const tags = unique(group.flatMap((entry) => entry.tags ?? []));
  return {
    title: first.title,
    links,
    note: unique(group.map((entry) => entry.note)).join(MERGED_NOTE_SEPARATOR) || undefined,
    venue: group.find((entry) => entry.venue)?.venue,
    tags: tags.length ? tags : undefined,
    arxiv: group.find((entry) => entry.arxiv)?.arxiv,
    added: unique(group.map(addedOf)).sort()[0] ?? defaultAdded,
    lines: group.map((entry) => entry.line),
    titles: group.map((entry) => entry.title),
  };
}

function withoutBookkeeping(item: ListItem): PaperInput {
  const { lines: _lines, titles: _titles, ...paper } = item;
  return paper;
}

function readExisting(source: EntrySource): ExistingEntry | string {
  const unreadable = (line: number, message: string) =>
    `${source.file}:${line}: ${message}: cannot match this entry against the list; fix it first`;
  const [syntaxError] = source.syntaxErrors;
  if (syntaxError) return unreadable(syntaxError.line, syntaxError.message);
  const data = source.data;
  if (!isRecord(data)) return unreadable(1, 'the entry is not a YAML mapping');
  if (typeof data.title !== 'string') return unreadable(source.lineOf(['title']), 'title: is required');
  const links = Array.isArray(data.links)
    ? data.links.filter((link): link is Link => isRecord(link) && typeof link.url === 'string')
    : [];
  const arxiv = typeof data.arxiv === 'string' ? data.arxiv : undefined;
  return {
    source,
    data,
    title: data.title,
    titleKey: titleKey(data.title),
    arxivIds: arxivIdsOf({ title: data.title, links, arxiv }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The same paper in this section's files: by title key first, else by a shared arXiv id. */
function findExisting(
  item: ListItem,
  existing: readonly ExistingEntry[],
  claimed: ReadonlySet<EntrySource>,
): ExistingEntry | undefined {
  const free = existing.filter((entry) => !claimed.has(entry.source));
  const key = titleKey(item.title);
  const ids = arxivIdsOf(item);
  return free.find((entry) => entry.titleKey === key) ?? free.find((entry) => entry.arxivIds.some((id) => ids.includes(id)));
}

const SCHEMA_FIELDS = new Set<string>(PAPER_FIELD_ORDER);

/**
 * The list owns title, links and note; a venue or tags the list gives are added, but the list
 * never removes what was curated in the files (topic tags, a venue), since the list format
 * rarely carries them. Everything else (added, published, org, authors, a hand-set arXiv id, an
 * MDX body) stays. A link whose URL the file already has keeps the file's kind, so a
 * hand-corrected kind survives.
 */
function planUpdate(item: ListItem, match: ExistingEntry, contentProblems: string[]): PlannedEntry {
  const { source, data } = match;
  const currentKinds = new Map(
    (Array.isArray(data.links) ? data.links : []).filter(isRecord).map((link) => [link.url, link.kind] as const),
  );
  const next: PaperInput = {
    ...(data as PaperInput),
    title: item.title,
    links: item.links.map((link) => ({ ...link, kind: (currentKinds.get(link.url) as Link['kind'] | undefined) ?? link.kind })),
    note: item.note,
    venue: item.venue ?? (data.venue as string | undefined),
    tags: unique([...(Array.isArray(data.tags) ? (data.tags as string[]) : []), ...(item.tags ?? [])]),
    arxiv: item.arxiv ?? (data.arxiv as string | undefined),
    added: (data.added as string | undefined) || item.added,
  };
  const planned = { section: source.section, id: source.id, file: source.file, title: item.title, lines: item.lines };
  // Canonical YAML of old and new data: formatting-only differences do not count as changes.
  if (serializeEntryYaml(data as PaperInput) === serializeEntryYaml(next)) return { ...planned, action: 'unchanged' };
  const unknown = Object.keys(data).filter((key) => !SCHEMA_FIELDS.has(key));
  if (unknown.length)
    contentProblems.push(
      `${source.file}:${source.lineOf([unknown[0]!])}: cannot update: fields outside the schema would be lost (${unknown.join(', ')}); fix the file first`,
    );
  return { ...planned, action: 'update', text: serializeEntry(next, source.format, source.body) };
}

/** True when the plan may be written: a list or content problem stops the whole import. */
export function planIsClean(plan: ImportPlan): boolean {
  return plan.problems.length === 0 && plan.contentProblems.length === 0;
}

/** Writes the plan: new registry sections (appended, so comments stay), entry files, about.md. */
export function applyImportPlan(plan: ImportPlan): void {
  if (!planIsClean(plan)) throw new Error('the import plan has problems; nothing written');
  if (plan.newSections.length) {
    const registry = readFileSync(plan.registryFile, 'utf8');
    writeFileAtomic(plan.registryFile, `${registry.trimEnd()}\n${stringify(plan.newSections)}`);
  }
  for (const entry of plan.entries) if (entry.text !== undefined) writeFileAtomic(entry.file, entry.text);
  if (plan.about !== undefined) writeFileAtomic(plan.aboutFile, plan.about);
}

/** The summary the import prints: a table per section, then merges, entries not in the list, problems. */
export function formatImportSummary(plan: ImportPlan, relative: (file: string) => string = (file) => file): string {
  const header = ['section', 'id', 'lines', 'entries', 'created', 'updated', 'unchanged', 'not in list'];
  const counts = (row: Omit<SectionSummary, 'id' | 'title' | 'isNew'>) =>
    [row.entryLines, row.entries, row.created, row.updated, row.unchanged, row.notInList].map(String);
  const total = plan.sections.reduce(
    (sum, row) => ({
      entryLines: sum.entryLines + row.entryLines,
      entries: sum.entries + row.entries,
      created: sum.created + row.created,
      updated: sum.updated + row.updated,
      unchanged: sum.unchanged + row.unchanged,
      notInList: sum.notInList + row.notInList,
    }),
    { entryLines: 0, entries: 0, created: 0, updated: 0, unchanged: 0, notInList: 0 },
  );
  const rows = [
    header,
    ...plan.sections.map((row) => [row.isNew ? `${row.title} (new section)` : row.title, row.id, ...counts(row)]),
    ['total', '', ...counts(total)],
  ];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map((row) =>
    row
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );

  const lines = [...table, '', `merged duplicates: ${plan.merges.length}`];
  for (const merge of plan.merges) {
    lines.push(
      `  ${merge.sectionTitle}, lines ${merge.lines.join(' + ')}: ${merge.titles.map((title) => `"${title}"`).join(' + ')} → ${relative(merge.file)}`,
    );
  }
  lines.push(`not in the list (kept, not deleted): ${plan.notInList.length}`);
  for (const entry of plan.notInList) lines.push(`  ${relative(entry.file)}: "${entry.title}"`);
  for (const section of plan.newSections)
    lines.push(`new section "${section.title}" → id ${section.id} (describe it in ${relative(plan.registryFile)})`);
  if (plan.strayLines.length)
    lines.push(
      `lines after the first section that are not entries (the export drops them): ${plan.strayLines.map((stray) => stray.line).join(', ')}`,
    );
  if (plan.about !== undefined) lines.push(`header → ${relative(plan.aboutFile)}`);
  lines.push(`problems: ${plan.problems.length + plan.contentProblems.length}`);
  return lines.join('\n');
}
