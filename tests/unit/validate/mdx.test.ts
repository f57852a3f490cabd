import { afterEach, describe, expect, it } from 'vitest';
import { contentFolder, onlyProblem, problemsIn, removeContentFolders, yamlEntry } from '../../helpers/validate';

/**
 * Validation of .md and .mdx entries: their frontmatter, and an MDX body's imports, components,
 * expressions, references and images, at their file lines.
 */

afterEach(removeContentFolders);

describe('validateContent', () => {
  it('reports an MDX frontmatter syntax error at its file line', () => {
    expect(onlyProblem({ 'mllm/a.mdx': `---\ntitle: Qwen2-VL\ntitle: again\nlinks: []\n---\n\nBody.\n` })).toMatchObject({
      file: 'mllm/a.mdx',
      line: 3,
      field: '(syntax)',
      message: '"title" is written twice: keep one',
    });
  });

  it('reports an MDX entry without frontmatter', () => {
    expect(onlyProblem({ 'mllm/a.mdx': '# Qwen2-VL\n\nA note.\n' })).toEqual({
      file: 'mllm/a.mdx',
      line: 1,
      field: '(syntax)',
      message: 'an .mdx entry must start with YAML frontmatter between --- lines',
      severity: 'error',
    });
  });

  it('reports imports, JSX and expressions in an MDX body at their file lines', () => {
    const text = `---\n${yamlEntry()}---\n\nimport Chart from './chart.js'\n\nScores: <Chart /> and {1 + 1}.\n`;
    expect(problemsIn(contentFolder({ 'mllm/a.mdx': text }))).toEqual([
      {
        file: 'mllm/a.mdx',
        line: 9,
        field: '(body)',
        message: 'import/export statements are not allowed in an entry (components need no import)',
        severity: 'error',
      },
      {
        file: 'mllm/a.mdx',
        line: 11,
        field: '(body)',
        message:
          'unknown component <Chart>: entries may use only <Figure>, <Callout>, <PaperRef>, <Results> (write \\< for a literal <)',
        severity: 'error',
      },
      {
        file: 'mllm/a.mdx',
        line: 11,
        field: '(body)',
        message: 'expression {1 + 1} is not allowed in an entry (write \\{ for a literal brace)',
        severity: 'error',
      },
    ]);
  });

  it('reports a <PaperRef> to no entry and an image of no file under public/, at their file lines', () => {
    const text = `---\n${yamlEntry()}---\n\nSee <PaperRef id="survey/2409.12191" /> and <PaperRef id="gone" />.\n\n<Figure src="/figures/none.png" alt="x" />\n`;
    const problems = problemsIn(
      contentFolder({
        'mllm/2409.12191.mdx': text,
        'mllm/other.yaml': yamlEntry({ title: 'Other', url: 'https://example.org/other' }),
      }),
    );
    expect(problems).toEqual([
      {
        file: 'mllm/2409.12191.mdx',
        line: 9,
        field: '(body)',
        message:
          '<PaperRef id="survey/2409.12191"> names no entry of the list (the id is a file name, e.g. 2409.12191 or mllm/2409.12191)',
        severity: 'error',
      },
      {
        file: 'mllm/2409.12191.mdx',
        line: 9,
        field: '(body)',
        message: '<PaperRef id="gone"> names no entry of the list (the id is a file name, e.g. 2409.12191 or mllm/2409.12191)',
        severity: 'error',
      },
      {
        file: 'mllm/2409.12191.mdx',
        line: 11,
        field: '(body)',
        message: 'image "/figures/none.png": there is no file public/figures/none.png; add the image there',
        severity: 'error',
      },
    ]);
  });

  it('warns about an .mdx entry that uses no component (it is plain Markdown: .md)', () => {
    const text = `---\n${yamlEntry()}---\n\nA **long** note.\n`;
    expect(onlyProblem({ 'mllm/a.mdx': text })).toEqual({
      file: 'mllm/a.mdx',
      line: 8,
      field: '(file)',
      message: 'uses no component: a plain Markdown note belongs in an .md file (rename it)',
      severity: 'warning',
    });
    expect(problemsIn(contentFolder({ 'mllm/a.md': text }))).toEqual([]);
  });

  it('reads an .md entry’s frontmatter like an .mdx entry’s', () => {
    expect(onlyProblem({ 'mllm/a.md': '# Qwen2-VL\n\nA note.\n' })).toMatchObject({
      file: 'mllm/a.md',
      line: 1,
      field: '(syntax)',
      message: 'an .md entry must start with YAML frontmatter between --- lines',
    });
  });

  it('reports an MDX body that does not parse at its file line', () => {
    const text = `---\n${yamlEntry()}---\n\nFine.\n\nA <!-- comment -->.\n`;
    expect(onlyProblem({ 'mllm/a.mdx': text })).toMatchObject({
      file: 'mllm/a.mdx',
      line: 11,
      field: '(body)',
      message: expect.stringMatching(/^the MDX does not parse: Unexpected character `!`/),
    });
  });
});
