import type { Section } from '../../../../src/schemas/section';
import type { EntrySource } from '../../../../src/lib/content/entry-files';
import type { ListDialect, ListProblem, ParsedList } from '../parse';
import type { AddedDates } from './dates';
import type { SectionRename, SectionReorder } from './sections';
import type { LineFix } from './state';

export interface SyncOptions {
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
  /** The list as last synced (content/.list-sync/last-sync.md): the base of the three-way merge. */
  base?: string;
  /** Hand fixes for lines the sync cannot read (content/.list-sync/fixes.yaml). */
  fixes?: readonly LineFix[];
  /** How the list was written when last synced (content/.list-sync/dialect.yaml); undefined before one was recorded. */
  dialect?: ListDialect;
  /** Accept a section heading that disappeared, or more than `maxRemovedShare` of a section's papers gone. */
  allowRemovals?: boolean;
  /** The share of a section's papers that may disappear from the list in one sync (default 0.25). */
  maxRemovedShare?: number;
}

export const DEFAULT_MAX_REMOVED_SHARE = 0.25;

export interface PlannedEntry {
  /** `move`: the paper left another section of the list for this one; written here, `from` deleted. */
  action: 'create' | 'update' | 'unchanged' | 'move';
  section: string;
  id: string;
  file: string;
  title: string;
  /** The list lines this entry comes from (several when duplicates were merged). */
  lines: number[];
  /** The new file text, for create, update and move. */
  text?: string;
  /** For a move: the file it leaves (deleted on apply). */
  from?: string;
  /** Its `listPosition` when the list's order moved it (papers added, removed or reordered below it). */
  position?: { from?: number; to: number };
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
  movedIn: number;
  updated: number;
  unchanged: number;
  movedOut: number;
  removed: number;
  /** Kept though the list does not have them: curated since the list dropped them, or no last sync to tell. */
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

/** An entry of content/ the list does not have (removed, or kept and reported). */
export interface DroppedPaper {
  section: string;
  id: string;
  file: string;
  title: string;
}

/** How the list was read, and what stops the sync: what the report lists besides the changes. */
export interface PlanReport {
  /** Why this input is not synced at all (not a list, or a change that looks like an accident): nothing is written. */
  refusals: string[];
  /** Entry files that stop the sync (unreadable, or an update would drop their unknown fields). */
  contentProblems: string[];
  /** Entry lines of the list that could not be read: kept in fixes.yaml for a hand fix, reported, never dropped. */
  unreadable: ListProblem[];
  /** Lines read only after mending an unambiguous defect. */
  mended: ListProblem[];
  /** Lines read through a recorded fix. */
  fixed: { line: number; text: string }[];
  /** Recorded fixes whose line the list no longer has. */
  staleFixes: LineFix[];
  strayLines: ParsedList['strayLines'];
  /** Sections mixing numbered and bulleted entries: read whole, reported as warnings. */
  mixed: ParsedList['mixed'];
}

/** The entry files after the sync. */
export interface PlanEntries {
  planned: PlannedEntry[];
  merges: PlannedMerge[];
  changes: FieldChange[];
  /** Papers the list dropped, untouched here since the last sync: deleted on apply. */
  removed: DroppedPaper[];
  /** Without a last sync to tell, entries the list does not have: kept and reported. */
  notInList: DroppedPaper[];
}

/** The section registry after the sync. */
export interface PlanSections {
  /** One row per section, in the list's order. */
  summaries: SectionSummary[];
  /** Registry sections whose heading the list renamed (title updated; id, folder, nav label kept). */
  renames: SectionRename[];
  /** Headings the registry does not know yet; added to it on apply. */
  added: Section[];
  /** Registry sections whose `order` follows the list's section order after this sync. */
  reordered: SectionReorder[];
  registryFile: string;
  /** The new registry text, or undefined when it is unchanged. */
  registryText?: string;
}

/** Where the list and content/ both changed something, differently: content/ is kept. */
export interface PlanConflicts {
  fields: FieldConflict[];
  /** Hunks of about.md that both the list and content/ changed. */
  about: { local: string; list: string }[];
  /** Papers the list dropped that content/ changed since the last sync: kept. */
  droppedCurated: DroppedPaper[];
}

/** The files besides entries and the registry: about.md, and what the sync remembers (content/.list-sync/). */
export interface PlanState {
  aboutFile: string;
  /** The new content/about.md text, or undefined when it is unchanged. */
  about?: string;
  lastSyncFile: string;
  /** The list text to record as last synced, or undefined when it is the same. */
  lastSync?: string;
  fixesFile: string;
  /** The new fixes.yaml text (unreadable lines recorded), or undefined when it is unchanged. */
  fixesText?: string;
  /** How this list writes sections and entries. */
  dialect: ListDialect;
  dialectFile: string;
  /** The new dialect.yaml text when the list's dialect changed or was not recorded yet, else undefined. */
  dialectText?: string;
}

/** Everything one sync would do, computed before anything is written. */
export interface SyncPlan {
  /** The list is what `npm run export:readme` writes from content/ as it stands: nothing to sync. */
  ownExport: boolean;
  report: PlanReport;
  entries: PlanEntries;
  sections: PlanSections;
  conflicts: PlanConflicts;
  state: PlanState;
}
