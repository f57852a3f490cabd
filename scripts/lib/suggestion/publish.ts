/**
 * What the suggestion workflow's two jobs hand each other, and what the second does with it.
 * The first job (no write token) parses the issue and writes a result folder: `result.json`
 * and, for a pull request, the entry file at its path in the repository (and the paper's record
 * beside it, `content/records/<section>/<id>.yaml`, when arXiv or OpenReview had it). The second job (write
 * token) reads that folder as untrusted input, checks its shape, and posts it through ./github.ts.
 * Like ./github.ts it imports nothing but Node's own modules: that job installs no package.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GitHub } from './github.ts';

export const RESULT_FILE = 'result.json';

/** Hidden at the top of the one comment the workflow keeps on an issue, to find it again. */
export const COMMENT_MARKER = '<!-- paper-suggestion -->';

/** Marks a pull request for a paper other sections already list: the maintainer decides. */
export const ALREADY_LISTED_LABEL = 'already listed';
/**
 * Every label a result may ask for, and the only labels the publisher ever adds or removes: the
 * result comes from a job that read a stranger's text.
 */
export const ALLOWED_LABELS: readonly string[] = [ALREADY_LISTED_LABEL];

/** The branch of an issue's pull request, reused on every edit of the issue. */
export const suggestionBranch = (issue: number) => `suggestion/issue-${issue}`;

export type SuggestionResult =
  /** Not made with the form: nothing is posted. */
  | { kind: 'none'; issue: number }
  /** Problems to fix, or the paper already listed: the issue's one comment says so. */
  | { kind: 'comment'; issue: number; body: string }
  /**
   * An entry: `file` (`content/<section>/<id>.<ext>`) holds `text`, proposed by a pull request
   * with `labels` (of ALLOWED_LABELS), with the paper's record beside it
   * (`content/records/<section>/<id>.yaml`) when one was found.
   */
  | {
      kind: 'pull-request';
      issue: number;
      file: string;
      text: string;
      record?: { file: string; text: string };
      title: string;
      body: string;
      labels: string[];
    };

/** Where an entry may be written: one file in one section folder, with an entry's extension. */
const ENTRY_PATH = /^content\/[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9][a-z0-9.-]*\.(?:yaml|md|mdx)$/;
/** GitHub refuses comments and descriptions over 65,536 characters. */
const MAX_BODY = 60_000;
const MAX_TITLE = 256;
const MAX_ENTRY_BYTES = 64 * 1024;

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

/** Where the record of the entry at `entryFile` goes: `content/records/<section>/<id>.yaml`. */
const recordPathOf = (entryFile: string) =>
  entryFile.replace(/^content\/([^/]+)\/(.+)\.(?:yaml|md|mdx)$/, 'content/records/$1/$2.yaml');
/** The first line `npm run records` writes in a record file. */
const RECORD_START = '# Written by `npm run records`';

/** Writes a result folder: `result.json`, and the entry file (and record) at its repository path for a pull request. */
export async function writeResult(dir: string, result: SuggestionResult): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (result.kind === 'pull-request')
    for (const { file: relative, text } of [
      { file: result.file, text: result.text },
      ...(result.record ? [result.record] : []),
    ]) {
      const file = path.join(dir, ...relative.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    }
  const { text: _text, record, ...stored } = result as SuggestionResult & { text?: string; record?: { file: string } };
  const json = record ? { ...stored, record: { file: record.file } } : stored;
  await writeFile(path.join(dir, RESULT_FILE), `${JSON.stringify(json, null, 2)}\n`);
}

/**
 * Reads and checks a result folder for `issue` (the number the publishing job got from the event,
 * not from the folder). Throws naming what is wrong: the folder may come from a job that ran on
 * hostile text, so anything unexpected stops the job instead of being posted.
 */
