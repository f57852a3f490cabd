import type { RecordSource } from '../../../src/schemas/record';
import type { ServiceName } from './http';

/** What a run of the records command did and found: the report's content and the exit code's ground. */

/** A paper a service proposes or gave: its id, its title as the service spells it, its page. */
export interface Candidate {
  /** `2409.12191v2`, or `openreview:<forum>`. */
  id: string;
  title: string;
  url: string;
}

export interface RecordsOutcome {
  /** Records written, new or changed. */
  written: { key: string; outcome: 'new' | 'changed'; source: RecordSource; candidate: Candidate }[];
  /** Records fetched again that changed nothing (their files untouched). */
  unchanged: number;
  /** Record files removed because their entry is gone: `<section>/<entry id>`. */
  removed: string[];
  /** Title searches for a person to decide: several equal titles, or close ones. */
  toConfirm: { key: string; entryTitle: string; why: 'several' | 'close'; candidates: Candidate[] }[];
  /** Records fetched by the list's id whose title is another paper's: not written. */
  conflicts: { key: string; entryTitle: string; candidate: Candidate }[];
  /** Requests that failed: the service, what went wrong, the entries left as they were. */
  failures: { service: ServiceName; reason: string; keys: string[] }[];
  /** Ids the service does not know. */
  unknown: { key: string; id: string; service: ServiceName }[];
  /** Papers the service says were withdrawn: not written. */
  withdrawn: { key: string; candidate: Candidate }[];
  /** Entries or answers that cannot be used (an invalid entry, a record that does not fit the schema). */
  invalid: { key: string; reason: string }[];
  /** Entries without an id whose title search found nothing close. */
  notFound: string[];
  /** Entries whose only id the maintainer rejected: not asked. */
  skipped: string[];
  /** Answers read, and requests that got none. */
  requests: { answered: number; failed: number };
}

export function emptyOutcome(): RecordsOutcome {
  return {
    written: [],
    unchanged: 0,
    removed: [],
    toConfirm: [],
    conflicts: [],
    failures: [],
    unknown: [],
    withdrawn: [],
    invalid: [],
    notFound: [],
    skipped: [],
    requests: { answered: 0, failed: 0 },
  };
}

/**
 * 0: everything done; 1: done, with papers reported (to confirm, conflicts, failures, unknown or
 * withdrawn ids, unusable entries); 2: nothing could be done (every request failed).
 */
export function exitCodeOf(outcome: RecordsOutcome): 0 | 1 | 2 {
  if (outcome.requests.failed > 0 && outcome.requests.answered === 0) return 2;
  const reported =
    outcome.toConfirm.length +
    outcome.conflicts.length +
    outcome.failures.length +
    outcome.unknown.length +
    outcome.withdrawn.length +
    outcome.invalid.length;
  return reported ? 1 : 0;
}
