/**
 * The list sync, in stages: read the list (parse, list-items), resolve its sections (sections),
 * merge membership (membership) and fields (fields, header), plan refusals (refusals), apply
 * (apply), report (report). What it remembers between runs is in state.
 */
export { parseAddedDates, type AddedDates } from './dates';
export { planSync, planSyncFromDisk } from './plan';
export { applySyncPlan, planIsClean } from './apply';
export { formatSyncReport, planWarnings } from './report';
export * from './plan-types';
