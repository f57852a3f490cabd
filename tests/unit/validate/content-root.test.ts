import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/lib/paths';
import { formatProblem } from '../../../src/lib/content/problems';
import { checkContent, ContentRootError, validateContent } from '../../../src/lib/validate/validate';
import { contentFolder, problemsIn, REGISTRY, removeContentFolders, yamlEntry } from '../../helpers/validate';

/**
 * Validation of a content root as a whole: a clean folder of every entry format, the section
 * registry, the folders and file names it reads, a missing root, and the real content/.
 */

afterEach(removeContentFolders);

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
