import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { paperFiles } from '../../../src/loaders/paper-files';

/**
 * The loader against a small in-memory store, with Astro's parts it calls (parseData,
 * generateDigest, the MDX module map) recorded: what it stores, what it skips, what it drops.
 * The module map stays empty: no entry becomes a module.
 */
function fakeContext(root: string) {
  const entries = new Map<string, Record<string, unknown>>();
  const moduleImports: string[] = [];
  const parsed: string[] = [];
  const context = {
    collection: 'mllm',
    config: { root: pathToFileURL(`${root}/`) },
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Record<string, unknown> & { id: string }) => (entries.set(entry.id, entry), true),
      keys: () => [...entries.keys()],
      delete: (id: string) => void entries.delete(id),
      addModuleImport: (file: string) => void moduleImports.push(file),
    },
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => (parsed.push(id), data),
    generateDigest: (text: string) => `${text.length}:${text}`,
    logger: { info() {}, warn() {}, error() {} },
  } as unknown as LoaderContext;
  return { context, entries, moduleImports, parsed };
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
const MDX = '---\ntitle: Long\nlinks: []\nadded: 2024-09-21\n---\n\n<Callout kind="note">A **long** note.</Callout>\n';
const MD = '---\ntitle: Plain\nlinks: []\nadded: 2024-09-22\n---\n\nA **long** note, <b>raw</b>.\n';

