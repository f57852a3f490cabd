import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseEntrySource } from '../../../src/lib/content/entry-files';
import { validateContent } from '../../../src/lib/validate/validate';
import { closeYamlHandoff, openYamlHandoff, takeHandedOn } from '../../../src/lib/content/yaml-handoff';
import { parseYaml } from '../../../src/lib/content/yaml-file';

const root = mkdtempSync(path.join(os.tmpdir(), 'yaml-handoff-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => closeYamlHandoff());

const ENTRY = 'title: Qwen2-VL\nlinks:\n  - kind: paper\n    url: https://arxiv.org/abs/2409.12191\nadded: 2024-09-20\n';
const RECORD =
  'source: arxiv\nfetched: "2026-12-01"\narxiv: 2409.12191v1\ntitle: Qwen2-VL\nauthors:\n  - Peng Wang\npublished: "2024-09-18"\nurl: https://arxiv.org/abs/2409.12191\n';

describe('a build parses each YAML text once (lib/content/yaml-handoff)', () => {
  it('the second read of a text takes the first read’s data, once; lines are still found', () => {
    openYamlHandoff();
    const first = parseYaml(ENTRY);
    const second = parseYaml(ENTRY);
    expect(second.data).toBe(first.data);
    expect(second.syntaxErrors).toEqual([]);
    expect(second.lineOf(['links', 0, 'url'])).toBe(4);
    // The same text starting at another line (an .md entry's frontmatter) is another parse.
    expect(parseYaml(ENTRY, 2).data).not.toBe(first.data);
    expect(parseYaml(ENTRY).data).not.toBe(first.data);
  });

  it('nothing is handed on when no build opened the hand-off, nor a text with a syntax error', () => {
    expect(parseYaml(ENTRY).data).not.toBe(parseYaml(ENTRY).data);
    openYamlHandoff();
    const broken = 'title: [unclosed\n';
    expect(parseYaml(broken).syntaxErrors).not.toEqual([]);
    expect(parseYaml(broken).syntaxErrors).not.toEqual([]);
    expect(takeHandedOn(broken, 1)).toBeUndefined();
  });

  it('the validator hands on every entry and record as the loaders read them, and closing forgets them', () => {
    const dir = path.join(root, 'content');
    mkdirSync(path.join(dir, 'mllm'), { recursive: true });
    mkdirSync(path.join(dir, 'records', 'mllm'), { recursive: true });
    writeFileSync(path.join(dir, 'sections.yaml'), '- id: mllm\n  title: Multimodal LLMs\n  description: Models.\n  order: 1\n');
    writeFileSync(path.join(dir, 'mllm', 'qwen2-vl.yaml'), ENTRY);
    const frontmatter = ENTRY.replace('Qwen2-VL', 'Qwen2-VL, long').replace('2409.12191', '2401.00001');
    const note = `---\n${frontmatter}---\n\nA long note.\n`;
    writeFileSync(path.join(dir, 'mllm', 'qwen2-vl-long.md'), note);
    writeFileSync(path.join(dir, 'records', 'mllm', 'qwen2-vl.yaml'), RECORD);
    openYamlHandoff();
    expect(validateContent({ root: dir }).filter((problem) => problem.severity === 'error')).toEqual([]);
    // The paper loader's read of the .md entry (frontmatter from line 2), then the record loader's.
    expect(takeHandedOn(frontmatter, 2)).toBeDefined();
    expect(parseEntrySource(path.join(dir, 'mllm', 'qwen2-vl-long.md'), note).data).toMatchObject({ title: 'Qwen2-VL, long' });
    expect(takeHandedOn(RECORD, 1)).toBeDefined();
    closeYamlHandoff();
    expect(takeHandedOn(ENTRY, 1)).toBeUndefined();
  });
});
