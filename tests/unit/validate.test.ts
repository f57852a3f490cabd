import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { contentValidation } from '../../src/integrations/validate-content';
import { runScript } from '../helpers/run';
import { parseEntrySource } from '../../src/lib/entry-files';
import { REPO_ROOT } from '../../src/lib/paths';
import { formatGithubAnnotation, formatProblem, type Problem } from '../../src/lib/problems';
import { checkContent, ContentRootError, formatSummary, validateContent } from '../../src/lib/validate';

const REGISTRY = `- id: mllm
  title: Multimodal Large Language Models
  description: Model papers.
  order: 1
- id: survey
  title: Survey and Outlook
  description: Overviews.
  order: 2
- id: benchmarks
  title: BenchMark and Dataset
  description: Benchmarks (no folder yet, which is fine).
  order: 3
`;

/** A valid YAML entry (title on line 1, the link URL on line 4, note on 5 if any, then added); `extra` lines follow. */
function yamlEntry({
  title = 'Qwen2-VL',
  url = 'https://arxiv.org/abs/2409.12191',
  note,
  extra = '',
}: { title?: string; url?: string; note?: string; extra?: string } = {}): string {
  // A JSON string is a YAML double-quoted string: titles with `: ` and blank notes stay text.
  const lines = [`title: ${JSON.stringify(title)}`, 'links:', '  - kind: paper', `    url: ${url}`];
  if (note !== undefined) lines.push(`note: ${JSON.stringify(note)}`);
  return [...lines, 'added: 2024-09-20', extra].join('\n');
}

const roots: string[] = [];

/** A temporary content root holding `registry` as sections.yaml (none when null) and `files` (path → text). */
function contentFolder(files: Record<string, string>, registry: string | null = REGISTRY): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'validate-test-'));
  roots.push(root);
  if (registry !== null) writeFileSync(path.join(root, 'sections.yaml'), registry);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Problems with files relative to the root, so expectations read like the report. */
function problemsIn(root: string): Problem[] {
  return validateContent({ root }).map((problem) => ({ ...problem, file: path.relative(root, problem.file) }));
}

