import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ABOUT_FILE_NAME, openContentRoot } from '../../../../src/lib/content/content-root';
import { sectionRegistryPath } from '../../../../src/lib/paths';
import type { Section } from '../../../../src/schemas/section';
import { DEFAULT_DIALECT, parseList, type ListDialect, type ParsedEntry, type ParsedList } from '../parse';
import { exportList } from '../write';
import { readExistingEntries } from './existing';
import { mergeAbout } from './header';
import { emptySummary, mergeMembership } from './membership';
import { DEFAULT_MAX_REMOVED_SHARE, type SyncOptions, type SyncPlan } from './plan-types';
import { listRefusals, removalRefusals } from './refusals';
import { resolveSections, rewriteRegistry, sectionOrder, type ListSection } from './sections';
import {
  applyFixes,
  readDialect,
  readFixes,
  readLastSync,
  syncStatePaths,
  writeDialectText,
  writeFixesText,
  type LineFix,
} from './state';

/**
 * Everything the sync would do, computed before anything is written: refusals, renamed and new
 * sections, which entries to create, update, move, remove or leave alone (three-way merges of
 * membership and of each list field against the last synced list), which duplicate lines merge,
 * the section order. Each step below fills one group of the plan.
 */
export function planSync(listText: string, options: SyncOptions): SyncPlan {
  const { contentDir } = options;
  const fixes = options.fixes ?? [];
  const registryTitles = options.sections.map((section) => section.title);
  const base = options.base === undefined ? undefined : applyFixes(options.base, fixes).text;
  if (isOwnExport(listText, options, base)) return emptyPlan(contentDir, options.dialect ?? DEFAULT_DIALECT, true);
  const current = applyFixes(listText, fixes);
  const read: ReadLists = {
    list: parseList(current.text, registryTitles),
    baseList: base === undefined ? undefined : parseList(base, registryTitles),
    existing: readExistingEntries(options.sources),
  };
  const plan = emptyPlan(contentDir, read.list.dialect);
  planReport(plan.report, read, current.fixed, listText, fixes);
  const resolved = planSections(plan.sections, read, options);
  planEntries(plan, read, resolved, options);
  planState(plan, read, listText, options);
  return plan;
}

/** The list and the last synced list as read, and content/'s entries. */
interface ReadLists {
  list: ParsedList;
  baseList: ParsedList | undefined;
  existing: ReturnType<typeof readExistingEntries>;
}

/** How the list was read: unreadable, mended and fixed lines, stale fixes, and a list that is no list. */
function planReport(
  report: SyncPlan['report'],
  { list, existing }: ReadLists,
  fixed: SyncPlan['report']['fixed'],
  listText: string,
  fixes: readonly LineFix[],
): void {
  const listLines = new Set(listText.split('\n').map((line) => line.replace(/\r$/, '').trimEnd()));
  Object.assign(report, {
    refusals: listRefusals(list),
    contentProblems: existing.problems,
    unreadable: list.problems,
    mended: list.mended,
    fixed,
    staleFixes: fixes.filter((fix) => !listLines.has(fix.line.trimEnd())),
    strayLines: list.strayLines,
    mixed: list.mixed,
  } satisfies SyncPlan['report']);
}

/** The list's sections matched to the registry's, as the entries step needs them. */
interface ResolvedSections {
  listSections: ListSection[];
  /** The last synced list's sections, found in the registry the same way. */
  baseSections: ListSection[] | undefined;
  /** The registry as this sync leaves it: renamed headings carry their new title. */
  registry: Section[];
  gone: ReturnType<typeof resolveSections>['gone'];
  /** Each section's `order` after the sync. */
  orders: Map<string, number>;
}

/** Renamed and new headings, and the section order: the registry after the sync. */
function planSections(
  sections: SyncPlan['sections'],
  { list, baseList, existing }: ReadLists,
  options: SyncOptions,
): ResolvedSections {
  const baseEntriesOf = (section: Section) =>
    baseList?.sections.filter((parsed) => parsed.title === section.title.trim()).flatMap((parsed) => parsed.entries) ?? [];
  // What a renamed heading is told by: the section's papers in the last synced list, else in content/.
  const papersOf = (section: Section) => {
    const listed = baseEntriesOf(section);
    return listed.length ? listed : (existing.bySection.get(section.id) ?? []);
  };
  const { listSections, newSections, renames, gone } = resolveSections(list, options.sections, papersOf);
  const registry = options.sections.map((section) => {
    const rename = renames.find((candidate) => candidate.id === section.id);
    return rename ? { ...section, title: rename.to } : section;
  });
  // A heading renamed by hand in the registry since the last sync is found in it the same way.
  const baseSections = baseList
    ? resolveSections(baseList, [...options.sections, ...newSections], papersOf).listSections
    : undefined;
  const { orders, reordered } = sectionOrder(options.sections, listSections);
  const added = newSections.map((section) => ({ ...section, order: orders.get(section.id)! }));
  Object.assign(sections, {
    renames,
    added,
    reordered,
    registryText:
      reordered.length || added.length || renames.length
        ? rewriteRegistry(options.registryText, orders, added, renames)
        : undefined,
  });
  return { listSections, baseSections, registry, gone, orders };
}

/**
 * Which entries are created, updated, moved, removed or kept (membership and fields merged three
 * ways), the per-section summaries, and the refusals a large removal earns.
 */
