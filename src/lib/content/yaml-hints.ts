/**
 * YAML syntax errors in the words of someone editing an entry: the parser's (the `yaml` package's,
 * lib/content/yaml-file) "Nested mappings are not allowed in compact mappings" becomes
 * `quote the title: title: "Foo: Bar"`. Each hint says
 * what to write instead; an error with no known cause keeps the parser's message.
 */

/** `key: value` on one line (also as the first field of a list item, `- kind: …`). */
const FIELD_LINE = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):[ \t]+(\S.*?)\s*$/;

/** Errors that an unquoted value with `: `, ` #`, or a leading special character causes. */
const NEEDS_QUOTES = [
  /^Nested mappings are not allowed/,
  /^Unexpected scalar at node end/,
  /^Plain value cannot start with/,
  /^Implicit map keys need to be followed by map values/,
  /^Unexpected flow-seq-end/,
  /^Unexpected flow-map-end/,
];

/** The value quoted as YAML reads it back verbatim: double quotes, or single when it holds a `"`. */
export function quoteYaml(value: string): string {
  if (value.includes('"') && !value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The message to show for a YAML syntax error `message` reported on `lineText`. */
export function explainYamlError(message: string, lineText: string): string {
  const field = FIELD_LINE.exec(lineText);
  if (field && NEEDS_QUOTES.some((pattern) => pattern.test(message))) {
    const [, key, value] = field as unknown as [string, string, string];
    return `quote the ${key}: ${key}: ${quoteYaml(value)}`;
  }
  if (/^Tabs are not allowed/.test(message)) return 'indent with spaces, not tabs';
  if (/^Map keys must be unique/.test(message)) {
    return field ? `"${field[1]}" is written twice: keep one` : 'a field is written twice: keep one';
  }
  if (/without - indicator|^All mapping items must start at the same column/.test(message)) {
    return 'check the indentation: fields start at the beginning of the line, and each link is "  - kind: …" with "    url: …" under it';
  }
  const tag = /^Unresolved tag: (\S+)/.exec(message);
  if (tag)
    return `unknown tag ${tag[1]!.replace(/^tag:yaml\.org,2002:/, '!!')}: write the value without it (quote it if it starts with !)`;
  return message;
}
