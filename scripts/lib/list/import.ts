import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument, stringify, type YAMLMap } from 'yaml';
import { isRealDate } from '../../../src/schemas/dates';
import { PAPER_FIELD_ORDER, type Link, type PaperInput } from '../../../src/schemas/paper';
import type { Section } from '../../../src/schemas/section';
import { serializeEntry, serializeEntryYaml, writeFileAtomic, type EntrySource } from '../../../src/lib/entry-files';
import { parseList, type ListProblem, type ParsedEntry, type ParsedList } from './parse';
import { applyFixes, mergeLines, readFixes, readLastImport, syncStatePaths, writeFixesText, type LineFix } from './sync-state';
import { ABOUT_FILE_NAME } from '../../../src/lib/content-root';
import { sectionRegistryPath } from '../../../src/lib/paths';
import { paperKeys, type PaperIdentity } from '../../../src/lib/same-paper';
import { entrySlug, uniqueSlug } from './slug';
import { titleKey } from '../../../src/lib/title-key';
import { openContentRoot } from '../../../src/lib/content-root';

/**
 * When each entry line first appeared (a TSV `section, number, added, title` with a header row).
 * Looked up by section heading + number + title, else by section heading + title key, else (for a
 * line only read after mending, which the file names by its text) by section heading + number +
 * the line's text.
 */
export interface AddedDates {
  lookup(sectionTitle: string, entry: Pick<ParsedEntry, 'number' | 'title'> & { raw?: string }): string | undefined;
}

/** Throws `line N: …` on a malformed row, so a typo in the dates file never passes unnoticed. */
export function parseAddedDates(text: string): AddedDates {
  const exact = new Map<string, string>();
  const byTitle = new Map<string, string>();
  const byLineText: { key: string; text: string; added: string }[] = [];
  text.split(/\r?\n/).forEach((row, index) => {
    if (!row.trim() || (index === 0 && /^section\t/i.test(row))) return;
    const [section, number, added, title] = row.split('\t').map((cell) => cell.trim());
    if (!section || !number || !added || !title)
      throw new Error(`line ${index + 1}: expected 4 tab-separated columns: section, number, added, title`);
    if (!isRealDate(added)) throw new Error(`line ${index + 1}: "${added}" is not a date written YYYY-MM-DD`);
    exact.set(`${section}\t${number}\t${title}`, added);
    byLineText.push({ key: `${section}\t${number}`, text: title, added });
    const key = `${section}\t${titleKey(title)}`;
    const known = byTitle.get(key);
    if (known === undefined || added < known) byTitle.set(key, added);
  });
  return {
    lookup: (sectionTitle, entry) =>
      exact.get(`${sectionTitle.trim()}\t${entry.number}\t${entry.title}`) ??
      byTitle.get(`${sectionTitle.trim()}\t${titleKey(entry.title)}`) ??
      byLineText.find((row) => row.key === `${sectionTitle.trim()}\t${entry.number}` && entry.raw?.trim().startsWith(row.text))
        ?.added,
  };
}

export interface ImportOptions {
  contentDir: string;
  /** The section registry (content/sections.yaml). */
  sections: readonly Section[];
  /** The registry file's text, rewritten (comments kept) when the list's section order changes. */
  registryText?: string;
  /** The entry files already in `contentDir`. */
  sources: readonly EntrySource[];
  /** The current content/about.md text, if there is one. */
  currentAbout?: string;
  dates?: AddedDates;
  /** `added` for new entries the dates file does not know (`--added`, else today). */
  defaultAdded: string;
  /** The list as last imported (content/.list-sync/last-import.md): the base of the three-way merge. */
  base?: string;
  /** Hand fixes for lines the sync cannot read (content/.list-sync/fixes.yaml). */
  fixes?: readonly LineFix[];
  /** Accept a section heading that disappeared, or more than `maxRemovedShare` of a section's papers gone. */
  allowRemovals?: boolean;
  /** The share of a section's papers that may disappear from the list in one sync (default 0.25). */
  maxRemovedShare?: number;
}