describe('paperFiles loader', () => {
  it('stores each file under its file name: YAML as data, .md rendered with the site’s Markdown, .mdx as a tree with its components', async () => {
    const { root, dir } = sectionFolder({ '2409.12191.yaml': YAML, 'long.mdx': MDX, 'plain.md': MD, 'notes.txt': 'ignored' });
    const { context, entries, moduleImports } = fakeContext(root);
    await paperFiles(dir).load(context);
    expect([...entries.keys()].sort()).toEqual(['2409.12191', 'long', 'plain']);
    expect(entries.get('2409.12191')).toMatchObject({
      data: { title: 'Qwen2-VL', added: '2024-09-20' },
      filePath: 'content/mllm/2409.12191.yaml',
      rendered: undefined,
    });
    expect(entries.get('2409.12191')).not.toHaveProperty('deferredRender');
    expect(entries.get('plain')).toMatchObject({
      filePath: 'content/mllm/plain.md',
      rendered: { html: '<p>A <strong>long</strong> note, &#x3C;b>raw&#x3C;/b>.</p>' },
    });
    // Compiled by @astrojs/mdx's compiler into data (src/lib/render/long-note.ts), not a module.
    expect(entries.get('long')).toEqual({
      id: 'long',
      data: { title: 'Long', links: [], added: '2024-09-21' },
      body: '\n<Callout kind="note">A **long** note.</Callout>\n',
      filePath: 'content/mllm/long.mdx',
      digest: expect.any(String),
      rendered: {
        html: '',
        metadata: {
          noteTree: {
            type: 'root',
            children: [
              {
                type: 'mdxJsxFlowElement',
                name: 'Callout',
                attributes: [{ type: 'mdxJsxAttribute', name: 'kind', value: 'note' }],
                children: [
                  { type: 'text', value: 'A ' },
                  { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: 'long' }] },
                  { type: 'text', value: ' note.' },
                ],
              },
            ],
          },
        },
      },
    });
    expect(moduleImports).toEqual([]);
  });

  it('keeps an unchanged .mdx entry without compiling it again', async () => {
    const { root, dir } = sectionFolder({ 'long.mdx': MDX });
    const { context, entries, parsed } = fakeContext(root);
    await paperFiles(dir).load(context);
    const stored = entries.get('long');
    await paperFiles(dir).load(context);
    expect(parsed).toEqual(['long']);
    expect(entries.get('long')).toBe(stored);
  });

  it('keeps unchanged entries without parsing them again, and drops entries whose file is gone', async () => {
    const { root, dir } = sectionFolder({ 'a.yaml': YAML, 'b.yaml': YAML, 'long.mdx': MDX });
    const { context, entries, parsed } = fakeContext(root);
    await paperFiles(dir).load(context);
    writeFileSync(path.join(dir, 'a.yaml'), YAML.replace('Qwen2-VL', 'Qwen2.5-VL'));
    unlinkSync(path.join(dir, 'long.mdx'));
    await paperFiles(dir).load(context);
    expect(parsed).toEqual(['a', 'b', 'long', 'a']);
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

describe('paperFiles loader in astro dev', () => {
  /** The fake context with a watcher, as `astro dev` gives one, and the lines logged. */
  function devContext(root: string) {
    const fake = fakeContext(root);
    const watcher = Object.assign(new EventEmitter(), { add() {} });
    const logged: string[] = [];
    const log = (level: string) => (line: string) => logged.push(`${level}: ${line}`);
    Object.assign(fake.context, { watcher, logger: { info: log('info'), warn: log('warn'), error: log('error') } });
    /** What the watcher does on a save: one or more change events, each handled to its end. */
    const changed = async (file: string, events = 1) => {
      for (let event = 0; event < events; event++)
        await Promise.all(watcher.listeners('change').map((listener) => listener(file)));
    };
    return { ...fake, logged, changed };
  }

  it('starts with a broken file, leaving it out (content-validation has printed it) and loading the rest', async () => {
    const { root, dir } = sectionFolder({ 'bad.yaml': 'title: Foo: Bar\nlinks: []\nadded: 2024-01-01\n', 'good.yaml': YAML });
    const { context, entries, logged } = devContext(root);
    await paperFiles(dir).load(context);
    expect([...entries.keys()]).toEqual(['good']);
    expect(logged).toEqual([]);
  });

  it('prints a broken save once however many events it fires, and reloads the fixed file', async () => {
    const { root, dir } = sectionFolder({ 'a.yaml': YAML });
    const { context, entries, logged, changed } = devContext(root);
    await paperFiles(dir).load(context);
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, YAML.replace('title: Qwen2-VL', 'title: Qwen2-VL: Bar'));
    await changed(file, 2);
    expect(logged).toEqual([
      expect.stringMatching(/^error: .*a\.yaml:1: \(syntax\): quote the title: title: "Qwen2-VL: Bar" \(fix the file/),
    ]);
    // The last good entry stays on the page meanwhile.
    expect(entries.get('a')).toMatchObject({ data: { title: 'Qwen2-VL' } });
    writeFileSync(file, YAML.replace('Qwen2-VL', 'Qwen2.5-VL'));
    await changed(file);
    expect(logged.at(-1)).toBe('info: Reloaded a.yaml');
    expect(entries.get('a')).toMatchObject({ data: { title: 'Qwen2.5-VL' } });
  });

  it('stores a fixed file again even when it is back to the stored text: the store write is what reloads the page', async () => {
    const { root, dir } = sectionFolder({ 'a.yaml': YAML, 'b.yaml': 'title: Foo: Bar\nlinks: []\nadded: 2024-01-01\n' });
    const { context, changed } = devContext(root);
    await paperFiles(dir).load(context);
    const writes: string[] = [];
    const { set } = context.store;
    context.store.set = (entry) => (writes.push(`${entry.id} ${entry.digest}`), set(entry));
    // Broken while the server runs, then saved back as it was: the stored entry is the same.
    writeFileSync(path.join(dir, 'a.yaml'), 'title: [\n');
    await changed(path.join(dir, 'a.yaml'));
    writeFileSync(path.join(dir, 'a.yaml'), YAML);
    await changed(path.join(dir, 'a.yaml'));
    // Broken at start, then fixed.
    writeFileSync(path.join(dir, 'b.yaml'), YAML);
    await changed(path.join(dir, 'b.yaml'));
    // Saved again unchanged, now that it loads: nothing to store.
    await changed(path.join(dir, 'b.yaml'));
    // Under another digest than the stored one, so that the store changes and Astro writes it.
    expect(writes).toEqual([`a ${YAML.length}:${YAML}+`, `b ${YAML.length}:${YAML}`]);
  });
});
