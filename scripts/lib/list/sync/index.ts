/**
 * The list sync, in stages, each a module: read the list (../parse, list-items; dates for first
 * appearances), resolve its sections and renamed headings (sections), merge membership
 * (membership: matches, moves, removals) and fields (fields; header for about.md), plan refusals
 * (refusals), apply (apply), report (report; pr-body for the scheduled workflow). plan runs the
 * stages; state is what the sync remembers between runs in content/.list-sync/.
 */
export { parseAddedDates, type AddedDates } from './dates';
export { planSync, planSyncFromDisk } from './plan';
export { applySyncPlan, planIsClean } from './apply';
export { formatSyncReport, planWarnings } from './report';
export * from './plan-types';
