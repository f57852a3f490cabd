import { FORM_FIELDS, type FieldId } from './form';

/** What GitHub writes for a field left empty. */
const NO_RESPONSE = '_No response_';

export type FormAnswers = Partial<Record<FieldId, string>>;

export type ParsedIssue =
  /** The form's answers; a field left empty is absent. */
  | { kind: 'form'; answers: FormAnswers }
  /** Not made with the form (its first heading is not the form's): the workflow leaves it alone. */
  | { kind: 'not-form' }
  /** Made with the form, then edited so that a field's heading is gone or moved. */
  | { kind: 'broken'; missingLabel: string };

const heading = (label: string) => `### ${label}`;

/**
 * Reads an issue body as GitHub renders the "Suggest a paper" form: for each field in order,
 * `### <label>`, a blank line, the answer (`_No response_` when empty). An input's answer is
 * the first non-blank line after its heading, whatever it says, so an answer that itself reads
 * like the next heading cannot shift the fields; the note, last, is everything after its heading.
 */
export function parseIssueBody(body: string): ParsedIssue {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let at = nextNonBlank(lines, 0);
  if (lines[at]?.trim() !== heading(FORM_FIELDS[0]!.label)) return { kind: 'not-form' };

  const answers: FormAnswers = {};
  for (const [index, field] of FORM_FIELDS.entries()) {
    if (lines[at]?.trim() !== heading(field.label)) return { kind: 'broken', missingLabel: field.label };
    const next = FORM_FIELDS[index + 1];
    const valueStart = field.type === 'textarea' ? at + 1 : nextNonBlank(lines, at + 1);
    let end = field.type === 'textarea' ? valueStart : valueStart + 1;
    while (end < lines.length && (!next || lines[end]!.trim() !== heading(next.label))) end++;
    const value = lines.slice(valueStart, end).join('\n').trim();
    if (value && value !== NO_RESPONSE) answers[field.id] = value;
    at = end;
  }
  return { kind: 'form', answers };
}

function nextNonBlank(lines: readonly string[], from: number): number {
  let at = from;
  while (at < lines.length && !lines[at]!.trim()) at++;
  return at;
}
