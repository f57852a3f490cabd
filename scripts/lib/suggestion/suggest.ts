import { readFileSync } from 'node:fs';
import path from 'node:path';
import { arxivIdFromUrl } from '../../../src/lib/arxiv';
import { openContentRoot } from '../../../src/lib/content/content-root';
import { parseEntrySource } from '../../../src/lib/content/entry-files';
import { routes } from '../../../src/lib/routes';
import { entryFileProblems } from '../../../src/lib/validate/validate';
import { ARXIV_ID_PATTERN } from '../../../src/schemas/arxiv';
import { paperSchema } from '../../../src/schemas/paper';
import type { PaperRecord } from '../../../src/schemas/record';
import type { Section } from '../../../src/schemas/section';
import { siteLocation } from '../../../src/site.config';
import { answerChecks, createEntry, NewEntryError, splitTags, type NewEntry, type NewEntryInput } from '../list/new-entry';
import type { RecordLookup, RecordQuery } from '../records/lookup';
import { titleAgrees } from '../records/matching';
import { openreviewForumOf } from '../records/openreview';
import { serializeRecord } from '../records/store';
import { NOTE_LIMIT, sectionOption, type FieldId } from './form';
import { parseIssueBody, type FormAnswers } from './issue-body';
import { codeSpan, escapeMarkdown } from '../github-markdown';
import { duplicateComment, problemsComment, pullRequestBody, pullRequestTitle, type Problem } from './messages';
import { ALREADY_LISTED_LABEL } from './publish';

export interface SuggestOptions {
  /** The content folder the entry is checked against (and later written to). */
  root: string;
  /** The entry's `added` day, YYYY-MM-DD. */
  today: string;
  /** The issue, for "Closes #N" and the pull request's wording. */
  issue?: number;
  /** Asks arXiv or OpenReview for the paper's record (npm run records' client; a recorded answer in tests). */
  lookup: (query: RecordQuery) => Promise<RecordLookup>;
  /** Where the site is served, for links to its pages. */
  site: SiteAddress;
}

export type Outcome =
  | { kind: 'none' }
  | { kind: 'comment'; body: string }
  | {
      kind: 'pull-request';
      entry: NewEntry;
      /** The paper's record, written beside the entry (records/<section>/<id>.yaml), when a service has it. */
      record?: { file: string; text: string };
      title: string;
      body: string;
      /** ALREADY_LISTED_LABEL when other sections list the paper, so the maintainer decides. */
      labels: string[];
    };

/** The site's origin and base path, e.g. `https://owner.github.io` and `/name/`. */
export interface SiteAddress {
  origin: string;
  base: string;
}

/**
 * Where the deployed site lives, as the deploy workflow sets it up: BASE_PATH when given, else `/`
 * under a custom domain (SITE_URL) or a `<owner>.github.io` repository, else `/<repository name>/`.
 */