/** The one problem found in `files`, asserting there is exactly one. */
function onlyProblem(files: Record<string, string>): Problem {
  const problems = problemsIn(contentFolder(files));
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('validateContent', () => {
  it('finds nothing wrong in a clean folder (YAML, Markdown, MDX with components, a registered section without a folder)', () => {
    const root = contentFolder({
      'mllm/2409.12191.yaml': `# yaml-language-server: $schema=../paper.schema.json\n${yamlEntry({ note: 'Any resolution.' })}`,
      'mllm/llava.mdx': `---\n${yamlEntry({ title: 'LLaVA', url: 'https://arxiv.org/abs/2304.08485', note: 'Visual instruction tuning.' })}---\n\nA **long** note with a [link](https://llava-vl.github.io/), after <PaperRef id="2409.12191" />.\n\n<Figure src="/favicon.svg" alt="icon" />\n`,
      'mllm/blip-2.md': `---\n${yamlEntry({ title: 'BLIP-2', url: 'https://arxiv.org/abs/2301.12597' })}---\n\nA long note, <b>raw HTML</b> and {braces} are text here.\n`,
      'survey/2409.12191.yaml': yamlEntry({ note: '   ' }),
      'survey/blank-notes.yaml': yamlEntry({ title: 'Another survey', url: 'https://example.org/survey', note: '   ' }),
      'assets/logo.png': 'not an entry',
    });
    expect(validateContent({ root })).toEqual([]);
    expect(checkContent({ root })).toMatchObject({ entryCount: 5, sectionCount: 3 });
  });

  it('defaults to the content root of the repository', () => {
    expect(Array.isArray(validateContent())).toBe(true);
  });

  describe('the section registry', () => {
    it('stops with one problem when sections.yaml is missing', () => {
      const root = contentFolder({ 'mllm/a.yaml': 'title: [broken' }, null);
      expect(problemsIn(root)).toEqual([
        {
          file: 'sections.yaml',
          line: 1,
          field: '(file)',
          message: 'the section registry is missing: no section can be checked',
          severity: 'error',
        },
      ]);
    });

    it('stops at a YAML syntax error, with its line', () => {
      const root = contentFolder({ 'mllm/a.yaml': 'title: [broken' }, `${REGISTRY}- id: [oops\n`);
      expect(problemsIn(root)).toMatchObject([{ file: 'sections.yaml', line: 14, field: '(syntax)', severity: 'error' }]);
    });

    it('stops at schema violations, with the item field and line', () => {
      const root = contentFolder({ 'mllm/a.yaml': 'title: [broken' }, REGISTRY.replace('id: survey', 'id: Survey'));
      expect(problemsIn(root)).toEqual([
        {
          file: 'sections.yaml',
          line: 5,
          field: '1.id',
          message: 'must be lower-case words joined by hyphens',
          severity: 'error',
        },
      ]);
    });
  });

  it('reports a YAML syntax error with its line', () => {
    expect(
      onlyProblem({ 'mllm/a.yaml': 'title: Qwen2-VL\nlinks:\n  - kind: paper\n   url: https://x.org\nadded: 2024-09-20\n' }),
    ).toMatchObject({
      file: 'mllm/a.yaml',
      line: 4,
      field: '(syntax)',
      severity: 'error',
    });
  });

  it('reports an MDX frontmatter syntax error at its file line', () => {
    expect(onlyProblem({ 'mllm/a.mdx': `---\ntitle: Qwen2-VL\ntitle: again\nlinks: []\n---\n\nBody.\n` })).toMatchObject({
      file: 'mllm/a.mdx',
      line: 3,
      field: '(syntax)',
      message: '"title" is written twice: keep one',
    });
  });

  it('reports a YAML tag it does not know as a syntax error, though the parser only warns', () => {
    // An unknown tag (`!!python/str`) would let the value differ from what the file shows.
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ extra: 'org: !!python/str Alibaba' }) })).toMatchObject({
      file: 'mllm/a.yaml',
      line: 6,
      field: '(syntax)',
      message: expect.stringContaining('unknown tag'),
    });
  });

  it('keeps an unquoted date as the text written, so rewriting an entry keeps it', () => {
    const source = parseEntrySource('content/mllm/a.yaml', yamlEntry({ extra: 'published: 2024-13' }));
    expect(source.data).toMatchObject({ added: '2024-09-20', published: '2024-13' });
    expect(source.lineOf(['published'])).toBe(6);
    expect(source.lineOf(['links', 0, 'url'])).toBe(4);
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

  it('reports a missing field at the start of the entry data', () => {
    const text = `# yaml-language-server: $schema=../paper.schema.json\n${yamlEntry().replace('added: 2024-09-20', '')}`;
    expect(onlyProblem({ 'mllm/a.yaml': text })).toEqual({
      file: 'mllm/a.yaml',
      line: 2,
      field: 'added',
      message: 'is required',
      severity: 'error',
    });
  });

  it('reports an unknown field (a typo) at its own line', () => {
    const text = yamlEntry({ extra: 'venue: NeurIPS\nauthros:\n  - Peng Wang\n' });
    expect(onlyProblem({ 'mllm/a.yaml': text })).toEqual({
      file: 'mllm/a.yaml',
      line: 7,
      field: 'authros',
      message: 'unknown field (check the spelling)',
      severity: 'error',
    });
  });

  it('reports `titel:` as an unknown field and the title as missing', () => {
    const problems = problemsIn(contentFolder({ 'mllm/a.yaml': yamlEntry().replace('title:', 'titel:') }));
    expect(problems).toEqual([
      { file: 'mllm/a.yaml', line: 1, field: 'title', message: 'is required', severity: 'error' },
      { file: 'mllm/a.yaml', line: 1, field: 'titel', message: 'unknown field (check the spelling)', severity: 'error' },
    ]);
  });

  it('reports a wrong type at its line', () => {
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ extra: 'tags: video' }) })).toMatchObject({
      line: 6,
      field: 'tags',
      message: 'must be a list of tags',
    });
  });

  it.each([['javascript:alert(1)'], ['data:text/html;base64,PHNjcmlwdD4=']])(
    'reports a link URL that is not http(s): %s',
    (url) => {
      expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ url }) })).toEqual({
        file: 'mllm/a.yaml',
        line: 4,
        field: 'links.0.url',
        message: 'must start with http:// or https://',
        severity: 'error',
      });
    },
  );

  it('reports a malformed arXiv id', () => {
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ extra: 'arxiv: "2409.123"' }) })).toMatchObject({
      line: 6,
      field: 'arxiv',
      message: 'is not a valid arXiv id (expected e.g. 2409.12191)',
    });
  });

  it('reports an unquoted arXiv id, which YAML reads as a number', () => {
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ extra: 'arxiv: 2401.10010' }) })).toMatchObject({
      line: 6,
      field: 'arxiv',
      message: expect.stringContaining('must be a quoted string'),
    });
  });

  it('reports an impossible date', () => {
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry().replace('2024-09-20', '2024-02-30') })).toMatchObject({
      line: 5,
      field: 'added',
      message: 'is not a real calendar date',
    });
  });

  it('reports an empty title', () => {
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ title: '' }) })).toMatchObject({
      line: 1,
      field: 'title',
      message: 'must not be empty',
    });
  });

  it('reports a paper listed twice in one section by title, on the later file, naming the earlier', () => {
    const problems = problemsIn(
      contentFolder({
        'mllm/a.yaml': yamlEntry({ title: 'Qwen2-VL: Any Resolution' }),
        'mllm/b.yaml': yamlEntry({ title: 'QWEN2-VL — any resolution', url: 'https://github.com/QwenLM/Qwen2-VL' }),
        'survey/c.yaml': yamlEntry({ title: 'Qwen2-VL: Any Resolution' }),
      }),
    );
    expect(problems).toEqual([
      {
        file: 'mllm/b.yaml',
        line: 1,
        field: 'title',
        message: 'same paper as mllm/a.yaml (same title); list it once per section',
        severity: 'error',
      },
    ]);
  });

  it('reports a paper listed twice in one section by arXiv id, at the field that names it', () => {
    const problems = problemsIn(
      contentFolder({
        'mllm/a.yaml': yamlEntry({ title: 'Qwen2-VL', url: 'https://github.com/QwenLM/Qwen2-VL', extra: 'arxiv: "2409.12191"' }),
        'mllm/b.yaml': yamlEntry({ title: 'Qwen2 VL technical report', url: 'https://arxiv.org/pdf/2409.12191v2' }),
        'mllm/c.mdx': `---\n${yamlEntry({ title: 'Qwen2-VL again', url: 'https://github.com/QwenLM/Qwen2-VL' })}arxiv: 2409.12191v1\n---\n`,
      }),
    );
    expect(problems).toMatchObject([
      {
        file: 'mllm/b.yaml',
        line: 4,
        field: 'links.0.url',
        message: 'same paper as mllm/a.yaml (same arXiv id 2409.12191); list it once per section',
      },
      {
        file: 'mllm/c.mdx',
        line: 7,
        field: 'arxiv',
        message: 'same paper as mllm/a.yaml (same arXiv id 2409.12191); list it once per section',
      },
    ]);
  });

  it('reports two entries of a section joined through an entry of another section, as the site groups them', () => {
    // a and c share nothing; survey/b shares its arXiv id with a and its title with c.
    const files = {
      'mllm/a.yaml': yamlEntry({ title: 'Foo: A Model', url: 'https://arxiv.org/abs/2401.00001' }),
      'mllm/c.yaml': yamlEntry({ title: 'Foo Bar', url: 'https://github.com/foo/bar' }),
      'survey/b.yaml': yamlEntry({ title: 'Foo Bar', url: 'https://arxiv.org/pdf/2401.00001' }),
    };
    expect(problemsIn(contentFolder(files))).toEqual([
      {
        file: 'mllm/c.yaml',
        line: 1,
        field: 'title',
        message:
          'same paper as mllm/a.yaml (through survey/b.yaml: same title, then same arXiv id 2401.00001); list it once per section',
        severity: 'error',
      },
    ]);
  });

  it('reports two files with the same id in one section (x.yaml and x.mdx)', () => {
    const problems = problemsIn(
      contentFolder({
        'mllm/qwen.mdx': `---\n${yamlEntry()}---\n\n<Callout kind="note">Long note.</Callout>\n`,
        'mllm/qwen.yaml': yamlEntry({ title: 'Qwen-VL', url: 'https://arxiv.org/abs/2308.12966' }),
      }),
    );
    expect(problems).toEqual([
      {
        file: 'mllm/qwen.yaml',
        line: 1,
        field: '(file)',
        message: 'has the same id "qwen" as mllm/qwen.mdx: only one of them would be published; merge them or rename one',
        severity: 'error',
      },
    ]);
  });

  it('reports a folder with entries that the registry does not list, on its first entry file', () => {
    const problems = problemsIn(
      contentFolder({
        'mllm/a.yaml': yamlEntry(),
        'video-llm/b.yaml': yamlEntry({ title: 'Video-LLaVA' }),
        'video-llm/a.yaml': yamlEntry({ title: 'VideoChat' }),
        'images/readme.txt': 'no entries here',
      }),
    );
    expect(problems).toEqual([
      {
        file: 'video-llm/a.yaml',
        line: 1,
        field: '(section)',
        message:
          'folder "video-llm" is not in sections.yaml, so its entries would not appear on the site: add the section to the registry or move the files',
        severity: 'error',
      },
    ]);
  });

  it('reports an entry file with an extension that is not read (.yml, .markdown)', () => {
    const problems = problemsIn(contentFolder({ 'mllm/a.yml': yamlEntry(), 'survey/b.markdown': '# B\n' }));
    expect(problems).toEqual([
      {
        file: 'mllm/a.yml',
        line: 1,
        field: '(file)',
        message: 'is not read: entry files end in .yaml or .md or .mdx',
        severity: 'error',
      },
      {
        file: 'survey/b.markdown',
        line: 1,
        field: '(file)',
        message: 'is not read: entry files end in .yaml or .md or .mdx',
        severity: 'error',
      },
    ]);
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

  it('warns about a note identical to another entry’s note in any section, naming it, without failing', () => {
    const note = 'Aligns with DPO on multi-image data.';
    const problems = problemsIn(
      contentFolder({
        'mllm/mia-dpo.yaml': yamlEntry({ title: 'MIA-DPO', note }),
        'survey/3d-ct-gpt.yaml': yamlEntry({ title: '3D-CT-GPT++', url: 'https://arxiv.org/abs/2502.09873', note: `  ${note}` }),
      }),
    );
    expect(problems).toEqual([
      {
        file: 'survey/3d-ct-gpt.yaml',
        line: 5,
        field: 'note',
        message: 'is identical to the note of mllm/mia-dpo.yaml; was it copied by mistake?',
        severity: 'warning',
      },
    ]);
  });

  it('does not warn when the same paper, listed in two sections, keeps one note', () => {
    const note = '最难多模态Benchmark';
    const files = {
      'mllm/mme.yaml': yamlEntry({ title: 'MME-RealWorld: Could Your MLLM…', note }),
      'survey/mme.yaml': yamlEntry({ title: 'MME-RealWorld: Could Your MLLM…', note }),
    };
    expect(problemsIn(contentFolder(files))).toEqual([]);
  });

  it('rejects entry ids that section pages use as path segments', () => {
    expect(problemsIn(contentFolder({ 'mllm/sort.yaml': yamlEntry() }))).toEqual([
      expect.objectContaining({ file: 'mllm/sort.yaml', line: 1, field: '(file)', message: expect.stringContaining('reserved') }),
    ]);
  });

  it.each([
    ['Bad_Name.yaml', 'bad-name.yaml'],
    ['qwen 2.5 copy.yaml', 'qwen-2-5-copy.yaml'],
    ['Qwen2-VL.mdx', 'qwen2-vl.mdx'],
  ])('rejects the file name %s, which the docs do not allow, suggesting %s', (name, suggestion) => {
    const text = name.endsWith('.mdx') ? `---\n${yamlEntry()}\n---\n` : yamlEntry();
    expect(problemsIn(contentFolder({ [`mllm/${name}`]: text }))).toEqual([
      expect.objectContaining({ file: `mllm/${name}`, line: 1, field: '(file)', message: expect.stringContaining(suggestion) }),
    ]);
  });

  it.each(['2409.12191', '2401.10208v2', '2409.12191-2', 'qwen2-vl', 'hep-th-9901001', 'a'])('accepts the id %s', (id) =>
    expect(problemsIn(contentFolder({ [`mllm/${id}.yaml`]: yamlEntry() }))).toEqual([]),
  );

  it('throws ContentRootError when the content root is missing or not a folder', () => {
    const root = contentFolder({});
    expect(() => validateContent({ root: path.join(root, 'missing') })).toThrow(ContentRootError);
    expect(() => validateContent({ root: path.join(root, 'sections.yaml') })).toThrow(/is not a folder/);
  });
});

