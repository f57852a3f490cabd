import type { ContentRoot } from '../../../src/lib/content/content-root';
import { stripArxivVersion } from '../../../src/lib/arxiv';
import { arxivIdsOf } from '../../../src/lib/data/same-paper';
import { titleKey } from '../../../src/lib/title-key';
import { paperSchema, type Paper } from '../../../src/schemas/paper';
import { acceptedId, formatPaperId, isRejected, readDecisions, type Decisions, type PaperId } from './decisions';
import type { ServiceName } from './http';
import { sortCandidates, titleAgrees } from './matching';
import { openreviewForumOf } from './openreview';
import { emptyOutcome, type RecordsOutcome } from './outcome';
import type { Answer, Found, Services } from './services';
import { decisionsFile, readRecord, removeOrphanRecords, writeRecord, type StoredRecord } from './store';

/**
 * `npm run records`: for every entry of every registry section, its record fetched and written
 * beside it (see README, "Records"). Entry files are only read. What each entry is looked up by:
 * 1. the id the maintainer accepted for it (`--accept`), its title then unchecked;
 * 2. the arXiv id of its `arxiv` field or a link, checked against its title;
 * 3. the OpenReview forum of a link, checked against its title;
 * 4. the id of the record it already has (a title match of an earlier run);
 * 5. its title, searched on arXiv: written only when exactly one paper has the same title.
 */

/** One entry to fetch. */
export interface Job {
  /** `<section>/<entry id>`. */
  key: string;
  title: string;
  recordFile: string;
  stored: StoredRecord | undefined;
  /** The id to fetch by, or undefined for a title search. */
  by: PaperId | undefined;
  /** The maintainer accepted this id: the title is not checked. */
  accepted: boolean;
}

export interface RunOptions {
  content: ContentRoot;
  services: Services;
  /** arXiv ids per request. */
  batchSize: number;
  /** Only these entries (`<section>/<entry id>`); default: all. */
  only?: readonly string[];
  /** Where progress goes (stderr for the command). */
  log?: (line: string) => void;
  /** The decisions to apply (default: records/decisions.yaml's). */
  decisions?: Decisions;
}

/** Plans every entry's lookup, fetches, writes what changed, removes orphaned records. */
export async function runRecords(options: RunOptions): Promise<RecordsOutcome> {
  const { content, services, log = () => {} } = options;
  const outcome = emptyOutcome();
  const decisions = options.decisions ?? readDecisions(decisionsFile(content));
  const sectionIds = content.sections().map((section) => section.id);
  const jobs: Job[] = [];
  for (const source of content.entrySources()) {
    const key = `${source.section}/${source.id}`;
    if (options.only && !options.only.includes(key)) continue;
    const paper = paperSchema.safeParse(source.data);
    if (!paper.success) {
      outcome.invalid.push({ key, reason: 'the entry is not valid: run `npm run validate`' });
      continue;
    }
    const recordFile = content.recordFile(source.section, source.id);
    const job = planJob(key, paper.data, recordFile, readRecord(recordFile), decisions);
    if (job.by && !job.accepted && isRejected(decisions, key, job.by)) outcome.skipped.push(key);
    else jobs.push(job);
  }
  if (!options.only) outcome.removed = removeOrphanRecords(content, sectionIds).map((file) => keyOfRecordFile(content, file));

  const apply = new Applier(outcome, decisions);
  const count = <T>(answer: Answer<T>) => (answer.ok ? outcome.requests.answered++ : outcome.requests.failed++);

  const byArxiv = groupBy(
    jobs.filter((job) => job.by?.service === 'arxiv'),
    (job) => job.by!.id,
  );
  const ids = [...byArxiv.keys()];
  for (let start = 0; start < ids.length; start += options.batchSize) {
    const batch = ids.slice(start, start + options.batchSize);
    log(`arXiv: ${start + 1}-${start + batch.length} of ${ids.length} ids`);
    const answer = await services.arxivByIds(batch);
    count(answer);
    const batchJobs = batch.flatMap((id) => byArxiv.get(id)!);
    if (!answer.ok) apply.failure('arXiv', answer.reason, batchJobs);
    else for (const job of batchJobs) apply.found(job, answer.value.get(job.by!.id), 'arXiv');
  }

  for (const [forum, forumJobs] of groupBy(
    jobs.filter((job) => job.by?.service === 'openreview'),
    (job) => job.by!.id,
  )) {
    log(`OpenReview: forum ${forum}`);
    const answer = await services.openreviewByForum(forum);
    count(answer);
    if (!answer.ok) apply.failure('OpenReview', answer.reason, forumJobs);
    else for (const job of forumJobs) apply.found(job, answer.value, 'OpenReview');
  }

  // One search per title: the same paper in two sections is asked for once.
  const searches = [
    ...groupBy(
      jobs.filter((job) => !job.by),
      (job) => titleKey(job.title),
    ).values(),
  ];
  for (const [index, group] of searches.entries()) {
    log(`arXiv: title ${index + 1} of ${searches.length} (${group[0]!.key})`);
    const answer = await services.arxivByTitle(group[0]!.title);
    count(answer);
    for (const job of group) {
      if (!answer.ok) apply.failure('arXiv', answer.reason, [job]);
      else apply.searched(job, answer.value);
    }
  }
  return outcome;
}