function planEntries(plan: SyncPlan, { existing }: ReadLists, resolved: ResolvedSections, options: SyncOptions): void {
  const { listSections, baseSections, registry, gone, orders } = resolved;
  const addedOf = (sectionTitle: string) => (entry: ParsedEntry) => options.dates?.lookup(sectionTitle, entry);
  const membership = mergeMembership({
    contentDir: options.contentDir,
    listSections,
    baseSections,
    existingBySection: existing.bySection,
    addedOf,
    defaultAdded: options.defaultAdded,
    report: { contentProblems: plan.report.contentProblems, changes: plan.entries.changes, conflicts: plan.conflicts.fields },
  });
  const { entries, summaries, removed, droppedCurated, notInList } = membership;
  const kept = [...droppedCurated, ...notInList];
  Object.assign(plan.entries, { planned: entries, merges: membership.merges, removed, notInList });
  plan.conflicts.droppedCurated = droppedCurated;

  if (!options.allowRemovals)
    plan.report.refusals.push(
      ...removalRefusals({
        sections: registry,
        listSections,
        gone,
        existingBySection: existing.bySection,
        dropped: [...removed, ...kept],
        maxShare: options.maxRemovedShare ?? DEFAULT_MAX_REMOVED_SHARE,
      }),
    );
  for (const section of registry) {
    const count = (papers: readonly { section: string }[]) => papers.filter((paper) => paper.section === section.id).length;
    const movedOut = entries.filter((entry) => entry.from && path.basename(path.dirname(entry.from)) === section.id).length;
    if (!movedOut && !count(removed) && !count(kept)) continue;
    let summary = summaries.find((candidate) => candidate.id === section.id);
    if (!summary) summaries.push((summary = emptySummary(section)));
    Object.assign(summary, { movedOut, removed: count(removed), notInList: count(kept) });
  }
  summaries.sort((a, b) => orders.get(a.id)! - orders.get(b.id)!);
  plan.sections.summaries = summaries;
}

/** about.md merged three ways, and what the sync remembers: the list as synced, new fixes, the dialect. */
function planState(plan: SyncPlan, { list, baseList }: ReadLists, listText: string, options: SyncOptions): void {
  const fixes = options.fixes ?? [];
  const about = mergeAbout(list.header, baseList?.header, options.currentAbout);
  const recorded = new Set(fixes.map((fix) => fix.line.trimEnd()));
  const newFixes = list.problems
    .map((problem) => listText.split('\n')[problem.line - 1]!.replace(/\r$/, '').trimEnd())
    .filter((line) => !recorded.has(line));
  plan.conflicts.about = about.conflicts;
  Object.assign(plan.state, {
    about: about.text,
    lastSync: options.base === listText ? undefined : listText,
    fixesText: newFixes.length
      ? writeFixesText([...fixes, ...[...new Set(newFixes)].map((line) => ({ line, fix: '' }))])
      : undefined,
    dialectText: JSON.stringify(list.dialect) === JSON.stringify(options.dialect) ? undefined : writeDialectText(list.dialect),
  });
}

/**
 * Whether the list is content/'s own export (with or without curated tags). Syncing it would
 * change nothing the list says, but would record it as the list last synced: local edits it
 * carries would then look like the list's own, and the next sync of the real list would undo them.
 */
function isOwnExport(listText: string, options: SyncOptions, base: string | undefined): boolean {
  const content = {
    sections: options.sections,
    sources: options.sources,
    header: options.currentAbout ?? '',
    ...(base !== undefined && { base }),
    ...(options.dialect !== undefined && { dialect: options.dialect }),
  };
  return [false, true].some((tags) => {
    const exported = exportList(content, { tags });
    return !exported.problems.length && exported.text === listText;
  });
}

/**
 * A plan that changes nothing: what the steps of planSync start from, and, with `ownExport`, the
 * plan for the list's own export (nothing written, not even the list as last synced).
 */
function emptyPlan(contentDir: string, dialect: ListDialect, ownExport = false): SyncPlan {
  const state = syncStatePaths(contentDir);
  return {
    ownExport,
    report: {
      refusals: [],
      contentProblems: [],
      unreadable: [],
      mended: [],
      fixed: [],
      staleFixes: [],
      strayLines: [],
      mixed: [],
    },
    entries: { planned: [], merges: [], changes: [], removed: [], notInList: [] },
    sections: { summaries: [], renames: [], added: [], reordered: [], registryFile: sectionRegistryPath(contentDir) },
    conflicts: { fields: [], about: [], droppedCurated: [] },
    state: {
      aboutFile: path.join(contentDir, ABOUT_FILE_NAME),
      lastSyncFile: state.lastSync,
      fixesFile: state.fixes,
      dialect,
      dialectFile: state.dialect,
    },
  };
}

/** Reads the registry, the entry files, about.md and the sync state of `contentDir`, then plans syncing `listText`. */
export function planSyncFromDisk(
  listText: string,
  options: Pick<SyncOptions, 'contentDir' | 'dates' | 'defaultAdded' | 'allowRemovals' | 'maxRemovedShare'>,
): SyncPlan {
  const content = openContentRoot(options.contentDir);
  const aboutFile = content.aboutFile;
  const dialect = readDialect(content.dir);
  return planSync(listText, {
    ...options,
    sections: content.sections(),
    registryText: readFileSync(content.registryFile, 'utf8'),
    sources: content.entrySources(),
    currentAbout: existsSync(aboutFile) ? content.readAbout() : undefined,
    base: readLastSync(content.dir),
    fixes: readFixes(content.dir),
    ...(dialect !== undefined && { dialect }),
  });
}
