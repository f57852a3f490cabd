import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Problem } from '../../src/lib/content/problems';
import { validateContent } from '../../src/lib/validate/validate';

/** Temporary content folders for the validation tests (tests/unit/validate/*.test.ts), and their problems. */

/** Three sections; the third has no folder, which is fine. */
export const REGISTRY = `- id: mllm
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
export function yamlEntry({
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
export function contentFolder(files: Record<string, string>, registry: string | null = REGISTRY): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'validate-test-'));
  roots.push(root);
  if (registry !== null) writeFileSync(path.join(root, 'sections.yaml'), registry);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** Deletes every folder `contentFolder` made (call in afterEach). */
export function removeContentFolders(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** Problems with files relative to the root, so expectations read like the report. */
export function problemsIn(root: string): Problem[] {
  return validateContent({ root }).map((problem) => ({ ...problem, file: path.relative(root, problem.file) }));
}

/** The one problem found in `files`, asserting there is exactly one. */
export function onlyProblem(files: Record<string, string>): Problem {
  const problems = problemsIn(contentFolder(files));
  expect(problems).toHaveLength(1);
  return problems[0]!;
}
