import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayUtc } from '../../scripts/lib/cli';
import { parseEntrySource, serializeEntry } from '../../src/lib/entry-files';
import {
  answerChecks,
  createEntry,
  monthOfArxivId,
  NewEntryError,
  parseNewEntryArgs,
  resolveSectionChoice,
  splitTags,
  type NewEntryInput,
} from '../../scripts/lib/list/new-entry';
import { REPO_ROOT } from '../../src/lib/paths';
import { validateContent } from '../../src/lib/validate';
import { loadSections } from '../../src/lib/sections';
import { paperSchema } from '../../src/schemas/paper';
import { runScript } from '../helpers/run';

const TODAY = '2025-03-04';
let root: string;

beforeEach(() => {
  root = path.join(mkdtempSync(path.join(tmpdir(), 'new-entry-')), 'content');
  mkdirSync(path.join(root, 'mllm'), { recursive: true });
  writeFileSync(
    path.join(root, 'sections.yaml'),
    [
      '- { id: mllm, title: Multimodal Large Language Models, description: Models., order: 1 }',
      '- { id: benchmarks, title: BenchMark and Dataset, description: Benchmarks., order: 2 }',
    ].join('\n'),
  );
  writeFileSync(
    path.join(root, 'mllm', '2409.12191.yaml'),
    serializeEntry({
      title: 'Qwen2-VL: Enhancing Vision-Language Model’s Perception of the World at Any Resolution',
      links: [{ kind: 'paper', url: 'https://arxiv.org/abs/2409.12191' }],
      added: '2024-09-20',
      arxiv: '2409.12191',
    }),
  );
  writeFileSync(
    path.join(root, 'mllm', 'visual-instruction-tuning.yaml'),
    serializeEntry({
      title: 'Visual Instruction Tuning',
      links: [{ kind: 'project', url: 'https://llava-vl.github.io/' }],
      added: '2023-04-20',
    }),
  );
});

afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

const create = (input: NewEntryInput) => createEntry(input, { root, today: TODAY });

/** Writes a valid entry at `file` (relative to the content root) with one paper link. */
function writeEntry(file: string, title: string, url: string, into = root) {
  mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
  writeFileSync(path.join(into, file), serializeEntry({ title, links: [{ kind: 'paper', url }], added: '2024-01-01' }));
}

