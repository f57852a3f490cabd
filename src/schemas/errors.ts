/**
 * A field's type error in the words `npm run validate` prints: `is required` when the field is
 * missing, `must be <what>` when it holds the wrong kind of value. Pass it as a schema's params:
 * `z.string(typeError('text'))`.
 */
export function typeError(what: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`) };
}