describe('formatting', () => {
  const problem: Problem = {
    file: path.join(REPO_ROOT, 'content/mllm/a.yaml'),
    line: 4,
    field: 'links.0.url',
    message: 'must start with http:// or https://',
    severity: 'error',
  };

  it('formats a problem as path:line: field: message, relative to the working folder', () => {
    expect(formatProblem(problem, REPO_ROOT)).toBe('content/mllm/a.yaml:4: links.0.url: must start with http:// or https://');
    expect(formatProblem(problem, path.join(REPO_ROOT, 'content'))).toBe(
      'mllm/a.yaml:4: links.0.url: must start with http:// or https://',
    );
  });

  it('marks warnings after the location', () => {
    expect(formatProblem({ ...problem, severity: 'warning', field: 'note', message: 'is identical' }, REPO_ROOT)).toBe(
      'content/mllm/a.yaml:4: warning: note: is identical',
    );
  });

  it('formats GitHub annotations with repository-relative paths and escaped values', () => {
    expect(formatGithubAnnotation(problem)).toBe(
      '::error file=content/mllm/a.yaml,line=4,title=links.0.url::must start with http:// or https://',
    );
    expect(formatGithubAnnotation({ ...problem, severity: 'warning', field: 'a,b:c', message: '100% sure\nreally' })).toBe(
      '::warning file=content/mllm/a.yaml,line=4,title=a%2Cb%3Ac::100%25 sure%0Areally',
    );
  });

  it('summarises entries, sections, errors and warnings', () => {
    expect(
      formatSummary({ problems: [problem, problem, { ...problem, severity: 'warning' }], entryCount: 12, sectionCount: 3 }),
    ).toBe('12 entries in 3 sections: 2 errors, 1 warnings');
  });
});