export const DEFAULT_MAX_REMOVED_SHARE = 0.25;

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

/** A field of an entry file the sync changes because the list changed it (or, without a base, differs from it). */
export interface FieldChange {
  file: string;
  field: string;
  from: string;
  to: string;
}

/** A field both the list (since the last sync) and content/ changed, differently: content/ is kept. */
export interface FieldConflict {
  file: string;
  field: string;
  local: string;
  list: string;
  kept: 'local';
}

export interface ImportPlan {
  /** Why this input is not synced at all (not a list, or a change that looks like an accident): nothing is written. */
  refusals: string[];
  /** Entry lines of the list that could not be read: kept in fixes.yaml for a hand fix, reported, never dropped. */
  problems: ListProblem[];
  /** Lines read only after mending an unambiguous defect. */
  mended: ListProblem[];
  /** Lines read through a recorded fix. */
  fixed: { line: number; text: string }[];
  /** Recorded fixes whose line the list no longer has. */
  staleFixes: LineFix[];
  /** Entry files that stop the import (unreadable, or an update would drop their unknown fields). */
  contentProblems: string[];
  strayLines: ParsedList['strayLines'];
  sections: SectionSummary[];
  entries: PlannedEntry[];
  merges: PlannedMerge[];
  changes: FieldChange[];
  conflicts: FieldConflict[];
  /** Entries in content that the list no longer has: reported, never deleted. */
  notInList: { section: string; id: string; file: string; title: string }[];
  /** Headings the registry does not know yet; added to it on apply. */
  newSections: Section[];
  /** Registry sections whose `order` follows the list's section order after this sync. */
  reordered: { id: string; from: number; to: number }[];
  registryFile: string;
  /** The new registry text, or undefined when it is unchanged. */
  registryText?: string;
  aboutFile: string;
  /** The new content/about.md text, or undefined when it is unchanged. */
  about?: string;
  /** Hunks of about.md that both the list and content/ changed: content/ is kept. */
  aboutConflicts: { local: string; list: string }[];
  lastImportFile: string;
  /** The list text to record as last imported, or undefined when it is the same. */
  lastImport?: string;
  fixesFile: string;
  /** The new fixes.yaml text (unreadable lines recorded), or undefined when it is unchanged. */
  fixesText?: string;
}

const COUNTER_OF_ACTION = { create: 'created', update: 'updated', unchanged: 'unchanged' } as const;

/** One paper as the list gives it, after merging duplicate lines. */
interface ListItem extends PaperInput {
  added: string;
  /** The first appearance the dates file gives (absent when it does not know the paper). */
  datesFileAdded?: string;
  lines: number[];
  titles: string[];
}

/** An existing entry file, read leniently: schema problems are the validator's job, not the importer's. */
interface ExistingEntry {
  source: EntrySource;
  data: Record<string, unknown>;
  title: string;
  links: Link[];
  arxiv?: string;
}

/** The lines of one list that belong to each registry section id. */
interface ListSection {
  section: Section;
  isNew: boolean;
  parsed: ParsedEntry[];
  entryLines: number;
}

/**
 * Everything the sync would do, computed before anything is written: refusals, which entries to
 * create, update or leave alone (a three-way merge of each list field against the last imported
 * list), which duplicate lines merge, which content entries the list lacks, the section order.
 */
