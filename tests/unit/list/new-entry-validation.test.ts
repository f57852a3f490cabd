import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEntry, NewEntryError, type NewEntryInput } from '../../../scripts/lib/list/new-entry';
import { validateContent } from '../../../src/lib/validate/validate';
import { removeContentRoot, root, setUpContentRoot, TODAY, writeEntry } from '../../helpers/new-entry';

/** `npm run new` against validation: over a table of lists, createEntry accepts exactly what validation accepts once written. */

beforeEach(setUpContentRoot);
afterEach(removeContentRoot);

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
