import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGlossary, readGlossary } from '../../../src/lib/content/glossary-file';
import { formatProblem } from '../../../src/lib/content/problems';
import { loadSections } from '../../../src/lib/content/sections';
import { validateContent } from '../../../src/lib/validate/validate';

const root = mkdtempSync(path.join(os.tmpdir(), 'yaml-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SECTION = '- id: mllm\n  title: Multimodal LLMs\n  description: Models.\n  order: 1\n';
const ENTRY = 'title: Qwen2-VL\nlinks:\n  - kind: paper\n    url: https://arxiv.org/abs/2409.12191\nadded: 2024-09-20\n';
const CONCEPT = '- id: hallucination\n  en: [hallucination]\n  zh: [幻觉]\n';

/** A content folder with the three YAML files, each written as given. */
function contentFolder(name: string, { registry = SECTION, entry = ENTRY, glossary = CONCEPT }): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'mllm'), { recursive: true });
  writeFileSync(path.join(dir, 'sections.yaml'), registry);
  writeFileSync(path.join(dir, 'mllm', 'qwen2-vl.yaml'), entry);
  writeFileSync(path.join(dir, 'glossary.yaml'), glossary);
  return dir;
}

/** Every problem validation finds, printed as `npm run validate` prints them, relative to the folder. */
const validated = (dir: string) => validateContent({ root: dir }).map((problem) => formatProblem(problem, dir));

/** What loading a file for the build throws. */
function thrown(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('did not throw');
}

describe('the registry, the glossary and the entries report problems alike', () => {
  it('a YAML syntax error: path:line: (syntax): what to write instead', () => {
    const quoteIt = (field: string, value: string) => `(syntax): quote the ${field}: ${field}: "${value}"`;
    const entry = contentFolder('syntax-entry', { entry: ENTRY.replace('title: Qwen2-VL', 'title: Qwen2-VL: Better') });
    expect(validated(entry)).toEqual([`mllm/qwen2-vl.yaml:1: ${quoteIt('title', 'Qwen2-VL: Better')}`]);

    const glossary = contentFolder('syntax-glossary', { glossary: CONCEPT.replace('en: [hallucination]', 'en: a: b') });
    expect(validated(glossary)).toEqual([`glossary.yaml:2: ${quoteIt('en', 'a: b')}`]);
    expect(thrown(() => loadGlossary(glossary))).toBe(
      formatProblem(readGlossary(path.join(glossary, 'glossary.yaml')).problems[0]!),
    );

    const registry = contentFolder('syntax-registry', { registry: SECTION.replace('Multimodal LLMs', 'Models: MLLMs') });
    expect(validated(registry)).toEqual([`sections.yaml:2: ${quoteIt('title', 'Models: MLLMs')}`]);
    expect(thrown(() => loadSections(path.join(registry, 'sections.yaml')))).toBe(
      formatProblem({
        file: path.join(registry, 'sections.yaml'),
        line: 2,
        field: '(syntax)',
        message: quoteIt('title', 'Models: MLLMs').slice(10),
        severity: 'error',
      }),
    );
  });

  it('a schema violation: path:line: field: message, at the field', () => {
    const entry = contentFolder('schema-entry', { entry: ENTRY.replace('kind: paper', 'kind: papr') });
    expect(validated(entry)).toEqual([expect.stringMatching(/^mllm\/qwen2-vl\.yaml:3: links\.0\.kind: must be one of: paper, /)]);

    const glossary = contentFolder('schema-glossary', { glossary: `${CONCEPT}  typo: 1\n` });
    expect(validated(glossary)).toEqual(['glossary.yaml:4: 0.typo: unknown field (check the spelling)']);

    const registry = contentFolder('schema-registry', { registry: SECTION.replace('order: 1', 'order: first') });
    expect(validated(registry)).toEqual(['sections.yaml:4: 0.order: must be a whole number']);
    expect(thrown(() => loadSections(path.join(registry, 'sections.yaml')))).toMatch(
      /sections\.yaml:4: 0\.order: must be a whole number$/,
    );
  });
});