export function planImport(listText: string, options: ImportOptions): ImportPlan {
  const { contentDir } = options;
  const state = syncStatePaths(contentDir);
  const fixes = options.fixes ?? [];
  const registryTitles = options.sections.map((section) => section.title);
  const current = applyFixes(listText, fixes);
  const list = parseList(current.text, registryTitles);
  const baseList = options.base === undefined ? undefined : parseList(applyFixes(options.base, fixes).text, registryTitles);

  const contentProblems: string[] = [];
  const existingBySection = new Map<string, ExistingEntry[]>();
  for (const source of options.sources) {
    const existing = readExisting(source);
    if (typeof existing === 'string') contentProblems.push(existing);
    else existingBySection.set(source.section, [...(existingBySection.get(source.section) ?? []), existing]);
  }

  const refusals = listRefusals(list);
  const { listSections, newSections } = resolveSections(list, options.sections);
  const baseSections = baseList ? resolveSections(baseList, [...options.sections, ...newSections]).listSections : [];

  const entries: PlannedEntry[] = [];
  const merges: PlannedMerge[] = [];
  const summaries: SectionSummary[] = [];
  const changes: FieldChange[] = [];
  const conflicts: FieldConflict[] = [];
  const claimed = new Set<EntrySource>();
  const addedOf = (sectionTitle: string) => (entry: ParsedEntry) => options.dates?.lookup(sectionTitle, entry);

  for (const { section, isNew, parsed, entryLines } of listSections) {
    const existing = existingBySection.get(section.id) ?? [];
    const taken = new Set(existing.map((entry) => entry.source.id));
    const baseItems = groupDuplicates(baseSections.find((candidate) => candidate.section.id === section.id)?.parsed ?? []).map(
      (group) => mergeGroup(group, () => undefined, options.defaultAdded),
    );
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
    const groups = groupDuplicates(parsed);
    groups.forEach((group, index) => {
      const item = mergeGroup(group, addedOf(section.title), options.defaultAdded);
      // Counted from the bottom: papers the list adds at its top leave the others' positions alone.
      const listPosition = groups.length - index;
      const match = findSamePaper(
        item,
        existing,
        (entry) => entry,
        (entry) => claimed.has(entry.source),
      );
      const baseItem = findSamePaper(item, baseItems, (base) => ({ title: base.title, links: base.links, arxiv: base.arxiv }));
      let planned: PlannedEntry;
      if (match) {
        claimed.add(match.source);
        planned = planUpdate(item, listPosition, match, baseItem, { contentProblems, changes, conflicts });
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
          text: serializeEntry({ ...withoutBookkeeping(item), listPosition }),
        };
      }
      entries.push(planned);
      summary.entries++;
      summary[COUNTER_OF_ACTION[planned.action]]++;
      if (group.length > 1)
        merges.push({ sectionTitle: section.title, file: planned.file, titles: item.titles, lines: item.lines });
    });
    summaries.push(summary);
  }

  const unclaimed = [...existingBySection.values()].flat().filter((entry) => !claimed.has(entry.source));
  const notInList = unclaimed.map((entry) => ({
    section: entry.source.section,
    id: entry.source.id,
    file: entry.source.file,
    title: entry.title,
  }));
  if (!options.allowRemovals)
    refusals.push(
      ...removalRefusals({
        sections: options.sections,
        listSections,
        baseSections,
        existingBySection,
        unclaimed,
        maxShare: options.maxRemovedShare ?? DEFAULT_MAX_REMOVED_SHARE,
      }),
    );
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

  const { orders, reordered } = sectionOrder(options.sections, newSections, listSections);
  const placedNew = newSections.map((section) => ({ ...section, order: orders.get(section.id)! }));
  const order = new Map([...options.sections, ...placedNew].map((section) => [section.id, orders.get(section.id)!]));
  summaries.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  const about = mergeAbout(list.header, baseList?.header, options.currentAbout);
  const listLines = new Set(listText.split('\n').map((line) => line.replace(/\r$/, '').trimEnd()));
  const staleFixes = fixes.filter((fix) => !listLines.has(fix.line.trimEnd()));
  const recorded = new Set(fixes.map((fix) => fix.line.trimEnd()));
  const newFixes = list.problems
    .map((problem) => listText.split('\n')[problem.line - 1]!.replace(/\r$/, '').trimEnd())
    .filter((line) => !recorded.has(line));

  return {
    refusals,
    problems: list.problems,
    mended: list.mended,
    fixed: current.fixed,
    staleFixes,
    contentProblems,
    strayLines: list.strayLines,
    sections: summaries,
    entries,
    merges,
    changes,
    conflicts,
    notInList,
    newSections: placedNew,
    reordered,
    registryFile: sectionRegistryPath(contentDir),
    registryText: reordered.length || placedNew.length ? rewriteRegistry(options.registryText, orders, placedNew) : undefined,
    aboutFile: path.join(contentDir, ABOUT_FILE_NAME),
    about: about.text,
    aboutConflicts: about.conflicts,
    lastImportFile: state.lastImport,
    lastImport: options.base === listText ? undefined : listText,
    fixesFile: state.fixes,
    fixesText: newFixes.length
      ? writeFixesText([...fixes, ...[...new Set(newFixes)].map((line) => ({ line, fix: '' }))])
      : undefined,
  };
}

