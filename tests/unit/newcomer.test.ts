import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentIds, exportedIds } from '../../scripts/lib/checks/check-counts';
import { createEntry, parseNewEntryArgs, type NewEntryInput } from '../../scripts/lib/list/new-entry';
import { parseList } from '../../scripts/lib/list/parse';
import { exportListFromDisk } from '../../scripts/lib/list/write';
import { openContentRoot } from '../../src/lib/content-root';
import { contentRoot, REPO_ROOT } from '../../src/lib/paths';
import { validateContent } from '../../src/lib/validate';
import { runScript } from '../helpers/run';

/**
 * The newcomer's path, and the rule that adding a valid paper never turns a check red: a copy of
 * content/ gets the exact `npm run new` command CONTRIBUTING.md shows, then a batch of other new
 * papers (generated, awkward on purpose: brackets, parentheses, venues in any words, a relative of
 * an existing paper such as Qwen2.5-VL), and every content-dependent check runs on it.
 */
const doc = readFileSync(path.join(REPO_ROOT, 'CONTRIBUTING.md'), 'utf8');

/** The argv of the `npm run new` example in CONTRIBUTING.md, split as a shell would. */
function contributingCommand(): string[] {
  const block = /^```sh\n(npm run new[\s\S]*?)^```$/m.exec(doc)![1]!;
  const command = block.replace(/\\\n\s*/g, ' ').split('\n')[0]!;
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

let temp: string;
let root: string;
const added: string[] = [];

beforeAll(() => {
  temp = mkdtempSync(path.join(tmpdir(), 'newcomer-'));
  root = path.join(temp, 'content');
  cpSync(contentRoot(), root, { recursive: true });
  const first = createEntry(parseNewEntryArgs(contributingCommand()), { root, today: '2026-01-01' });
  writeFileSync(first.file, first.text);
  added.push(first.file);
  // Then other newcomers' papers, into every section; a duplicate title in a section is refused, so skip those.
  const sections = openContentRoot(root).sections();
  const papers = fc.sample(newPaper, { numRuns: 40, seed: 15 });
  papers.forEach((paper, index) => {
    const section = sections[index % sections.length]!.id;
    try {
      const entry = createEntry({ ...paper, section, url: `${paper.url}/${index}` }, { root, today: '2026-01-02' });
      writeFileSync(entry.file, entry.text);
      added.push(entry.file);
    } catch {
      // Refused as a duplicate of an earlier generated paper: that is the tool working.
    }
  });
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a newcomer adds papers', () => {
  it('writes the file CONTRIBUTING.md promises, with the venue and published month', () => {
    const promised = /# → (content\/\S+)/.exec(doc)![1]!;
    expect(path.relative(temp, added[0]!)).toBe(promised);
    expect(readFileSync(added[0]!, 'utf8')).toMatch(/\nvenue: arXiv\n/);
    expect(readFileSync(added[0]!, 'utf8')).toMatch(/\npublished: 2024-08\n/);
    expect(added.length).toBeGreaterThan(20);
  });

  it('validates with no error', () => {
    expect(validateContent({ root }).filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('exports the list, which reads back with every paper', () => {
    const exported = exportListFromDisk(root);
    expect(exported.problems).toEqual([]);
    const sections = openContentRoot(root).sections();
    const parsed = parseList(
      exported.text,
      sections.map((section) => section.title),
    );
    expect(parsed.problems).toEqual([]);
    const entries = parsed.sections.reduce((sum, section) => sum + section.entries.length, 0);
    expect(entries).toBe(openContentRoot(root).entrySources().length);
  });

  it('keeps the counts check green between files and the exported list', () => {
    const sections = openContentRoot(root).sections();
    const files = contentIds(root, sections);
    const exported = exportedIds(root, sections);
    expect(exported.problems).toEqual([]);
    for (const section of sections)
      expect(exported.ids.get(section.id)?.length ?? 0, section.id).toBe(files.get(section.id)?.length ?? 0);
  });

  it('passes the real commands: npm run validate and npm run export:readme', async () => {
    const validate = await runScript('scripts/validate.ts', ['--content', root]);
    expect(validate.status, validate.stdout + validate.stderr).toBe(0);
    const exported = await runScript('scripts/export-readme.ts', ['--content', root, '--out', path.join(temp, 'README.md')]);
    expect(exported.status, exported.stderr).toBe(0);
  });
});
