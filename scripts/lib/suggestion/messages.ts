import { LINK_LABELS } from '../../../src/schemas/link';
import type { Paper } from '../../../src/schemas/paper';
import type { PaperRecord } from '../../../src/schemas/record';
import type { Section } from '../../../src/schemas/section';
import { codeBlock, codeSpan, escapeMarkdown } from '../github-markdown';
import { FORM_FIELDS, type FieldId } from './form';
import { alreadyListedSentence } from '../list/already-listed';

/**
 * The texts the workflow posts: the issue's comment (problems, or the paper already listed) and
 * the pull request's description. What the suggester wrote only ever appears in code spans and
 * blocks (../github-markdown.ts): it cannot mention anyone, close an issue or add markup.
 */

/** One thing to fix, worded for the issue's author; `text` is Markdown this module trusts. */
export interface Problem {
  field: FieldId | 'form';
  text: string;
}

const label = (field: Problem['field']) =>
  field === 'form' ? 'The form' : FORM_FIELDS.find((candidate) => candidate.id === field)!.label;

export function problemsComment(problems: readonly Problem[]): string {
  return [
    'Thank you for suggesting a paper! It cannot become a pull request yet:',
    '',
    ...problems.map((problem) => `- **${label(problem.field)}**: ${problem.text}`),
    '',
    'Edit this issue (**···** → **Edit**) to fix this: the check runs again on every edit and this comment is updated.',
    '',
  ].join('\n');
}

export interface ListedPaper {
  title: string;
  section: Section;
  /** `content/<section>/<id>.<ext>`. */
  file: string;
  pageUrl: string;
  why: string;
}

export function duplicateComment(listed: ListedPaper): string {
  return [
    `Thank you! The list already has this paper: [${escapeMarkdown(listed.title)}](${listed.pageUrl}) in ${escapeMarkdown(listed.section.title)} (\`${listed.file}\`; ${listed.why}), so there is nothing to add.`,
    '',
    'If it is another paper, edit this issue to say which; the check runs again on every edit.',
    '',
  ].join('\n');
}

export interface Proposal {
  issue?: number;
  /** Where the list has the paper already (other sections), linked to its pages: the description starts with it. */
  listedIn?: readonly ListedPaper[];
  paper: Paper;
  /** The long note, the body of an `.md` or `.mdx` entry. */
  body: string;
  section: Section;
  file: string;
  text: string;
  sectionUrl: string;
  pageUrl: string;
  /** The paper's record, written beside the entry (`file`: its repository path). */
  record?: { data: PaperRecord; file: string };
  /** A record found by the link whose title is another paper's: not proposed, named for the reviewer. */
  recordConflict?: PaperRecord;
}

/** `Add paper: <title>`, within GitHub's 256 characters. */
export function pullRequestTitle(paper: Paper): string {
  const title = `Add paper: ${paper.title}`;
  return [...title].length > 256 ? `${[...title].slice(0, 255).join('')}…` : title;
}

/** The entry as the site shows it, field by field: the paper's title and links, then what it adds. */
function entryLines(paper: Paper, body: string): string[] {
  const facts = [
    paper.published && `published ${paper.published}`,
    paper.arxiv && `arXiv ${paper.arxiv}`,
    `added ${paper.added}`,
  ].filter(Boolean);
  return [
    `- **Title**: ${codeSpan(paper.title, 500)}`,
    ...paper.links.map((link) => `- **${LINK_LABELS[link.kind]}**: ${codeSpan(link.url, 500)}`),
    ...(paper.venue ? [`- **Venue**: ${codeSpan(paper.venue)}`] : []),
    ...(paper.org ? [`- **Organisation**: ${codeSpan(paper.org)}`] : []),
    ...(paper.tags?.length ? [`- **Tags**: ${paper.tags.map((tag) => codeSpan(tag)).join(', ')}`] : []),
    `- ${facts.join(' · ')}`,
    ...(paper.note ? [`- **Note**: ${codeSpan(paper.note, 5000)}`] : []),
    ...(body.trim() ? ['- **Note** (Markdown):', '', codeBlock(body.trim(), 'md')] : []),
  ];
}