/** Input that is not a list: no section heading, or not one entry line. */
function listRefusals(list: ParsedList): string[] {
  if (!list.sections.length) return ['no section heading ("# Title" followed by numbered entries) found: this is not the list'];
  if (!list.sections.some((section) => section.entryLines > 0))
    return ['no entry line ("1. [Title](https://…)") found under any heading: this is not the list'];
  return [];
}

/**
 * Changes that look like accidents: a registry section whose heading is gone while content/ has
 * papers in it (they would otherwise be reported missing, or appear under the heading above),
 * and a section losing more than `maxShare` of its papers at once.
 */
function removalRefusals(args: {
  sections: readonly Section[];
  listSections: readonly ListSection[];
  baseSections: readonly ListSection[];
  existingBySection: ReadonlyMap<string, ExistingEntry[]>;
  unclaimed: readonly ExistingEntry[];
  maxShare: number;
}): string[] {
  const refusals: string[] = [];
  const inList = new Set(args.listSections.map((section) => section.section.id));
  const ALLOW = 'if the list really dropped them, run again with --allow-removals';
  for (const section of args.sections) {
    const existing = args.existingBySection.get(section.id) ?? [];
    if (!existing.length) continue;
    if (!inList.has(section.id)) {
      refusals.push(
        `the heading "# ${section.title}" (section ${section.id}, ${existing.length} papers in content/) is not in the list: a heading removed by accident would make its papers vanish; ${ALLOW} (or rename the heading in content/sections.yaml if the list renamed it)`,
      );
      continue;
    }
    const baseItems = args.baseSections.find((candidate) => candidate.section.id === section.id)?.parsed;
    const gone = args.unclaimed.filter(
      (entry) =>
        entry.source.section === section.id &&
        (baseItems === undefined || findSamePaper(entry, baseItems, (item) => item) !== undefined),
    );
    if (gone.length && gone.length / existing.length > args.maxShare)
      refusals.push(
        `section ${section.id}: ${gone.length} of its ${existing.length} papers are no longer in the list (more than ${Math.round(args.maxShare * 100)}% at once: a cut or damaged list?), e.g. "${gone[0]!.title}"; ${ALLOW}`,
      );
  }
  return refusals;
}

/**
 * The registry `order` after this sync: the list's section order, with registry sections the
 * list lacks kept right after the section they followed.
 */
function sectionOrder(
  registry: readonly Section[],
  newSections: readonly Section[],
  listSections: readonly ListSection[],
): { orders: Map<string, number>; reordered: ImportPlan['reordered'] } {
  const sequence = listSections.map((section) => section.section.id);
  const byOrder = [...registry].sort((a, b) => a.order - b.order);
  byOrder.forEach((section, index) => {
    if (sequence.includes(section.id)) return;
    const before = byOrder.slice(0, index).findLast((candidate) => sequence.includes(candidate.id));
    sequence.splice(before ? sequence.indexOf(before.id) + 1 : 0, 0, section.id);
  });
  const orders = new Map(sequence.map((id, index) => [id, index + 1]));
  const reordered = registry
    .filter((section) => orders.get(section.id) !== section.order)
    .map((section) => ({ id: section.id, from: section.order, to: orders.get(section.id)! }));
  void newSections;
  return { orders, reordered };
}

