import { rmSync } from 'node:fs';
import { writeFileAtomic } from '../../../../src/lib/content/entry-files';
import type { SyncPlan } from './plan-types';

/** True when the plan may be written: a refusal or a content problem stops the whole sync. */
export function planIsClean(plan: SyncPlan): boolean {
  return plan.report.refusals.length === 0 && plan.report.contentProblems.length === 0;
}

/**
 * Writes the plan: registry, entry files (a moved paper's new file before its old one goes), the
 * files of removed papers deleted, about.md, then the sync state (last sync, fixes).
 */
export function applySyncPlan(plan: SyncPlan): void {
  if (!planIsClean(plan)) throw new Error('the sync plan has problems; nothing written');
  const { sections, entries, state } = plan;
  if (sections.registryText !== undefined) writeFileAtomic(sections.registryFile, sections.registryText);
  for (const entry of entries.planned) if (entry.text !== undefined) writeFileAtomic(entry.file, entry.text);
  for (const entry of entries.planned) if (entry.from !== undefined && entry.from !== entry.file) rmSync(entry.from);
  for (const paper of entries.removed) rmSync(paper.file);
  if (state.about !== undefined) writeFileAtomic(state.aboutFile, state.about);
  if (state.fixesText !== undefined) writeFileAtomic(state.fixesFile, state.fixesText);
  if (state.dialectText !== undefined) writeFileAtomic(state.dialectFile, state.dialectText);
  if (state.lastSync !== undefined) writeFileAtomic(state.lastSyncFile, state.lastSync);
}
