import { rmSync } from 'node:fs';
import type { ContentRoot } from '../../../src/lib/content/content-root';
import {
  DecisionError,
  formatPaperId,
  parsePaperId,
  readDecisions,
  samePaperId,
  writeDecisions,
  type PaperId,
} from './decisions';

import type { RecordsOutcome } from './outcome';
import { runRecords, type RunOptions } from './run';
import { decisionsFile, readRecord } from './store';

/**
 * The maintainer's two answers to the report: `--accept <section>/<entry> <id>` fetches that
 * paper for the entry and remembers the match (only once the record is written), `--reject`
 * remembers that the paper is not the entry's, for good, and removes a record made from it.
 */

function entryOf(content: ContentRoot, key: string): void {
  const [section, id, ...rest] = key.split('/');
  if (!section || !id || rest.length)
    throw new DecisionError(`${key}: name the entry as <section>/<entry id>, e.g. mllm/2409.12191`);
  if (!content.sections().some((candidate) => candidate.id === section))
    throw new DecisionError(`${key}: ${section} is not a section of ${content.registryFile}`);
  if (!content.entrySources([section]).some((source) => source.id === id))
    throw new DecisionError(`${key}: there is no entry file ${id}.yaml, .md or .mdx in ${section}/`);
}

function paperIdOf(text: string): PaperId {
  const paper = parsePaperId(text);
  if (!paper) throw new DecisionError(`${text}: give an arXiv id (2409.12191), openreview:<forum id>, or either's link`);
  return paper;
}

/** Fetches `idText` for entry `key` and writes its record; remembers the match when the record is written. */
export async function acceptMatch(
  options: Omit<RunOptions, 'only' | 'decisions'>,
  key: string,
  idText: string,
): Promise<RecordsOutcome> {
  entryOf(options.content, key);
  const paper = paperIdOf(idText);
  const file = decisionsFile(options.content);
  const decisions = readDecisions(file);
  const id = formatPaperId(paper);
  const next = {
    accepted: { ...decisions.accepted, [key]: id },
    rejected: {
      ...decisions.rejected,
      [key]: (decisions.rejected[key] ?? []).filter((other) => !samePaperId(parsePaperId(other), paper)),
    },
  };
  if (!next.rejected[key]!.length) delete next.rejected[key];
  const outcome = await runRecords({ ...options, only: [key], decisions: next });
  if (outcome.written.length || outcome.unchanged) writeDecisions(file, next);
  return outcome;
}

/** Remembers that `idText` is not entry `key`'s paper; removes its record when it came from that paper. Returns what it did. */
export function rejectMatch(content: ContentRoot, key: string, idText: string): string[] {
  entryOf(content, key);
  const paper = paperIdOf(idText);
  const file = decisionsFile(content);
  const decisions = readDecisions(file);
  const id = formatPaperId(paper);
  const done = [`${key}: ${id} rejected; it will not be proposed again`];
  const rejected = decisions.rejected[key] ?? [];
  if (!rejected.some((other) => samePaperId(parsePaperId(other), paper))) decisions.rejected[key] = [...rejected, id].sort();
  if (samePaperId(parsePaperId(decisions.accepted[key] ?? ''), paper)) {
    delete decisions.accepted[key];
    done.push(`${key}: the accepted match with ${id} is withdrawn`);
  }
  writeDecisions(file, decisions);
  const [section, entry] = key.split('/') as [string, string];
  const recordFile = content.recordFile(section, entry);
  const stored = readRecord(recordFile);
  const record = stored && 'record' in stored ? stored.record : undefined;
  const from = record && parsePaperId(record.source === 'arxiv' ? record.arxiv! : `openreview:${record.openreview}`);
  if (samePaperId(from, paper)) {
    rmSync(recordFile);
    done.push(`${key}: its record, made from ${id}, is removed`);
  }
  return done;
}
