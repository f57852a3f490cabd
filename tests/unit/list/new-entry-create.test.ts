import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEntry, monthOfArxivId } from '../../../scripts/lib/list/new-entry';
import { parseEntrySource } from '../../../src/lib/content/entry-files';
import { validateContent } from '../../../src/lib/validate/validate';
import { paperSchema } from '../../../src/schemas/paper';
import { create, refusal, removeContentRoot, root, setUpContentRoot, TODAY, writeEntry } from '../../helpers/new-entry';

/**
 * The entry `npm run new` makes (createEntry): its file name, format and text, the published month,
 * and each refusal (section, URL, title, a paper already listed, what the schema or MDX refuses).
 */

beforeEach(setUpContentRoot);
afterEach(removeContentRoot);

describe('createEntry', () => {
  it('builds a valid YAML entry named after the arXiv id, dated today, with the link kind inferred', () => {
    const { file, text } = create({
      section: 'mllm',
      url: 'https://arxiv.org/pdf/2312.14238v3',
      title: ' InternVL: Scaling up Vision Foundation Models ',
      note: '视觉编码器扩展到 6B',
      tags: ['vision encoder', 'scaling'],
      venue: 'CVPR 2024',
      org: 'Shanghai AI Lab',
    });
    expect(file).toBe(path.join(root, 'mllm', '2312.14238.yaml'));
    expect(text).toBe(
      [
        '# yaml-language-server: $schema=../paper.schema.json',
        'title: "InternVL: Scaling up Vision Foundation Models"',
        'links:',
        '  - kind: paper',
        '    url: https://arxiv.org/pdf/2312.14238v3',
        'note: 视觉编码器扩展到 6B',
        'added: 2025-03-04',
        'arxiv: "2312.14238"',
        'published: 2023-12',
        'venue: CVPR 2024',
        'org: Shanghai AI Lab',
        'tags:',
        '  - vision encoder',
        '  - scaling',
        '',
      ].join('\n'),
    );
    const parsed = paperSchema.parse(parseEntrySource(file, text).data);
    expect(parsed).toMatchObject({ title: 'InternVL: Scaling up Vision Foundation Models', arxiv: '2312.14238', added: TODAY });
  });

  it('names a non-arXiv paper after its title and keeps the id unique in the section', () => {
    writeFileSync(path.join(root, 'mllm', 'mini-gemini.yaml'), 'title: broken on purpose: [');
    const { file, text } = create({ section: 'mllm', url: 'https://github.com/dvlab-research/MGM', title: 'Mini-Gemini' });
    expect(path.basename(file)).toBe('mini-gemini-2.yaml');
    expect(paperSchema.parse(parseEntrySource(file, text).data).links).toEqual([
      { kind: 'code', url: 'https://github.com/dvlab-research/MGM' },
    ]);
  });

  it('writes a long note as the Markdown body of an .md entry, which validates without a warning', () => {
    const { file, text } = create({
      section: 'benchmarks',
      url: 'https://mmmu-benchmark.github.io/',
      title: 'MMMU',
      note: '**长笔记**\n\n- 一\n- 二 <b>',
      long: true,
    });
    expect(file).toBe(path.join(root, 'benchmarks', 'mmmu.md'));
    const source = parseEntrySource(file, text);
    expect(source.body.trim()).toBe('**长笔记**\n\n- 一\n- 二 <b>');
    expect(paperSchema.parse(source.data)).not.toHaveProperty('note');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    expect(validateContent({ root })).toEqual([]);
  });

  it('writes a long note that uses a component as an .mdx entry, which validates without a warning', () => {
    const { file, text } = create({
      section: 'benchmarks',
      url: 'https://mmmu-benchmark.github.io/',
      title: 'MMMU',
      note: '基线见 <PaperRef id="2409.12191" />。',
      long: true,
    });
    expect(file).toBe(path.join(root, 'benchmarks', 'mmmu.mdx'));
    expect(parseEntrySource(file, text).body.trim()).toBe('基线见 <PaperRef id="2409.12191" />。');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    expect(validateContent({ root })).toEqual([]);
  });

  it('writes an empty body for a long note to come', () => {
    const { file, text } = create({ section: 'mllm', url: 'https://a.org/', title: 'A', long: true });
    expect(file).toBe(path.join(root, 'mllm', 'a.md'));
    expect(parseEntrySource(file, text).body.trim()).toBe('');
  });

  it('refuses an unknown or missing section and lists the valid ids', () => {
    expect(refusal({ section: 'mlm', url: 'https://a.org/', title: 'A' }).message).toBe(
      'unknown section "mlm"; valid sections: mllm, benchmarks',
    );
    expect(refusal({ url: 'https://a.org/', title: 'A' })).toMatchObject({
      code: 'unknown-section',
      message: expect.stringContaining('mllm, benchmarks'),
    });
  });

  it.each(['javascript:alert(1)', 'ftp://example.org/paper.pdf', 'arxiv.org/abs/2401.00001', ''])('refuses the URL %j', (url) => {
    expect(refusal({ section: 'mllm', url, title: 'A' }).code).toBe('bad-url');
  });

  it('refuses a missing title with a clear message', () => {
    const error = refusal({ section: 'mllm', url: 'https://arxiv.org/abs/2401.00001', title: '  ' });
    expect(error.code).toBe('missing-title');
    expect(error.message).toMatch(/^no title given/);
  });

  it('refuses a paper the section already has, by arXiv id or by title, naming the file', () => {
    const byArxiv = refusal({ section: 'mllm', url: 'https://huggingface.co/papers/2409.12191', title: 'Qwen2 VL' });
    expect(byArxiv).toMatchObject({ code: 'duplicate', existingFile: path.join(root, 'mllm', '2409.12191.yaml') });
    expect(byArxiv.message).toBe(
      'this paper is already in section "mllm": content/mllm/2409.12191.yaml (same arXiv id 2409.12191)',
    );

    const byTitle = refusal({ section: 'mllm', url: 'https://arxiv.org/abs/2304.08485', title: 'visual instruction  tuning!' });
    expect(byTitle.message).toBe(
      'this paper is already in section "mllm": content/mllm/visual-instruction-tuning.yaml (same title)',
    );
  });

  it('accepts the same paper in another section, naming the entries there', () => {
    const entry = create({ section: 'benchmarks', url: 'https://arxiv.org/abs/2409.12191', title: 'Qwen2-VL' });
    expect(entry.file).toBe(path.join(root, 'benchmarks', '2409.12191.yaml'));
    expect(entry.listedIn).toEqual([
      {
        section: 'mllm',
        file: path.join(root, 'mllm', '2409.12191.yaml'),
        id: '2409.12191',
        title: 'Qwen2-VL: Enhancing Vision-Language Model’s Perception of the World at Any Resolution',
        why: 'same arXiv id 2409.12191',
      },
    ]);
    // Known only by its title, in other case and punctuation.
    expect(
      create({ section: 'benchmarks', url: 'https://github.com/haotian-liu/LLaVA', title: 'VISUAL instruction-tuning.' })
        .listedIn,
    ).toEqual([expect.objectContaining({ file: path.join(root, 'mllm', 'visual-instruction-tuning.yaml'), why: 'same title' })]);
    expect(create({ section: 'benchmarks', url: 'https://arxiv.org/abs/2311.16502', title: 'MMMU' }).listedIn).toEqual([]);
  });

  it('refuses a paper the section has through an entry of another section, naming the file and the chain', () => {
    // The new paper shares its arXiv id with benchmarks/llava.yaml, which has the title of mllm/visual-instruction-tuning.yaml.
    writeEntry('benchmarks/llava.yaml', 'Visual Instruction Tuning', 'https://arxiv.org/abs/2304.08485');
    const error = refusal({ section: 'mllm', url: 'https://arxiv.org/pdf/2304.08485v2', title: 'LLaVA' });
    expect(error).toMatchObject({
      code: 'duplicate',
      existingFile: path.join(root, 'mllm', 'visual-instruction-tuning.yaml'),
      samePaper: 'through benchmarks/llava.yaml: same arXiv id 2304.08485, then same title',
    });
    expect(error.message).toBe(
      'this paper is already in section "mllm": content/mllm/visual-instruction-tuning.yaml (through benchmarks/llava.yaml: same arXiv id 2304.08485, then same title)',
    );
  });

  it('refuses a paper that would make two papers of another section one, naming both files', () => {
    writeEntry('benchmarks/foo.yaml', 'Foo', 'https://github.com/foo/foo');
    writeEntry('benchmarks/bar.yaml', 'Bar', 'https://arxiv.org/abs/2401.00001');
    const error = refusal({ section: 'mllm', url: 'https://arxiv.org/abs/2401.00001', title: 'Foo' });
    expect(error).toMatchObject({ code: 'duplicate', existingFile: undefined, samePaper: undefined });
    expect(error.message).toBe(
      'this paper would join two entries of section "benchmarks" into one paper: content/benchmarks/foo.yaml and content/benchmarks/bar.yaml (through mllm/2401.00001.yaml: same title, then same arXiv id 2401.00001); check its title and links, or merge those two entries',
    );
  });

  it('refuses what the schema refuses, with the field named', () => {
    expect(() => createEntry({ section: 'mllm', url: 'https://a.org/', title: 'A' }, { root, today: '2025-02-30' })).toThrow(
      expect.objectContaining({ code: 'invalid-entry', message: 'added: is not a real calendar date' }),
    );
  });

  it('refuses a long note with a component that MDX does not allow, naming the allowed ones', () => {
    const error = refusal({
      section: 'mllm',
      url: 'https://a.org/',
      title: 'A',
      note: 'fine\n\n<Tip>no</Tip> and {1 + 1}',
      long: true,
    });
    expect(error.code).toBe('invalid-entry');
    expect(error.message).toMatch(
      /^the note uses components, so it is MDX, where only Markdown and the allowed components may stand: note line 3: unknown component <Tip>: entries may use only </,
    );
    // The same text is fine as a YAML note, which is never compiled.
    expect(() => create({ section: 'mllm', url: 'https://a.org/', title: 'A', note: '<Tip>no</Tip> {1 + 1}' })).not.toThrow();
  });

  it('writes nothing itself', () => {
    create({ section: 'mllm', url: 'https://arxiv.org/abs/2401.00001', title: 'A' });
    expect(readdirSync(path.join(root, 'mllm')).sort()).toEqual(['2409.12191.yaml', 'visual-instruction-tuning.yaml']);
  });
});

describe('the published month', () => {
  it('comes from a new-style arXiv id, and a given one wins', () => {
    expect(monthOfArxivId('2408.03326')).toBe('2024-08');
    expect(monthOfArxivId('0704.0001v2')).toBe('2007-04');
    expect(monthOfArxivId('hep-th/9901001')).toBeUndefined();
    expect(monthOfArxivId(undefined)).toBeUndefined();
    const given = create({ section: 'mllm', url: 'https://arxiv.org/abs/2408.03326', title: 'OV', published: '2024-09' });
    expect(paperSchema.parse(parseEntrySource(given.file, given.text).data).published).toBe('2024-09');
    const none = create({ section: 'mllm', url: 'https://example.org/p', title: 'No arXiv' });
    expect(paperSchema.parse(parseEntrySource(none.file, none.text).data).published).toBeUndefined();
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(refusal({ section: 'mllm', url: 'https://a.org/', title: 'A', published: '2024-13' }).message).toMatch(
      /^published: must be a month written YYYY-MM/,
    );
  });
});