/** `2409.12191v2` or `openreview:<forum>`: a record's id, for the reviewer. */
const recordId = (record: PaperRecord) => record.arxiv ?? `openreview:${record.openreview}`;
const SOURCE_NAMES = { arxiv: 'arXiv', openreview: 'OpenReview' } as const;

/** Wraps text at `width` columns, so an abstract reads in a code block without scrolling sideways. */
function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) (lines.push(line), (line = ''));
    line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/**
 * The paper's record as the service gave it: authors, date, venue, abstract. A service's text is
 * a stranger's: it only ever appears in code spans and blocks.
 */
function recordLines({ record, recordConflict }: Proposal): string[] {
  if (recordConflict)
    return [
      "### The paper's record",
      '',
      `${SOURCE_NAMES[recordConflict.source]} ${codeSpan(recordId(recordConflict))} is titled ${codeSpan(recordConflict.title, 500)}, not the suggested title, so no record is proposed: check the link.`,
      '',
    ];
  if (!record) return [];
  const { data } = record;
  const facts = [
    data.published && `published ${codeSpan(data.published)}`,
    data.venue && `venue ${codeSpan(data.venue)}`,
    data.category && `category ${codeSpan(data.category)}`,
  ].filter(Boolean);
  return [
    "### The paper's record",
    '',
    `From ${SOURCE_NAMES[data.source]} (${codeSpan(recordId(data))}), written beside the entry to \`${record.file}\` as \`npm run records\` writes it:`,
    '',
    `- **Title**: ${codeSpan(data.title, 500)}`,
    `- **Authors** (${data.authors.length}): ${data.authors.length ? codeSpan(data.authors.join(', '), 2000) : 'none given'}`,
    ...(facts.length ? [`- ${facts.join(' · ')}`] : []),
    ...(data.code ? [`- **Code**: ${codeSpan(data.code, 500)}`] : []),
    ...(data.abstract ? ['- **Abstract**:', '', codeBlock(wrap(data.abstract), 'text')] : []),
    '',
  ];
}

/** `Already listed in <section> as [<title>](<page>); this adds it to <section> too.`, every title escaped. */
export function alreadyListedMarkdown(listedIn: readonly ListedPaper[], section: Section): string {
  return alreadyListedSentence(
    listedIn.map((listed) => ({
      sectionTitle: escapeMarkdown(listed.section.title),
      linkedTitle: `[${escapeMarkdown(listed.title)}](${listed.pageUrl})`,
    })),
    escapeMarkdown(section.title),
  );
}

export function pullRequestBody(proposal: Proposal): string {
  const { issue, paper, section, listedIn = [] } = proposal;
  return [
    ...(listedIn.length
      ? [
          alreadyListedMarkdown(listedIn, section),
          `The same paper (${listedIn.map((listed) => `\`${listed.file}\`: ${listed.why}`).join('; ')}). The list may hold a paper in several sections; merge this if it belongs here too, or close it.`,
          '',
        ]
      : []),
    `Adds a paper suggested${issue ? ` in #${issue}` : ''} with the "Suggest a paper" form.`,
    ...(issue ? ['', `Closes #${issue}`] : []),
    '',
    '### The entry',
    '',
    ...entryLines(paper, proposal.body),
    '',
    ...recordLines(proposal),
    '### Where it will appear',
    '',
    `In [${escapeMarkdown(section.title)}](${proposal.sectionUrl}), among the newest papers, and on its own page, ${proposal.pageUrl}, once this is merged and the site deployed.`,
    '',
    '### The file',
    '',
    `\`${proposal.file}\`, written by \`npm run suggestion\` (the code of \`npm run new\`) and checked with the entry checks of \`npm run validate\`:`,
    '',
    codeBlock(proposal.text, proposal.file.endsWith('.yaml') ? 'yaml' : 'md'),
    '',
    'To change the suggestion, edit the issue: this pull request follows.',
    '',
  ].join('\n');
}
