import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ABOUT_FILE_NAME, openContentRoot } from '../../../../src/lib/content-root';
import { sectionRegistryPath } from '../../../../src/lib/paths';
import type { Section } from '../../../../src/schemas/section';
import { DEFAULT_DIALECT, parseList, type ListDialect, type ParsedEntry } from '../parse';
import { exportList } from '../write';
import { readExistingEntries } from './existing';
import { mergeAbout } from './header';
import { emptySummary, mergeMembership } from './membership';
import { DEFAULT_MAX_REMOVED_SHARE, type FieldChange, type FieldConflict, type SyncOptions, type SyncPlan } from './plan-types';
import { listRefusals, removalRefusals } from './refusals';
import { resolveSections, rewriteRegistry, sectionOrder } from './sections';
import { applyFixes, readDialect, readFixes, readLastSync, syncStatePaths, writeDialectText, writeFixesText } from './state';

/**
 * Everything the sync would do, computed before anything is written: refusals, renamed and new
 * sections, which entries to create, update, move, remove or leave alone (three-way merges of
 * membership and of each list field against the last synced list), which duplicate lines merge,
 * the section order.
 */
export function planSync(listText: string, options: SyncOptions): SyncPlan {
  const { contentDir } = options;
  const state = syncStatePaths(contentDir);
  const fixes = options.fixes ?? [];
  const registryTitles = options.sections.map((section) => section.title);
  const base = options.base === undefined ? undefined : applyFixes(options.base, fixes).text;
  if (isOwnExport(listText, options, base)) return nothingToSync(contentDir, options.dialect ?? DEFAULT_DIALECT);
  const current = applyFixes(listText, fixes);
  const list = parseList(current.text, registryTitles);
  const baseList = base === undefined ? undefined : parseList(base, registryTitles);
  const existing = readExistingEntries(options.sources);
  const contentProblems = existing.problems;

  const refusals = listRefusals(list);
  const baseEntriesOf = (section: Section) =>
    baseList?.sections.filter((parsed) => parsed.title === section.title.trim()).flatMap((parsed) => parsed.entries) ?? [];
  // What a renamed heading is told by: the section's papers in the last synced list, else in content/.
  const papersOf = (section: Section) => {
    const listed = baseEntriesOf(section);
    return listed.length ? listed : (existing.bySection.get(section.id) ?? []);
  };
  const { listSections, newSections, renames, gone } = resolveSections(list, options.sections, papersOf);
  // The registry as this sync leaves it: renamed headings carry their new title.
  const registry = options.sections.map((section) => {
    const rename = renames.find((candidate) => candidate.id === section.id);
    return rename ? { ...section, title: rename.to } : section;
  });
  // A heading renamed by hand in the registry since the last sync is found in it the same way.
  const baseSections = baseList
    ? resolveSections(baseList, [...options.sections, ...newSections], papersOf).listSections
    : undefined;

  const changes: FieldChange[] = [];
  const conflicts: FieldConflict[] = [];
  const addedOf = (sectionTitle: string) => (entry: ParsedEntry) => options.dates?.lookup(sectionTitle, entry);
  const membership = mergeMembership({
    contentDir,
    listSections,
    baseSections,
    existingBySection: existing.bySection,
    addedOf,
    defaultAdded: options.defaultAdded,
    report: { contentProblems, changes, conflicts },
  });
  const { entries, summaries, removed, droppedCurated, notInList } = membership;
  const kept = [...droppedCurated, ...notInList];

  if (!options.allowRemovals)
    refusals.push(
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

  const { orders, reordered } = sectionOrder(options.sections, listSections);
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
    ownExport: false,
    refusals,
    problems: list.problems,
    mended: list.mended,
    fixed: current.fixed,
    staleFixes,
    contentProblems,
    strayLines: list.strayLines,
    sections: summaries,
    entries,
    merges: membership.merges,
    changes,
    conflicts,
    removed,
    droppedCurated,
    notInList,
    renames,
    newSections: placedNew,
    reordered,
    registryFile: sectionRegistryPath(contentDir),
    registryText:
      reordered.length || placedNew.length || renames.length
        ? rewriteRegistry(options.registryText, orders, placedNew, renames)
        : undefined,
    aboutFile: path.join(contentDir, ABOUT_FILE_NAME),
    about: about.text,
    aboutConflicts: about.conflicts,
    lastSyncFile: state.lastSync,
    lastSync: options.base === listText ? undefined : listText,
    fixesFile: state.fixes,
    fixesText: newFixes.length
      ? writeFixesText([...fixes, ...[...new Set(newFixes)].map((line) => ({ line, fix: '' }))])
      : undefined,
    dialect: list.dialect,
    mixed: list.mixed,
    dialectFile: state.dialect,
    dialectText: JSON.stringify(list.dialect) === JSON.stringify(options.dialect) ? undefined : writeDialectText(list.dialect),
  };
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

/** The plan for the list's own export: nothing written, not even the list as last synced. */
function nothingToSync(contentDir: string, dialect: ListDialect): SyncPlan {
  const state = syncStatePaths(contentDir);
  return {
    ownExport: true,
    refusals: [],
    problems: [],
    mended: [],
    fixed: [],
    staleFixes: [],
    contentProblems: [],
    strayLines: [],
    sections: [],
    entries: [],
    merges: [],
    changes: [],
    conflicts: [],
    removed: [],
    droppedCurated: [],
    notInList: [],
    renames: [],
    newSections: [],
    reordered: [],
    aboutConflicts: [],
    registryFile: sectionRegistryPath(contentDir),
    aboutFile: path.join(contentDir, ABOUT_FILE_NAME),
    lastSyncFile: state.lastSync,
    fixesFile: state.fixes,
    dialect,
    mixed: [],
    dialectFile: state.dialect,
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