/** The registry text with each item's `order` set and new sections appended; comments are kept. */
function rewriteRegistry(text: string | undefined, orders: ReadonlyMap<string, number>, added: readonly Section[]): string {
  const document = parseDocument(text ?? '[]\n');
  const items = document.contents;
  if (isSeq(items))
    for (const item of items.items) {
      if (!isMap(item)) continue;
      const map = item as unknown as YAMLMap<string, unknown>;
      const order = orders.get(String(map.get('id')));
      if (order !== undefined) map.set('order', order);
    }
  const written = document.toString({ lineWidth: 0 });
  return added.length ? `${written.trimEnd()}\n${stringify(added, { lineWidth: 0 })}` : written;
}

/**
 * about.md after the sync: the list's header prose merged line by line with the local file
 * against the header last imported, so a local fix (a typo) survives and the list's news
 * arrives. Without a record of the last import, a differing local file is kept and reported.
 */
function mergeAbout(
  header: string,
  baseHeader: string | undefined,
  currentAbout: string | undefined,
): { text?: string; conflicts: { local: string; list: string }[] } {
  if (!header) return { conflicts: [] };
  if (currentAbout === undefined) return { text: header, conflicts: [] };
  if (currentAbout === header) return { conflicts: [] };
  if (baseHeader === undefined) return { conflicts: [{ local: '(all of about.md)', list: '(the list header)' }] };
  const merged = mergeLines(baseHeader, currentAbout, header);
  return {
    text: merged.text === currentAbout ? undefined : merged.text,
    conflicts: merged.conflicts.map((conflict) => ({ local: conflict.ours, list: conflict.theirs })),
  };
}

/** Reads the registry, the entry files, about.md and the sync state of `contentDir`, then plans syncing `listText`. */
export function planImportFromDisk(
  listText: string,
  options: Pick<ImportOptions, 'contentDir' | 'dates' | 'defaultAdded' | 'allowRemovals' | 'maxRemovedShare'>,
): ImportPlan {
  const content = openContentRoot(options.contentDir);
  const sections = content.sections();
  const aboutFile = content.aboutFile;
  return planImport(listText, {
    ...options,
    sections,
    registryText: readFileSync(content.registryFile, 'utf8'),
    sources: content.entrySources(),
    currentAbout: existsSync(aboutFile) ? content.readAbout() : undefined,
    base: readLastImport(content.dir),
    fixes: readFixes(content.dir),
  });
}

/**
 * Maps the list's headings to registry sections by exact title; an unknown heading becomes a new
 * section (a short id from its first words, a placeholder description, placed where the list
 * puts it). A heading written twice is one section.
 */