export function siteAddress(env: NodeJS.ProcessEnv = process.env): SiteAddress {
  const location = siteLocation(env);
  const name = location.repository.split('/')[1] ?? '';
  const base = env.BASE_PATH ?? (env.SITE_URL || name.toLowerCase().endsWith('.github.io') ? '/' : `/${name}/`);
  return { origin: location.siteUrl, base: `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/') };
}

const pageUrl = (site: SiteAddress, sitePath: string) => `${site.origin}${site.base}${sitePath}`;

/** The record a service has for the suggested paper, or one whose title is another paper's (not proposed). */
type FoundRecord = { record: PaperRecord; conflict?: undefined } | { record?: undefined; conflict: PaperRecord };

/** C0 and C1 control characters other than tab and line breaks, and the bidirectional overrides that reorder text unseen. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The registry section an answer names: its dropdown option (heading) or its id, in any case. */
function findSection(answer: string, sections: readonly Section[]): Section | undefined {
  const wanted = answer.trim().toLowerCase();
  return sections.find((section) => sectionOption(section).toLowerCase() === wanted || section.id === wanted);
}

/** `2409.12191`, `arXiv:2409.12191v2` → the id; anything else → undefined. */
function bareArxivId(answer: string): string | undefined {
  const id = answer.trim().replace(/^arxiv:\s*/i, '');
  return ARXIV_ID_PATTERN.test(id) ? id : undefined;
}

/**
 * Turns an issue body into what the workflow posts: nothing (not the form), a comment (each
 * problem, or the paper already listed in the section asked for) or a pull request with the entry
 * `npm run new` would write for the same answers, which starts by saying where else the list has
 * the paper, if anywhere (and is labelled so). Writes nothing; the entry has passed `npm run
 * validate`'s checks.
 */
export async function suggest(body: string, options: SuggestOptions): Promise<Outcome> {
  const parsed = parseIssueBody(body);
  if (parsed.kind === 'not-form') return { kind: 'none' };
  if (parsed.kind === 'broken') {
    const text = `the answers cannot be read: the heading \`### ${parsed.missingLabel}\` is missing or out of place. Edit the issue back to the form's headings, in the form's order, each followed by its answer.`;
    return { kind: 'comment', body: problemsComment([{ field: 'form', text }]) };
  }
  const content = openContentRoot(options.root);
  const sections = content.sections();
  const { problems, input, found } = await readAnswers(parsed.answers, sections, options);
  if (problems.length) return { kind: 'comment', body: problemsComment(problems) };

  let entry: NewEntry;
  try {
    entry = createEntry(input, { root: options.root, today: options.today });
  } catch (error) {
    if (!(error instanceof NewEntryError)) throw error;
    if (error.code === 'duplicate' && error.existingFile)
      return duplicateOutcome(error as NewEntryError & { existingFile: string }, sections, options.site);
    const field = error.message.startsWith('the note') ? 'note' : 'form';
    return {
      kind: 'comment',
      body: problemsComment([{ field, text: `cannot be used as it is: ${codeSpan(error.message, 1000)}` }]),
    };
  }

  const source = parseEntrySource(entry.file, entry.text);
  const errors = entryFileProblems(source, { root: options.root }).filter((problem) => problem.severity === 'error');
  if (errors.length)
    return {
      kind: 'comment',
      body: problemsComment(
        errors.map((problem) => ({
          field: problem.field.startsWith('note') || problem.field === '(body)' ? 'note' : 'form',
          text: codeSpan(`${problem.field}: ${problem.message}`, 1000),
        })),
      ),
    };

  const paper = paperSchema.parse(source.data);
  const section = sections.find((candidate) => candidate.id === source.section)!;
  const record = found?.record && {
    file: content.recordFile(section.id, source.id),
    data: found.record,
    text: serializeRecord(found.record),
  };
  const listedIn = entry.listedIn.map((listed) => {
    const where = sections.find((candidate) => candidate.id === listed.section)!;
    return {
      title: listed.title,
      section: where,
      file: repositoryPath(listed.file),
      pageUrl: pageUrl(options.site, routes.paper(where.id, listed.id)),
      why: listed.why,
    };
  });
  return {
    kind: 'pull-request',
    entry,
    ...(record ? { record: { file: record.file, text: record.text } } : {}),
    title: pullRequestTitle(paper),
    labels: listedIn.length ? [ALREADY_LISTED_LABEL] : [],
    body: pullRequestBody({
      record: record && { data: record.data, file: repositoryPath(record.file) },
      recordConflict: found?.conflict,
      issue: options.issue,
      listedIn,
      paper,
      body: source.body,
      section,
      file: repositoryPath(entry.file),
      text: entry.text,
      sectionUrl: pageUrl(options.site, routes.section(section.id)),
      pageUrl: pageUrl(options.site, routes.paper(section.id, source.id)),
    }),
  };
}

/**
 * `content/<section>/<file>` (or `content/records/<section>/<file>` for a record): where a file of
 * the content folder sits in the repository, wherever the content folder is here.
 */
export function repositoryPath(file: string): string {
  const parts = file.split(path.sep);
  return ['content', ...parts.slice(parts.at(-3) === 'records' ? -3 : -2)].join('/');
}

function duplicateOutcome(
  error: NewEntryError & { existingFile: string },
  sections: readonly Section[],
  site: SiteAddress,
): Outcome {
  const source = parseEntrySource(error.existingFile, readFileSync(error.existingFile, 'utf8'));
  const section = sections.find((candidate) => candidate.id === source.section)!;
  return {
    kind: 'comment',
    body: duplicateComment({
      title: paperSchema.safeParse(source.data).data?.title ?? source.id,
      section,
      file: repositoryPath(error.existingFile),
      pageUrl: pageUrl(site, routes.paper(section.id, source.id)),
      why: error.samePaper ?? 'the same paper',
    }),
  };
}

