import { afterEach, describe, expect, it } from 'vitest';
import { contentFolder, problemsIn, removeContentFolders, yamlEntry } from '../../helpers/validate';

/**
 * Validation of what is written twice: the same paper in one section (by title, by arXiv id, or
 * through an entry of another section), the same id in one section, and the same note.
 */

afterEach(removeContentFolders);

describe('validateContent', () => {
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
});