describe('npm run validate (scripts/validate.ts)', () => {
  /** Runs the CLI as CI does; GITHUB_ACTIONS is removed unless `env` sets it. */
  function runValidate(args: string[], env: NodeJS.ProcessEnv = {}) {
    return runScript('scripts/validate.ts', args, { GITHUB_ACTIONS: undefined, ...env });
  }

  it('exits 0 on clean content and prints the summary', async () => {
    const root = contentFolder({ 'mllm/a.yaml': yamlEntry() });
    expect(await runValidate(['--content', root])).toEqual({
      status: 0,
      stdout: '1 entries in 3 sections: 0 errors, 0 warnings\n',
      stderr: '',
    });
  });

  it('exits 0 when there are only warnings', async () => {
    const root = contentFolder({
      'mllm/a.yaml': yamlEntry({ note: 'Same.' }),
      'survey/b.yaml': yamlEntry({ title: 'B', url: 'https://arxiv.org/abs/2401.00001', note: 'Same.' }),
    });
    const { status, stdout } = await runValidate(['--content', root]);
    expect(status).toBe(0);
    expect(stdout).toContain('0 errors, 1 warnings');
  });

  it('exits 1 on errors, one line per problem, and annotates them under GitHub Actions', async () => {
    const root = contentFolder({
      'mllm/a.yaml': yamlEntry({ note: 'Same.' }),
      'mllm/b.yaml': yamlEntry({ title: 'B', url: 'javascript:alert(1)' }),
      'survey/c.yaml': yamlEntry({ title: 'C', url: 'https://arxiv.org/abs/2401.00001', note: 'Same.' }),
    });
    const repoPath = (name: string) => path.relative(REPO_ROOT, path.join(root, name)).split(path.sep).join('/');
    const plain = [
      `${repoPath('mllm/b.yaml')}:4: links.0.url: must start with http:// or https://`,
      `${repoPath('survey/c.yaml')}:5: warning: note: is identical to the note of mllm/a.yaml; was it copied by mistake?`,
    ];
    const summary = '3 entries in 3 sections: 1 errors, 1 warnings';

    expect(await runValidate(['--content', root])).toMatchObject({ status: 1, stdout: [...plain, summary, ''].join('\n') });
    expect(await runValidate(['--content', root], { GITHUB_ACTIONS: 'true' })).toMatchObject({
      status: 1,
      stdout: [
        ...plain,
        `::error file=${repoPath('mllm/b.yaml')},line=4,title=links.0.url::must start with http:// or https://`,
        `::warning file=${repoPath('survey/c.yaml')},line=5,title=note::is identical to the note of mllm/a.yaml; was it copied by mistake?`,
        summary,
        '',
      ].join('\n'),
    });
  });

  it('exits 1 with the registry problem alone when sections.yaml is broken', async () => {
    const root = contentFolder({ 'mllm/a.yaml': 'title: [broken' }, '- id: [oops\n');
    const { status, stdout } = await runValidate(['--content', root]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^\S*sections\.yaml:\d+: \(syntax\): .+\n0 entries in 0 sections: 1 errors, 0 warnings\n$/);
  });

  it.each([
    [
      'a missing content root',
      (root: string) => ['--content', path.join(root, 'missing')],
      /^error: the content root \S+missing does not exist\n$/,
    ],
    [
      'a content root that is a file',
      (root: string) => ['--content', path.join(root, 'sections.yaml')],
      /^error: the content root \S+ is not a folder\n$/,
    ],
    [
      'an unknown option',
      () => ['--contnet', 'x'],
      /^error: Unknown option '--contnet' \(usage: npm run validate \[-- --content DIR\]\)\n$/,
    ],
  ])('exits 2 with one line and no stack trace on %s', async (_, args, message) => {
    const { status, stdout, stderr } = await runValidate(args(contentFolder({})));
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toMatch(message);
  });

  it.skipIf(process.getuid?.() === 0)('exits 2 when the content root cannot be read', async () => {
    const root = contentFolder({});
    chmodSync(root, 0o000);
    try {
      expect((await runValidate(['--content', root])).status).toBe(2);
    } finally {
      chmodSync(root, 0o700);
    }
  });

  it('reads CONTENT_DIR when no --content is given', async () => {
    const root = contentFolder({ 'mllm/a.yaml': yamlEntry({ title: '' }) });
    const { status, stdout } = await runValidate([], { CONTENT_DIR: root });
    expect(status).toBe(1);
    expect(stdout).toContain(':1: title: must not be empty');
  });
});