/**
 * Checks each answer with the checks `npm run new` asks its questions with (the entry schema),
 * looks the title up on arXiv when only an arXiv id or link is given, and returns every problem
 * at once (so one edit can fix them all) with the input for createEntry.
 */
async function readAnswers(
  answers: FormAnswers,
  sections: readonly Section[],
  options: SuggestOptions,
): Promise<{ problems: Problem[]; input: NewEntryInput; found?: FoundRecord }> {
  const problems: Problem[] = [];
  const add = (field: FieldId, text: string) => problems.push({ field, text });
  const checks = answerChecks(options.root);
  const usable: FormAnswers = {};
  for (const [field, value] of Object.entries(answers) as [FieldId, string][]) {
    const invisible = INVISIBLE.exec(value)?.[0];
    if (invisible === undefined) usable[field] = value;
    else {
      const code = invisible.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      add(field, `contains an invisible control character (U+${code}); type the answer again without it.`);
    }
  }
  const check = (field: FieldId, problem: string | undefined) => problem && add(field, `${problem}.`);

  const section = usable.section === undefined ? undefined : findSection(usable.section, sections);
  if (!answers.section) add('section', 'choose the section the paper belongs in.');
  else if (usable.section !== undefined && !section)
    add(
      'section',
      `${codeSpan(usable.section)} is not a section of the list; choose one of: ${sections.map((candidate) => escapeMarkdown(sectionOption(candidate))).join('; ')}.`,
    );

  let url: string | undefined;
  if (!answers.url) add('url', 'give the arXiv id (such as `2409.12191`) or a link to the paper.');
  else if (usable.url !== undefined) {
    const id = bareArxivId(usable.url);
    url = id ? `https://arxiv.org/abs/${id}` : usable.url.trim();
    if (!id && !/^https?:\/\//i.test(url))
      add(
        'url',
        `${codeSpan(usable.url)} is neither an arXiv id such as \`2409.12191\` nor a link starting with \`https://\` or \`http://\`.`,
      );
    else check('url', checks.url(url));
  }

  const note = usable.note;
  if (note !== undefined && [...note].length > NOTE_LIMIT)
    add(
      'note',
      `is ${[...note].length.toLocaleString('en')} characters long; the form takes at most ${NOTE_LIMIT.toLocaleString('en')} (one or two sentences).`,
    );
  else if (note !== undefined && !note.includes('\n')) check('note', checks.note(note));
  if (usable.tags !== undefined) check('tags', checks.tags(usable.tags));
  if (usable.venue !== undefined) check('venue', checks.venue(usable.venue));
  if (usable.org !== undefined) check('org', checks.org(usable.org));

  let title = usable.title;
  let published: string | undefined;
  let lookup: RecordLookup | undefined;
  const arxiv = url === undefined ? undefined : arxivIdFromUrl(url);
  if (title !== undefined) check('title', checks.title(title));
  else if (!answers.title && url !== undefined && !arxiv)
    add('title', "give the paper's title: it is looked up only for arXiv papers.");
  else if (!answers.title && arxiv) {
    lookup = await options.lookup({ arxiv });
    if (lookup.ok) ({ title, published } = { title: lookup.record.title, published: lookup.record.published?.slice(0, 7) });
    else
      add(
        'title',
        `the title of arXiv ${arxiv} could not be looked up (${escapeMarkdown(lookup.reason)}); write it in the Title field.`,
      );
  }
  // The paper's record, shown in the pull request and written beside the entry, asked as
  // `npm run records` asks: by arXiv id, OpenReview forum, else a title only one paper has.
  if (!problems.length && !lookup && title !== undefined)
    lookup = await options.lookup({ arxiv, openreview: url === undefined ? undefined : openreviewForumOf(url), title });
  let found: FoundRecord | undefined;
  if (lookup?.ok && title !== undefined)
    found = titleAgrees(title, lookup.record.title) ? { record: lookup.record } : { conflict: lookup.record };

  return {
    problems,
    found,
    input: {
      section: section?.id,
      url,
      title,
      published,
      note,
      long: note?.includes('\n') ?? false,
      tags: splitTags(usable.tags),
      venue: usable.venue,
      org: usable.org,
    },
  };
}