function resolveSections(
  list: ParsedList,
  registry: readonly Section[],
): { listSections: ListSection[]; newSections: Section[] } {
  const byTitle = new Map(registry.map((section) => [section.title.trim(), section]));
  const ids = new Set(registry.map((section) => section.id));
  const newSections: Section[] = [];
  const listSections = new Map<string, ListSection>();
  for (const parsed of list.sections) {
    let section = byTitle.get(parsed.title);
    if (!section) {
      const words = parsed.title.split(/\s+/).slice(0, 3).join(' ');
      const id = uniqueSlug(entrySlug(words), ids);
      section = {
        id,
        title: parsed.title,
        short: words,
        description: `Papers listed under “${parsed.title}”.`,
        order: 0,
      };
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

/**
 * Lines of one section that name the same paper (the one rule of src/lib/same-paper.ts), in list
 * order. A shared notes URL is no identity: one reading note often covers many papers.
 */
function groupDuplicates(entries: readonly ParsedEntry[]): ParsedEntry[][] {
  const keys = paperKeys(entries);
  const groups = new Map<string, ParsedEntry[]>();
  entries.forEach((entry, index) => groups.set(keys[index]!, [...(groups.get(keys[index]!) ?? []), entry]));
  return [...groups.values()];
}

/**
 * The first of `candidates` naming the same paper as `paper` (same-paper rule), an exact title
 * key first; `claimed` ones are skipped.
 */
function findSamePaper<T>(
  paper: PaperIdentity,
  candidates: readonly T[],
  identity: (candidate: T) => PaperIdentity,
  skip: (candidate: T) => boolean = () => false,
): T | undefined {
  const free = candidates.filter((candidate) => !skip(candidate));
  const key = titleKey(paper.title);
  const exact = free.find((candidate) => titleKey(identity(candidate).title) === key);
  if (exact) return exact;
  const paperKey = (other: T) => {
    const [a, b] = paperKeys([paper, identity(other)]);
    return a === b;
  };
  return free.find(paperKey);
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
    datesFileAdded: unique(group.map(addedOf)).sort()[0],
    lines: group.map((entry) => entry.line),
    titles: group.map((entry) => entry.title),
  };
}

function withoutBookkeeping(item: ListItem): PaperInput {
  const { lines: _lines, titles: _titles, datesFileAdded: _datesFileAdded, ...paper } = item;
  return paper;
}

/**
 * `added` of an existing entry: a dates file that knows an earlier first appearance corrects it
 * (reported); a later or missing one never moves it, so a version-by-version sync and a direct
 * sync agree.
 */
function earlierAdded(
  current: string | undefined,
  fromDatesFile: string | undefined,
  change: (field: string, from: unknown, to: unknown) => void,
): string | undefined {
  if (!fromDatesFile || (current && current <= fromDatesFile)) return current || fromDatesFile;
  if (current) change('added', current, fromDatesFile);
  return fromDatesFile;
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
  return { source, data, title: data.title, links, ...(arxiv !== undefined && { arxiv }) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SCHEMA_FIELDS = new Set<string>(PAPER_FIELD_ORDER);

/** How a field value reads in the report. */
function show(value: unknown): string {
  if (value === undefined || (Array.isArray(value) && !value.length)) return '(none)';
  if (Array.isArray(value))
    return value.map((item) => (isRecord(item) && typeof item.url === 'string' ? item.url : String(item))).join(' ');
  return `"${String(value)}"`;
}

const sameUrls = (a: readonly Link[] | undefined, b: readonly Link[] | undefined) =>
  JSON.stringify((a ?? []).map((link) => link.url)) === JSON.stringify((b ?? []).map((link) => link.url));

/**
 * The list carries title, links, note, venue and its own tags. Each is merged three ways against
 * the last imported list (`base`): a field the list did not change keeps the file's value (local
 * curation); one only the list changed takes the list's value (reported); one both changed
 * differently keeps the file's value and is reported as a conflict. Without a base for the paper,
 * the list owns title, links and note, and adds its venue and tags. Tags merge as sets, so
 * curated topic tags stay. Everything else (added, published, org, authors, a hand-set arXiv id,
 * an MDX body, a hand-corrected link kind) stays.
 */
function planUpdate(
  item: ListItem,
  listPosition: number,
  match: ExistingEntry,
  base: ListItem | undefined,
  report: { contentProblems: string[]; changes: FieldChange[]; conflicts: FieldConflict[] },
): PlannedEntry {
  const { source, data } = match;
  const ours = data as PaperInput;
  const change = (field: string, from: unknown, to: unknown) =>
    report.changes.push({ file: source.file, field, from: show(from), to: show(to) });
  function merge<T>(field: string, local: T, list: T, last: T | undefined, same: (a: T, b: T) => boolean, legacy: T): T {
    let result: T;
    if (!base) result = legacy;
    else if (same(list, last as T) || same(local, list)) result = local;
    else if (same(local, last as T)) result = list;
    else {
      report.conflicts.push({ file: source.file, field, local: show(local), list: show(list), kept: 'local' });
      return local;
    }
    if (!same(result, local)) change(field, local, result);
    return result;
  }
  const equal = <T>(a: T, b: T) => (a ?? undefined) === (b ?? undefined);
  const currentKinds = new Map(
    (Array.isArray(data.links) ? data.links : []).filter(isRecord).map((link) => [link.url, link.kind] as const),
  );
  const links = merge('links', ours.links, item.links, base?.links, sameUrls, item.links).map((link) => ({
    ...link,
    kind: (currentKinds.get(link.url) as Link['kind'] | undefined) ?? link.kind,
  }));
  const localTags = Array.isArray(data.tags) ? (data.tags as string[]) : [];
  const listTags = item.tags ?? [];
  const droppedTags = new Set((base?.tags ?? []).filter((tag) => !listTags.includes(tag)));
  const tags = unique([...localTags.filter((tag) => !droppedTags.has(tag)), ...listTags]);
  if (JSON.stringify(tags) !== JSON.stringify(localTags)) change('tags', localTags, tags);
  const next: PaperInput = {
    ...ours,
    title: merge('title', ours.title, item.title, base?.title, equal, item.title),
    links,
    note: merge('note', ours.note, item.note, base?.note, equal, item.note),
    venue: merge('venue', ours.venue, item.venue, base?.venue, equal, item.venue ?? ours.venue),
    tags,
    arxiv: item.arxiv ?? ours.arxiv,
    added: earlierAdded(ours.added as string | undefined, item.datesFileAdded, change),
    listPosition,
  };
  const planned = { section: source.section, id: source.id, file: source.file, title: item.title, lines: item.lines };
  // Canonical YAML of old and new data: formatting-only differences do not count as changes.
  if (serializeEntryYaml(ours) === serializeEntryYaml(next)) return { ...planned, action: 'unchanged' };
  const unknown = Object.keys(data).filter((key) => !SCHEMA_FIELDS.has(key));
  if (unknown.length)
    report.contentProblems.push(
      `${source.file}:${source.lineOf([unknown[0]!])}: cannot update: fields outside the schema would be lost (${unknown.join(', ')}); fix the file first`,
    );
  return { ...planned, action: 'update', text: serializeEntry(next, source.format, source.body) };
}

/** True when the plan may be written: a refusal or a content problem stops the whole sync. */
export function planIsClean(plan: ImportPlan): boolean {
  return plan.refusals.length === 0 && plan.contentProblems.length === 0;
}

/** What `--strict` fails on: every line read only after mending or not read, stale fixes, conflicts, new sections. */
export function planWarnings(plan: ImportPlan): string[] {
  return [
    ...plan.mended.map((line) => `line ${line.line}: mended: ${line.reason}`),
    ...plan.problems.map((line) => `line ${line.line}: cannot read: ${line.reason}`),
    ...plan.staleFixes.map((fix) => `fix no longer used (the list changed the line): ${fix.line}`),
    ...plan.conflicts.map((conflict) => `conflict: ${conflict.file}: ${conflict.field}`),
    ...plan.aboutConflicts.map(() => `conflict: ${plan.aboutFile}`),
    ...plan.newSections.map((section) => `new section "${section.title}" (id ${section.id})`),
  ];
}

/** Writes the plan: registry, entry files, about.md, then the sync state (last import, fixes). */
export function applyImportPlan(plan: ImportPlan): void {
  if (!planIsClean(plan)) throw new Error('the import plan has problems; nothing written');
  if (plan.registryText !== undefined) writeFileAtomic(plan.registryFile, plan.registryText);
  for (const entry of plan.entries) if (entry.text !== undefined) writeFileAtomic(entry.file, entry.text);
  if (plan.about !== undefined) writeFileAtomic(plan.aboutFile, plan.about);
  if (plan.fixesText !== undefined) writeFileAtomic(plan.fixesFile, plan.fixesText);
  if (plan.lastImport !== undefined) writeFileAtomic(plan.lastImportFile, plan.lastImport);
}

/**
 * The sync report, plain text: a table per section, then every new paper, every field change,
 * conflicts (and which side was kept), merges, mended and unreadable lines, fixes, papers the
 * list no longer has, section changes, about.md. The scheduled workflow posts it as the PR body.
 */
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

  const lines = [...table, ''];
  const block = (title: string, items: readonly string[]) => {
    lines.push(`${title}: ${items.length}`);
    for (const item of items) lines.push(`  ${item}`);
  };
  for (const refusal of plan.refusals) lines.push(`refused: ${refusal}`);
  const created = plan.entries.filter((entry) => entry.action === 'create');
  block(
    'new papers',
    created.map((entry) => `${relative(entry.file)}: "${entry.title}" (line ${entry.lines.join(', ')})`),
  );
  block(
    'changed fields',
    plan.changes.map((change) => `${relative(change.file)}: ${change.field}: ${change.from} → ${change.to}`),
  );
  block('conflicts (the list and content/ both changed the field; content/ kept)', [
    ...plan.conflicts.map(
      (conflict) => `${relative(conflict.file)}: ${conflict.field}: kept local ${conflict.local}; the list has ${conflict.list}`,
    ),
    ...plan.aboutConflicts.map(
      (conflict) => `${relative(plan.aboutFile)}: kept local "${conflict.local}"; the list has "${conflict.list}"`,
    ),
  ]);
  block(
    'merged duplicates',
    plan.merges.map(
      (merge) =>
        `${merge.sectionTitle}, lines ${merge.lines.join(' + ')}: ${merge.titles.map((title) => `"${title}"`).join(' + ')} → ${relative(merge.file)}`,
    ),
  );
  block(
    'mended lines (read as the list meant them)',
    plan.mended.map((line) => `line ${line.line}: ${line.reason}: ${line.text}`),
  );
  block(
    `unreadable lines (kept in ${relative(plan.fixesFile)}: write the corrected line under \`fix\`)`,
    plan.problems.map((problem) => `line ${problem.line}: ${problem.reason}: ${problem.text}`),
  );
  if (plan.fixed.length)
    block(
      'lines read through a recorded fix',
      plan.fixed.map((fix) => `line ${fix.line}: ${fix.text}`),
    );
  if (plan.staleFixes.length)
    block(
      `fixes whose line the list no longer has (delete them from ${relative(plan.fixesFile)})`,
      plan.staleFixes.map((fix) => fix.line),
    );
  block(
    'not in the list (kept, not deleted)',
    plan.notInList.map((entry) => `${relative(entry.file)}: "${entry.title}"`),
  );
  for (const section of plan.newSections)
    lines.push(
      `new section "${section.title}" → id ${section.id}, position ${section.order}: choose a short id and nav label in ${relative(plan.registryFile)} (and rename its folder) before merging`,
    );
  for (const move of plan.reordered) lines.push(`section ${move.id}: order ${move.from} → ${move.to} (the list's order)`);
  if (plan.strayLines.length)
    lines.push(
      `lines after the first section that are not entries (the export drops them): ${plan.strayLines.map((stray) => stray.line).join(', ')}`,
    );
  if (plan.about !== undefined) lines.push(`header → ${relative(plan.aboutFile)}`);
  lines.push(`warnings: ${planWarnings(plan).length}`);
  lines.push(`problems: ${plan.refusals.length + plan.contentProblems.length}`);
  return lines.join('\n');
}
