import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { createEntry, NewEntryError, type NewEntryInput } from '../../scripts/lib/list/new-entry';
import { serializeEntry } from '../../src/lib/content/entry-files';

/** A content root for each test of `npm run new` (tests/unit/list/new-entry-*.test.ts), and entries made in it. */

/** The day `create` dates its entries. */
export const TODAY = '2025-03-04';
/** The current test's content root, made by `setUpContentRoot`. */
export let root: string;

/** A new content root with sections mllm and benchmarks and two entries in mllm (call in beforeEach). */
export function setUpContentRoot(): void {
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
}

/** Deletes the folder `setUpContentRoot` made (call in afterEach). */
export const removeContentRoot = () => rmSync(path.dirname(root), { recursive: true, force: true });

export const create = (input: NewEntryInput) => createEntry(input, { root, today: TODAY });

/** Writes a valid entry at `file` (relative to the content root) with one paper link. */
export function writeEntry(file: string, title: string, url: string, into = root) {
  mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
  writeFileSync(path.join(into, file), serializeEntry({ title, links: [{ kind: 'paper', url }], added: '2024-01-01' }));
}

export function refusal(input: NewEntryInput): NewEntryError {
  try {
    create(input);
  } catch (error) {
    expect(error).toBeInstanceOf(NewEntryError);
    return error as NewEntryError;
  }
  throw new Error('expected createEntry to refuse');
}