function refusal(input: NewEntryInput): NewEntryError {
  try {
    create(input);
  } catch (error) {
    expect(error).toBeInstanceOf(NewEntryError);
    return error as NewEntryError;
  }
  throw new Error('expected createEntry to refuse');
}

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

  it('accepts the same paper in another section', () => {
    expect(create({ section: 'benchmarks', url: 'https://arxiv.org/abs/2409.12191', title: 'Qwen2-VL' }).file).toBe(
      path.join(root, 'benchmarks', '2409.12191.yaml'),
    );
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

describe('createEntry and validation', () => {
  /** A paper to add, the entries the list has besides the two of mllm, and whether it belongs on the list. */
  const CASES: { name: string; input: NewEntryInput; files?: Record<string, [string, string] | string>; accepted: boolean }[] = [
    { name: 'a new paper', input: { section: 'mllm', url: 'https://arxiv.org/abs/2401.11111', title: 'New' }, accepted: true },
    {
      name: 'its section has the arXiv id',
      input: { section: 'mllm', url: 'https://arxiv.org/abs/2409.12191', title: 'Other' },
      accepted: false,
    },
    {
      name: 'its section has the title',
      input: { section: 'mllm', url: 'https://example.org/vit', title: 'Visual Instruction Tuning' },
      accepted: false,
    },
    {
      name: 'another section has it',
      input: { section: 'benchmarks', url: 'https://arxiv.org/abs/2409.12191', title: 'Qwen2-VL' },
      accepted: true,
    },
    {
      name: 'its section has it through another section',
      input: { section: 'mllm', url: 'https://arxiv.org/abs/2304.08485', title: 'LLaVA' },
      files: { 'benchmarks/llava.yaml': ['Visual Instruction Tuning', 'https://arxiv.org/abs/2304.08485'] },
      accepted: false,
    },
    {
      name: 'two other sections have it, one through the other',
      input: { section: 'benchmarks', url: 'https://arxiv.org/abs/2304.08485', title: 'LLaVA' },
      files: { 'survey/llava.yaml': ['Visual Instruction Tuning', 'https://arxiv.org/abs/2304.08485'] },
      accepted: true,
    },
    {
      name: 'it joins two papers of another section',
      input: { section: 'mllm', url: 'https://arxiv.org/abs/2401.00001', title: 'Foo' },
      files: {
        'benchmarks/foo.yaml': ['Foo', 'https://github.com/foo/foo'],
        'benchmarks/bar.yaml': ['Bar', 'https://arxiv.org/abs/2401.00001'],
      },
      accepted: false,
    },
    {
      name: 'it joins a paper another section already lists twice',
      input: { section: 'mllm', url: 'https://arxiv.org/abs/2401.00001', title: 'Baz' },
      files: {
        'benchmarks/foo.yaml': ['Foo', 'https://arxiv.org/abs/2401.00001'],
        'benchmarks/foo-2.yaml': ['Foo 2', 'https://arxiv.org/abs/2401.00001'],
      },
      accepted: true,
    },
    {
      name: 'only an entry of its section that fails the schema has it',
      input: { section: 'mllm', url: 'https://arxiv.org/abs/2401.22222', title: 'Broken' },
      files: { 'mllm/broken.yaml': 'title: Broken\nadded: 2024-01-01\n' },
      accepted: true,
    },
  ];

  it('accepts exactly what validation accepts once it is written', () => {
    writeFileSync(
      path.join(root, 'sections.yaml'),
      `${readFileSync(path.join(root, 'sections.yaml'), 'utf8')}\n- { id: survey, title: Survey, description: Surveys., order: 3 }\n`,
    );
    const outcomes = CASES.map(({ name, input, files = {} }, index) => {
      const folder = path.join(path.dirname(root), `case-${index}`);
      cpSync(root, folder, { recursive: true });
      for (const [file, entry] of Object.entries(files))
        if (typeof entry === 'string') writeFileSync(path.join(folder, file), entry);
        else writeEntry(file, ...entry, folder);
      const errors = () => validateContent({ root: folder }).filter((problem) => problem.severity === 'error').length;
      const before = errors();
      let created: boolean;
      try {
        const entry = createEntry(input, { root: folder, today: TODAY });
        mkdirSync(path.dirname(entry.file), { recursive: true });
        writeFileSync(entry.file, entry.text);
        created = true;
      } catch (error) {
        if (!(error instanceof NewEntryError && error.code === 'duplicate')) throw error;
        // What it refused, written by hand, is what validation refuses.
        writeEntry(`${input.section}/by-hand.yaml`, input.title!, input.url!, folder);
        created = false;
      }
      return { name, created, validates: errors() === before };
    });
    expect(outcomes).toEqual(CASES.map(({ name, accepted }) => ({ name, created: accepted, validates: accepted })));
  });
});

describe('command-line input', () => {
  it('reads the flags, splitting tags', () => {
    expect(
      parseNewEntryArgs(['--section', 'mllm', '--url', 'https://a.org/', '--title', 'A', '--tags', 'x, y,,x', '--long']),
    ).toEqual({
      section: 'mllm',
      url: 'https://a.org/',
      title: 'A',
      tags: ['x', 'y'],
      long: true,
    });
    expect(() => parseNewEntryArgs(['--titel', 'A'])).toThrow(/titel/);
    // The file's kind follows the note (see createEntry): there is no flag to force .mdx.
    expect(() => parseNewEntryArgs(['--mdx'])).toThrow(/mdx/);
  });

  it('splits tags, dropping blanks and repeats', () => {
    expect(splitTags(' a ,b,, a')).toEqual(['a', 'b']);
    expect(splitTags(undefined)).toEqual([]);
  });

  it('takes a section by its number in the shown list or by id', () => {
    const sections = loadSections(path.join(root, 'sections.yaml'));
    expect(resolveSectionChoice('2', sections)).toBe('benchmarks');
    expect(resolveSectionChoice(' mllm ', sections)).toBe('mllm');
    expect(resolveSectionChoice('9', sections)).toBe('9');
  });

  it('dates entries in UTC', () => {
    expect(todayUtc(new Date('2025-03-04T23:30:00-05:00'))).toBe('2025-03-05');
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

describe('interactive answers', () => {
  it('are checked one by one, each refusal saying why', () => {
    const checks = answerChecks(root);
    expect(checks.section('2')).toBeUndefined();
    expect(checks.section('mllm')).toBeUndefined();
    expect(checks.section('9')).toBe('no such section: give its number (1–2) or its id');
    expect(checks.url('ftp://x.org/')).toBe('the link must start with http:// or https://');
    expect(checks.url('')).toBe('a link is required');
    expect(checks.url('https://arxiv.org/abs/2408.03326')).toBeUndefined();
    expect(checks.title('')).toMatch(/^a title is required/);
    expect(checks.title('A ] B')).toMatch(/^the title has an unpaired/);
    expect(checks.note('')).toBeUndefined();
    expect(checks.note('a (b')).toMatch(/^the note has an unpaired/);
    expect(checks.tags('video, audio')).toBeUndefined();
    expect(checks.tags('video (x')).toMatch(/^a tag has an unpaired/);
    expect(checks.venue('arXiv')).toBeUndefined();
    expect(checks.published('2024-8')).toMatch(/^the month must be a month written YYYY-MM/);
    expect(checks.published('')).toBeUndefined();
  });
});

describe('npm run new', () => {
  const run = (args: string[]) => runScript('scripts/new.ts', args, { CONTENT_DIR: root });

  it('writes the entry and prints its path', async () => {
    const { status, stdout } = await run([
      '--section',
      'benchmarks',
      '--url',
      'https://arxiv.org/abs/2311.16502',
      '--title',
      'MMMU',
    ]);
    expect(status).toBe(0);
    const file = path.resolve(REPO_ROOT, stdout.trim());
    expect(file).toBe(path.join(root, 'benchmarks', '2311.16502.yaml'));
    expect(paperSchema.parse(parseEntrySource(file, readFileSync(file, 'utf8')).data)).toMatchObject({
      title: 'MMMU',
      published: '2023-11',
    });
  });

  it('refuses with one line on stderr and exit code 1', async () => {
    expect(await run(['--section', 'nope', '--url', 'https://a.org/', '--title', 'A'])).toEqual({
      status: 1,
      stdout: '',
      stderr: 'error: unknown section "nope"; valid sections: mllm, benchmarks\n',
    });
  });

  it('exits 2 on an unknown flag, repeating the usage', async () => {
    const { status, stderr } = await run(['--titel', 'A']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^error: Unknown option '--titel'.*\(usage: npm run new /);
  });
});