export async function readResult(dir: string, issue: number): Promise<SuggestionResult> {
  const raw = JSON.parse(await readFile(path.join(dir, RESULT_FILE), 'utf8')) as Record<string, unknown>;
  if (raw.issue !== issue) throw new Error(`${RESULT_FILE} is for issue ${String(raw.issue)}, not #${issue}`);
  if (raw.kind === 'none') return { kind: 'none', issue };
  if (!isText(raw.body, MAX_BODY)) throw new Error(`${RESULT_FILE}: body must be text of at most ${MAX_BODY} characters`);
  if (raw.kind === 'comment') return { kind: 'comment', issue, body: raw.body };
  if (raw.kind !== 'pull-request') throw new Error(`${RESULT_FILE}: unknown kind ${JSON.stringify(raw.kind)}`);
  if (typeof raw.file !== 'string' || !ENTRY_PATH.test(raw.file) || raw.file.includes('..'))
    throw new Error(`${RESULT_FILE}: ${JSON.stringify(raw.file)} is not content/<section>/<id>.(yaml|md|mdx)`);
  if (!isText(raw.title, MAX_TITLE)) throw new Error(`${RESULT_FILE}: title must be text of at most ${MAX_TITLE} characters`);
  const labels = raw.labels ?? [];
  if (!Array.isArray(labels) || !labels.every((label) => ALLOWED_LABELS.includes(label)))
    throw new Error(`${RESULT_FILE}: labels must be among ${JSON.stringify(ALLOWED_LABELS)}, not ${JSON.stringify(labels)}`);
  const bytes = await readFile(path.join(dir, ...raw.file.split('/')));
  if (bytes.length > MAX_ENTRY_BYTES) throw new Error(`${raw.file} is over ${MAX_ENTRY_BYTES} bytes`);
  const record = raw.record === undefined ? undefined : await readRecordFile(dir, raw.file, raw.record);
  return {
    kind: 'pull-request',
    issue,
    file: raw.file,
    text: bytes.toString('utf8'),
    ...(record ? { record } : {}),
    title: raw.title,
    body: raw.body,
    labels: [...new Set(labels as string[])],
  };
}

/** The record beside the entry `entryFile`: only at that entry's record path, only a file the records code writes. */
async function readRecordFile(dir: string, entryFile: string, raw: unknown): Promise<{ file: string; text: string }> {
  const file = (raw as { file?: unknown } | null)?.file;
  const expected = recordPathOf(entryFile);
  if (file !== expected) throw new Error(`${RESULT_FILE}: the record must be ${expected}, not ${JSON.stringify(file)}`);
  const bytes = await readFile(path.join(dir, ...expected.split('/')));
  if (bytes.length > MAX_ENTRY_BYTES) throw new Error(`${expected} is over ${MAX_ENTRY_BYTES} bytes`);
  const text = bytes.toString('utf8');
  if (!text.startsWith(RECORD_START)) throw new Error(`${expected} is not a record file (it must start with ${RECORD_START})`);
  return { file: expected, text };
}

/** The comment once a later edit has fixed the problems it listed. */
export const fixedComment = (pull: number) =>
  `${COMMENT_MARKER}\nThank you! The problems are fixed: pull request #${pull} adds the paper. Edit the issue again to change it; the pull request follows.`;

/**
 * Posts a result: a pull request from the issue's branch (the branch reset to the default branch
 * plus the entry file, the pull request updated in place, its labels of ALLOWED_LABELS set to the
 * result's), or the issue's one comment created or updated. After a fix, the comment that listed
 * the problems says so. Returns what it did.
 */
export async function publish(github: GitHub, result: SuggestionResult, base: string): Promise<string[]> {
  if (result.kind === 'none') return [`#${result.issue} was not made with the suggestion form: nothing to do`];
  const ours = (await github.listComments(result.issue)).find(
    (comment) => comment.byBot && comment.body.includes(COMMENT_MARKER),
  );
  const setComment = async (body: string) => {
    if (ours?.body === body) return 'comment unchanged';
    if (ours) await github.updateComment(ours.id, body);
    else await github.createComment(result.issue, body);
    return ours ? `comment ${ours.id} updated` : 'comment created';
  };
  if (result.kind === 'comment') return [await setComment(`${COMMENT_MARKER}\n${result.body}`)];

  const branch = suggestionBranch(result.issue);
  const commit = await github.commitFile({
    branch,
    base,
    path: result.file,
    text: result.text,
    ...(result.record ? { alongside: [{ path: result.record.file, text: result.record.text }] } : {}),
    message: `Add ${result.file}${result.record ? ' and its record' : ''}, suggested in #${result.issue}`,
  });
  const open = await github.findOpenPullRequest(branch);
  const pull = open ?? (await github.createPullRequest({ branch, base, title: result.title, body: result.body }));
  if (open) await github.updatePullRequest(open.number, { title: result.title, body: result.body });
  const done = [`branch ${branch} ${commit}`, `pull request #${pull.number} ${open ? 'updated' : 'opened'}`];
  // Only the labels this workflow owns: any other a maintainer put on stays.
  const added = result.labels.filter((label) => !pull.labels.includes(label));
  if (added.length) {
    await github.addLabels(pull.number, added);
    done.push(`labelled ${added.join(', ')}`);
  }
  for (const label of ALLOWED_LABELS.filter((label) => pull.labels.includes(label) && !result.labels.includes(label))) {
    await github.removeLabel(pull.number, label);
    done.push(`label ${label} removed`);
  }
  return ours ? [...done, await setComment(fixedComment(pull.number))] : done;
}
