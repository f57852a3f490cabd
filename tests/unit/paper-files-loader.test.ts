import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { paperFiles } from '../../src/loaders/paper-files';

/**
 * The loader against a small in-memory store, with Astro's parts it calls (parseData,
 * renderMarkdown, generateDigest) recorded: what it stores, what it skips, what it drops.
 */
function fakeContext(root: string) {
  const entries = new Map<string, Record<string, unknown>>();
  const rendered: string[] = [];
  const parsed: string[] = [];
  const context = {
    collection: 'mllm',
    config: { root: pathToFileURL(`${root}/`) },
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Record<string, unknown> & { id: string }) => (entries.set(entry.id, entry), true),
      keys: () => [...entries.keys()],
      delete: (id: string) => void entries.delete(id),
    },
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => (parsed.push(id), data),
    renderMarkdown: async (body: string) => (rendered.push(body), { html: `<p>${body.trim()}</p>` }),
    generateDigest: (text: string) => `${text.length}:${text}`,
    logger: { info() {}, warn() {}, error() {} },
  } as unknown as LoaderContext;
  return { context, entries, rendered, parsed };
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function sectionFolder(files: Record<string, string>): { root: string; dir: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'paper-files-'));
  roots.push(root);
  const dir = path.join(root, 'content', 'mllm');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { root, dir };
}

const YAML = 'title: Qwen2-VL\nlinks: []\nadded: 2024-09-20\n';
const MDX = '---\ntitle: Long\nlinks: []\nadded: 2024-09-21\n---\n\nA **long** note.\n';

describe('paperFiles loader', () => {
  it('stores each YAML and MDX file under its file name, rendering only MDX bodies, as Markdown', async () => {
    const { root, dir } = sectionFolder({ '2409.12191.yaml': YAML, 'long.mdx': MDX, 'notes.txt': 'ignored' });
    const { context, entries, rendered } = fakeContext(root);
    await paperFiles(dir).load(context);
    expect([...entries.keys()].sort()).toEqual(['2409.12191', 'long']);
    expect(entries.get('2409.12191')).toMatchObject({
      data: { title: 'Qwen2-VL', added: '2024-09-20' },
      filePath: 'content/mllm/2409.12191.yaml',
      rendered: undefined,
    });
    expect(entries.get('long')).toMatchObject({ body: '\nA **long** note.\n', rendered: { html: '<p>A **long** note.</p>' } });
    expect(rendered).toEqual(['\nA **long** note.\n']);
  });

  it('keeps unchanged entries without parsing them again, and drops entries whose file is gone', async () => {
    const { root, dir } = sectionFolder({ 'a.yaml': YAML, 'b.yaml': YAML, 'long.mdx': MDX });
    const { context, entries, parsed, rendered } = fakeContext(root);
    await paperFiles(dir).load(context);
    writeFileSync(path.join(dir, 'a.yaml'), YAML.replace('Qwen2-VL', 'Qwen2.5-VL'));
    unlinkSync(path.join(dir, 'long.mdx'));
    await paperFiles(dir).load(context);
    expect(parsed).toEqual(['a', 'b', 'long', 'a']);
    expect(rendered).toHaveLength(1);
    expect([...entries.keys()].sort()).toEqual(['a', 'b']);
    expect(entries.get('a')).toMatchObject({ data: { title: 'Qwen2.5-VL' } });
  });

  it('treats a registered section without a folder as empty', async () => {
    const { root } = sectionFolder({});
    const { context, entries } = fakeContext(root);
    await paperFiles(path.join(root, 'content', 'benchmarks')).load(context);
    expect(entries.size).toBe(0);
  });

  it('stops at a YAML syntax error, naming the file and line', async () => {
    const { root, dir } = sectionFolder({ 'bad.yaml': 'title: x\nlinks:\n  - kind: paper\n   url: https://x.org\n' });
    await expect(paperFiles(dir).load(fakeContext(root).context)).rejects.toThrow(/bad\.yaml:4: /);
  });

  it('words a schema failure as npm run validate does, not as raw Zod text', async () => {
    const { root, dir } = sectionFolder({ 'bad.yaml': 'links:\n  - kind: paper\n    url: https://x.org\nadded: 2024-01-01\n' });
    const { context } = fakeContext(root);
    // Astro's parseData rejects with Zod's own wording, as it does in `astro dev`.
    context.parseData = async () => {
      throw new Error('**title**: **title**: Required');
    };
    const failure = paperFiles(dir).load(context);
    await expect(failure).rejects.toThrow(/bad\.yaml:1: title: is required$/);
    await expect(failure).rejects.not.toThrow(/\*\*/);
  });
});