describe('the contentValidation() Astro integration', () => {
  /** Runs the integration's config hook for `command` on a content root, recording what it logs. */
  function runHook(command: 'build' | 'dev' | 'preview', root: string) {
    const logged: string[] = [];
    const logger = { error: (line: string) => logged.push(`error ${line}`), warn: (line: string) => logged.push(`warn ${line}`) };
    const hook = contentValidation().hooks['astro:config:setup']!;
    const previous = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = root;
    try {
      // Only `command`, `logger` and the config's public folder are read; the rest does not matter here.
      const config = { publicDir: pathToFileURL(path.join(REPO_ROOT, 'public/')) };
      void hook({ command, config, logger } as unknown as Parameters<typeof hook>[0]);
      return { logged, error: undefined };
    } catch (error) {
      return { logged, error: (error as Error).message };
    } finally {
      if (previous === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = previous;
    }
  }

  const brokenContent = () =>
    contentFolder({
      'mllm/a.yaml': yamlEntry({ note: 'Same.' }),
      'mllm/b.yaml': yamlEntry({ title: 'B', url: 'javascript:alert(1)' }),
      'survey/c.yaml': yamlEntry({ title: 'C', url: 'https://arxiv.org/abs/2401.00001', note: 'Same.' }),
    });

  it('fails the build after logging every problem, warnings as warnings', () => {
    const { logged, error } = runHook('build', brokenContent());
    expect(logged).toEqual([
      expect.stringMatching(/^error \S*mllm\/b\.yaml:4: links\.0\.url: must start with http:\/\/ or https:\/\/$/),
      expect.stringMatching(/^warn \S*survey\/c\.yaml:5: warning: note: is identical to the note of mllm\/a\.yaml/),
    ]);
    expect(error).toBe('content validation failed with 1 error (listed above); run `npm run validate`');
  });

  it('lets the build go on with warnings only', () => {
    const root = contentFolder({
      'mllm/a.yaml': yamlEntry({ note: 'Same.' }),
      'survey/c.yaml': yamlEntry({ title: 'C', url: 'https://arxiv.org/abs/2401.00001', note: 'Same.' }),
    });
    expect(runHook('build', root)).toMatchObject({ logged: [expect.stringMatching(/^warn /)], error: undefined });
  });

  it('only logs under `astro dev`, so the server still starts', () => {
    expect(runHook('dev', brokenContent())).toMatchObject({
      logged: [expect.stringMatching(/^error /), expect.stringMatching(/^warn /)],
      error: undefined,
    });
  });

  it('does nothing under `astro preview`', () => {
    expect(runHook('preview', brokenContent())).toEqual({ logged: [], error: undefined });
  });
});

describe('the real content/', () => {
  // content/ is generated by the sync from the list; this holds once it has landed.
  it('has at least 100 entries and no errors', () => {
    const check = checkContent();
    const errors = check.problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => formatProblem(problem, REPO_ROOT));
    expect(errors).toEqual([]);
    expect(check.entryCount).toBeGreaterThanOrEqual(100);
  });
});
