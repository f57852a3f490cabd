import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayUtc } from '../../../scripts/lib/cli';
import { answerChecks, parseNewEntryArgs, resolveSectionChoice, splitTags } from '../../../scripts/lib/list/new-entry';
import { parseEntrySource } from '../../../src/lib/content/entry-files';
import { REPO_ROOT } from '../../../src/lib/paths';
import { loadSections } from '../../../src/lib/content/sections';
import { paperSchema } from '../../../src/schemas/paper';
import { runScript } from '../../helpers/run';
import { removeContentRoot, root, setUpContentRoot } from '../../helpers/new-entry';

/** `npm run new` as a command: its flags, the interactive answers and their checks, and the script's output and exit codes. */

beforeEach(setUpContentRoot);
afterEach(removeContentRoot);

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

  it('writes a paper another section lists, saying where in the words of the suggestion', async () => {
    expect(
      await run([
        '--section',
        'benchmarks',
        '--url',
        'https://github.com/haotian-liu/LLaVA',
        '--title',
        'Visual instruction tuning',
      ]),
    ).toEqual({
      status: 0,
      stdout: `${path.relative(REPO_ROOT, path.join(root, 'benchmarks', 'visual-instruction-tuning.yaml'))}\n`,
      stderr:
        'Already listed in Multimodal Large Language Models as Visual Instruction Tuning (content/mllm/visual-instruction-tuning.yaml); this adds it to BenchMark and Dataset too.\n',
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
