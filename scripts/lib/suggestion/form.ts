import path from 'node:path';
import { stringify } from 'yaml';
import { REPO_ROOT } from '../../../src/lib/paths';
import type { Section } from '../../../src/schemas/section';

/**
 * The "Suggest a paper" issue form: its fields, written once here. `npm run suggestion:form`
 * writes the form from them and the section registry; the issue-body parser reads GitHub's
 * rendering of the same fields (`### <label>` blocks in this order).
 */

/** The label the form puts on its issues; the workflow runs only on issues that carry it. */
export const SUGGESTION_LABEL = 'paper suggestion';

export const FORM_FILE = path.join(REPO_ROOT, '.github', 'ISSUE_TEMPLATE', 'suggest-paper.yml');

/** The longest note the form takes: "one or two sentences", with room to spare. */
export const NOTE_LIMIT = 4000;

export type FieldId = 'section' | 'url' | 'title' | 'tags' | 'venue' | 'org' | 'note';

export interface FormField {
  id: FieldId;
  type: 'dropdown' | 'input' | 'textarea';
  label: string;
  description: string;
  placeholder?: string;
  required: boolean;
}

/**
 * In the order GitHub renders them. The note, the one field that can hold several lines (and so
 * a line that looks like a `### heading`), comes last: everything after its heading is the note.
 */
export const FORM_FIELDS: readonly FormField[] = [
  {
    id: 'section',
    type: 'dropdown',
    label: 'Section',
    description: 'Where the paper belongs: the heading it goes under in the list.',
    required: true,
  },
  {
    id: 'url',
    type: 'input',
    label: 'Link or arXiv id',
    description:
      'An arXiv id such as 2409.12191, or a link to the paper (arXiv, OpenReview, proceedings…) starting with https:// or http://.',
    placeholder: 'https://arxiv.org/abs/2409.12191',
    required: true,
  },
  {
    id: 'title',
    type: 'input',
    label: 'Title',
    description: "The paper's title as published. Leave it empty for an arXiv paper: it is looked up on arXiv.",
    placeholder: "Qwen2-VL: Enhancing Vision-Language Model's Perception of the World at Any Resolution",
    required: false,
  },
  {
    id: 'tags',
    type: 'input',
    label: 'Tags',
    description: 'Short topics, comma-separated.',
    placeholder: 'video, high resolution',
    required: false,
  },
  {
    id: 'venue',
    type: 'input',
    label: 'Venue',
    description: 'Where it was published.',
    placeholder: 'CVPR 2024',
    required: false,
  },
  {
    id: 'org',
    type: 'input',
    label: 'Organisation',
    description: 'The main organisation behind it.',
    placeholder: 'Alibaba',
    required: false,
  },
  {
    id: 'note',
    type: 'textarea',
    label: 'Note',
    description: `One or two sentences on what the paper contributes, in Chinese or English (at most ${NOTE_LIMIT.toLocaleString('en')} characters; several lines make a Markdown note).`,
    required: false,
  },
];

const INTRO = `Fill in the form: a pull request that adds the paper appears by itself, checked like any other. If something needs fixing, a comment says what; edit the issue to fix it and the check runs again.

Would rather add it yourself? \`npm run new\` writes the entry file; see CONTRIBUTING.md.`;

/** The option a section has in the dropdown: its heading as the list writes it. */
export const sectionOption = (section: Section) => section.title;

/** The issue form's YAML, from the fields above and the registry's sections (in registry order). */
export function renderForm(sections: readonly Section[]): string {
  const form = {
    name: 'Suggest a paper',
    description: 'Propose a paper for the list: a pull request that adds it appears by itself.',
    title: '[Paper] ',
    labels: [SUGGESTION_LABEL],
    body: [
      { type: 'markdown', attributes: { value: `${INTRO}\n` } },
      ...FORM_FIELDS.map((field) => ({
        type: field.type,
        id: field.id,
        attributes: {
          label: field.label,
          description: field.description,
          ...(field.type === 'dropdown' ? { options: sections.map(sectionOption) } : {}),
          ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        },
        validations: { required: field.required },
      })),
    ],
  };
  return `# Written by \`npm run suggestion:form\` from content/sections.yaml and scripts/lib/suggestion/form.ts:
# edit those, not this file. The suggestion workflow reads issues made with this form.
${stringify(form, { lineWidth: 0 })}`;
}