function planJob(key: string, paper: Paper, recordFile: string, stored: StoredRecord | undefined, decisions: Decisions): Job {
  const base = { key, title: paper.title, recordFile, stored };
  const accepted = acceptedId(decisions, key);
  if (accepted) return { ...base, by: accepted, accepted: true };
  const arxiv = arxivIdsOf(paper)[0];
  if (arxiv) return { ...base, by: { service: 'arxiv', id: arxiv }, accepted: false };
  const forum = paper.links.map((link) => openreviewForumOf(link.url)).find(Boolean);
  if (forum) return { ...base, by: { service: 'openreview', id: forum }, accepted: false };
  const record = stored && 'record' in stored ? stored.record : undefined;
  if (record?.arxiv) return { ...base, by: { service: 'arxiv', id: stripArxivVersion(record.arxiv) }, accepted: false };
  if (record?.openreview) return { ...base, by: { service: 'openreview', id: record.openreview }, accepted: false };
  return { ...base, by: undefined, accepted: false };
}

/** Turns answers into written records and report lines. */
class Applier {
  constructor(
    private readonly outcome: RecordsOutcome,
    private readonly decisions: Decisions,
  ) {}

  failure(service: ServiceName, reason: string, jobs: readonly Job[]): void {
    this.outcome.failures.push({ service, reason, keys: jobs.map((job) => job.key) });
  }

  /** The answer to a lookup by id: written, unless unknown, withdrawn or another paper's. */
  found(job: Job, found: Found | undefined, service: ServiceName): void {
    if (!found) return void this.outcome.unknown.push({ key: job.key, id: formatPaperId(job.by!), service });
    if (found.withdrawn) return void this.outcome.withdrawn.push({ key: job.key, candidate: found.candidate });
    if (!job.accepted && !titleAgrees(job.title, found.record.title))
      return void this.outcome.conflicts.push({ key: job.key, entryTitle: job.title, candidate: found.candidate });
    this.write(job, found);
  }

  /** The answer to a title search: one paper of the same title is written; the rest is for a person. */
  searched(job: Job, answers: readonly Found[]): void {
    const open = answers.filter((answer) => !isRejected(this.decisions, job.key, paperIdOf(answer)));
    const { exact, close } = sortCandidates(
      job.title,
      open.map((answer) => ({ ...answer, title: answer.record.title })),
    );
    if (exact.length === 1) return this.found(job, exact[0], 'arXiv');
    if (exact.length > 1 || close.length) {
      this.outcome.toConfirm.push({
        key: job.key,
        entryTitle: job.title,
        why: exact.length > 1 ? 'several' : 'close',
        candidates: (exact.length > 1 ? exact : close).map((candidate) => candidate.candidate),
      });
      return;
    }
    this.outcome.notFound.push(job.key);
  }

  write(job: Job, found: Found): void {
    try {
      const written = writeRecord(job.recordFile, found.record, job.stored);
      if (written === 'unchanged') this.outcome.unchanged++;
      else this.outcome.written.push({ key: job.key, outcome: written, source: found.record.source, candidate: found.candidate });
    } catch (error) {
      this.outcome.invalid.push({ key: job.key, reason: `${found.candidate.id}: ${(error as Error).message}` });
    }
  }
}

/** The id a found paper is named by in decisions. */
export function paperIdOf(found: Found): PaperId {
  return found.record.source === 'arxiv'
    ? { service: 'arxiv', id: stripArxivVersion(found.record.arxiv!) }
    : { service: 'openreview', id: found.record.openreview! };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

function keyOfRecordFile(content: ContentRoot, file: string): string {
  const parts = file.slice(content.recordsDir.length + 1).split(/[\\/]/);
  return `${parts[0]}/${parts
    .slice(1)
    .join('/')
    .replace(/\.yaml$/, '')}`;
}
