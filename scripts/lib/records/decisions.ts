import { existsSync } from 'node:fs';
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { arxivIdFromUrl, stripArxivVersion } from '../../../src/lib/arxiv';
import { writeFileAtomic } from '../../../src/lib/content/entry-files';
import { formatProblem } from '../../../src/lib/content/problems';
import { readYamlFile } from '../../../src/lib/content/yaml-file';
import { ARXIV_ID_PATTERN } from '../../../src/schemas/arxiv';
import { openreviewForumOf } from './openreview';

/**
 * The maintainer's answers the records command remembers, in `records/decisions.yaml`: a match
 * accepted (`--accept`: the entry is fetched by that id from then on, its title unchecked) and
 * candidates rejected for good (`--reject`: never proposed again, never written).
 */
export const DECISIONS_FILE_NAME = 'decisions.yaml';

/** A mistake in `--accept`/`--reject` or in decisions.yaml: the command prints it and exits 2. */
export class DecisionError extends Error {}

/** A paper at a service: `2409.12191` (arXiv, no version) or `openreview:<forum id>`. */
export type PaperId = { service: 'arxiv'; id: string } | { service: 'openreview'; id: string };

export const formatPaperId = (paper: PaperId) => (paper.service === 'arxiv' ? paper.id : `openreview:${paper.id}`);

/** An id as a maintainer types it: an arXiv id (any version), `openreview:<id>`, or either's link. */
export function parsePaperId(text: string): PaperId | undefined {
  const value = text.trim();
  const arxiv = ARXIV_ID_PATTERN.test(value) ? stripArxivVersion(value) : arxivIdFromUrl(value);
  if (arxiv) return { service: 'arxiv', id: arxiv };
  const forum = /^openreview:([A-Za-z0-9_-]+)$/.exec(value)?.[1] ?? openreviewForumOf(value);
  return forum ? { service: 'openreview', id: forum } : undefined;
}

const paperIdText = z
  .string()
  .refine((value) => parsePaperId(value) !== undefined, 'must be an arXiv id or openreview:<forum id>');
const entryKey = z.string().regex(/^[a-z0-9-]+\/[^/\s]+$/, 'must be <section>/<entry id>');

export const decisionsSchema = z
  .object({
    accepted: z.record(entryKey, paperIdText).default({}),
    rejected: z.record(entryKey, z.array(paperIdText)).default({}),
  })
  .strict();

export interface Decisions {
  /** `<section>/<entry id>` → the id accepted for it. */
  accepted: Record<string, string>;
  /** `<section>/<entry id>` → ids never to propose again. */
  rejected: Record<string, string[]>;
}

/** The decisions of `file` (none when it does not exist); throws naming file, line and field when it is invalid. */
export function readDecisions(file: string): Decisions {
  if (!existsSync(file)) return { accepted: {}, rejected: {} };
  const { data, problems } = readYamlFile(file, decisionsSchema, '(decisions)', { accepted: {}, rejected: {} });
  if (!data) throw new DecisionError(problems.map((problem) => formatProblem(problem)).join('\n'));
  return data;
}

export function isRejected(decisions: Decisions, key: string, paper: PaperId): boolean {
  return (decisions.rejected[key] ?? []).some((id) => samePaperId(parsePaperId(id), paper));
}

export function acceptedId(decisions: Decisions, key: string): PaperId | undefined {
  const id = decisions.accepted[key];
  return id === undefined ? undefined : parsePaperId(id);
}

export const samePaperId = (a: PaperId | undefined, b: PaperId | undefined) =>
  a !== undefined && b !== undefined && a.service === b.service && a.id === b.id;

const HEADER = `# Written by \`npm run records -- --accept/--reject\`: the maintainer's answers to the records
# report. accepted: the id an entry's record is fetched by (its title is not checked against the
# entry's). rejected: ids never proposed for that entry again.
`;

/** Writes the decisions whole, keys sorted so the file changes only where a decision does. */
export function writeDecisions(file: string, decisions: Decisions): void {
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  const text = stringify(
    { accepted: sorted(decisions.accepted), rejected: sorted(decisions.rejected) },
    { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' },
  );
  writeFileAtomic(file, `${HEADER}${text}`);
}
