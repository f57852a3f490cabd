import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createEntry, NewEntryError, type NewEntryInput } from '../../scripts/lib/list/new-entry';
import { openContentRoot } from '../../src/lib/content/content-root';
import { REPO_ROOT } from '../../src/lib/paths';

/**
 * What a newcomer does, from CONTRIBUTING.md: its `npm run new` example, and other newcomers'
 * papers (generated, awkward on purpose: brackets, parentheses, venues in any words, a relative
 * of an existing paper such as Qwen2.5-VL).
 */
const doc = () => readFileSync(path.join(REPO_ROOT, 'CONTRIBUTING.md'), 'utf8');

/** The `sh` block of CONTRIBUTING.md that starts with `npm run new`, exactly as written. */
export function contributingBlock(): string {
  const block = /^```sh\n(npm run new[\s\S]*?)^```$/m.exec(doc())?.[1];
  if (!block) throw new Error('CONTRIBUTING.md has no ```sh block starting with `npm run new`');
  return block;
}

/** The file the block promises to write (`# → content/mllm/x.yaml`). */
export function promisedFile(): string {
  const promised = /# → (content\/\S+)/.exec(contributingBlock())?.[1];
  if (!promised) throw new Error('the `npm run new` block of CONTRIBUTING.md does not say which file it writes (# → content/…)');
  return promised;
}

/** The argv the block gives `scripts/new.ts` (after `npm run new --`), split as a shell would. */
export function contributingArgv(): string[] {
  const command = contributingBlock()
    .replace(/\\\n\s*/g, ' ')
    .split('\n')[0]!;
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!).slice(4);
}

const word = fc.constantFrom('Vision', 'Qwen2.5-VL', 'Video', 'Mixture-of-Experts', 'RLHF', 'Omni', '视觉', 'Long', 'Token');
const newPaper: fc.Arbitrary<Omit<NewEntryInput, 'section'>> = fc.record({
  title: fc
    .tuple(fc.array(word, { minLength: 2, maxLength: 6 }), fc.constantFrom('', ': A Survey', ' [v2]', ' (Extended)'))
    .map(([words, tail]) => `${words.join(' ')}${tail}`),
  url: fc.constantFrom('https://example.org/paper', 'https://github.com/o/r', 'https://openreview.net/forum?id=x'),
  note: fc.constantFrom('', '统一的视频理解（含长视频）', 'a note (with a remark) and more', 'plain note'),
  tags: fc.constantFrom([], ['video'], ['high resolution', 'MoE']),
  venue: fc.constantFrom('', 'arXiv', 'CVPR 2025', 'Nature Machine Intelligence', 'ICLR 2025 (Oral)'),
  org: fc.constantFrom('', 'Alibaba', 'Shanghai AI Lab'),
});

/**
 * Adds a fixed batch of generated papers to the content folder `root` with `npm run new`'s own
 * createEntry, spread over every section; returns the files written. A title a section already
 * has is refused as a duplicate and skipped: that is the tool working.
 */
export function addGeneratedPapers(root: string, count = 40): string[] {
  const sections = openContentRoot(root).sections();
  const written: string[] = [];
  fc.sample(newPaper, { numRuns: count, seed: 15 }).forEach((paper, index) => {
    const section = sections[index % sections.length]!.id;
    try {
      const entry = createEntry({ ...paper, section, url: `${paper.url}/${index}` }, { root, today: '2026-01-02' });
      writeFileSync(entry.file, entry.text);
      written.push(entry.file);
    } catch (error) {
      if (!(error instanceof NewEntryError && error.code === 'duplicate')) throw error;
    }
  });
  return written;
}
