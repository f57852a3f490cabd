import { describe, expect, it } from 'vitest';
import { parseEntrySource } from '../../../src/lib/content/entry-files';

const rest = 'links:\n  - kind: paper\n    url: https://a.org/x\nadded: 2024-01-01\n';

/** The syntax errors of an entry file whose text is `text`. */
const errorsOf = (text: string, name = 'x.yaml') => parseEntrySource(`/c/mllm/${name}`, text).syntaxErrors;

describe('YAML mistakes, in words that say what to write', () => {
  it.each([
    ['title: Foo: Bar', 1, 'quote the title: title: "Foo: Bar"'],
    ['note: [x] is fine', 1, 'quote the note: note: "[x] is fine"'],
    ['note: `code` here', 1, 'quote the note: note: "`code` here"'],
    ['title: "Foo" bar', 1, `quote the title: title: '"Foo" bar'`],
    ['note: @user said', 1, 'quote the note: note: "@user said"'],
    ['\ttitle: x', 1, 'indent with spaces, not tabs'],
    ['title: a\ntitle: b', 2, '"title" is written twice: keep one'],
  ])('%j → one line: %s', (first, line, message) => {
    expect(errorsOf(`${first}\n${rest}`)).toEqual([{ line, message }]);
  });

  it('explains a mis-indented field', () => {
    expect(errorsOf('title: T\nlinks:\n  - kind: paper\n    url: https://a.org/x\n   added: 2024-01-01\n')).toEqual([
      { line: 5, message: expect.stringMatching(/^check the indentation/) },
    ]);
  });

  it('counts lines from the file, in MDX frontmatter too', () => {
    expect(errorsOf(`---\ntitle: Foo: Bar\n${rest}---\n\nBody.\n`, 'x.mdx')).toEqual([
      { line: 2, message: 'quote the title: title: "Foo: Bar"' },
    ]);
  });

  it('reads the suggested fix back as the intended text', () => {
    const fixed = parseEntrySource('/c/mllm/x.yaml', `title: '"Foo" bar'\n${rest}`);
    expect((fixed.data as { title: string }).title).toBe('"Foo" bar');
  });
});
