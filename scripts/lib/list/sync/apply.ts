import { rmSync } from 'node:fs';
import { writeFileAtomic } from '../../../../src/lib/entry-files';
import type { SyncPlan } from './plan-types';

/** True when the plan may be written: a refusal or a content problem stops the whole sync. */
export function planIsClean(plan: SyncPlan): boolean {
  return plan.refusals.length === 0 && plan.contentProblems.length === 0;
}

/**
 * Writes the plan: registry, entry files (a moved paper's new file before its old one goes), the
 * files of removed papers deleted, about.md, then the sync state (last sync, fixes).
 */
export function applySyncPlan(plan: SyncPlan): void {
  if (!planIsClean(plan)) throw new Error('the sync plan has problems; nothing written');
  if (plan.registryText !== undefined) writeFileAtomic(plan.registryFile, plan.registryText);
  for (const entry of plan.entries) if (entry.text !== undefined) writeFileAtomic(entry.file, entry.text);
  for (const entry of plan.entries) if (entry.from !== undefined && entry.from !== entry.file) rmSync(entry.from);
  for (const paper of plan.removed) rmSync(paper.file);
  if (plan.about !== undefined) writeFileAtomic(plan.aboutFile, plan.about);
  if (plan.fixesText !== undefined) writeFileAtomic(plan.fixesFile, plan.fixesText);
  if (plan.dialectText !== undefined) writeFileAtomic(plan.dialectFile, plan.dialectText);
  if (plan.lastSync !== undefined) writeFileAtomic(plan.lastSyncFile, plan.lastSync);
}
