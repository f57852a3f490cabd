import { EventEmitter } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentValidation } from '../../../src/integrations/validate-content';
import { sectionRegistryPath } from '../../../src/lib/paths';

/**
 * `npm run dev`: a saved entry's problems, and those found when the server started, reach the
 * browser's error overlay in the words of `npm run validate` (path:line: field: message), and
 * the reload once the file is fixed comes from Astro (see tests/unit/content/paper-files-loader.test.ts).
 * tests/newcomer/dev-server.test.ts checks all of it with a real dev server and Chromium.
 */
const roots: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/**
 * The integration's dev hooks over a content folder holding `files` when the server starts, with
 * the watcher and the browser connection played by the test.
 */
function devServer(files: Record<string, string> = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dev-overlay-'));
  roots.push(root);
  mkdirSync(path.join(root, 'mllm'));
  copyFileSync(sectionRegistryPath(), path.join(root, 'sections.yaml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'mllm', name), text);
  vi.stubEnv('CONTENT_DIR', root);
  const watcher = new EventEmitter();
  const connections = new EventEmitter();
  const sent: { type: string; err?: { message: string; loc: { line: number } } }[] = [];
  const ws = { send: (payload: (typeof sent)[number]) => sent.push(payload), on: connections.on.bind(connections) };
  const logged: string[] = [];
  const logger = { error: (line: string) => logged.push(line), warn: (line: string) => logged.push(line) };
  const { hooks } = contentValidation();
  (hooks['astro:config:setup'] as (options: unknown) => void)({
    command: 'dev',
    config: { publicDir: pathToFileURL(`${root}/`) },
    logger,
  });
  (hooks['astro:server:setup'] as (options: unknown) => void)({ server: { watcher, ws }, logger: {} });
  /** Saves a file and tells the hook, as the watcher would; resolves once the hook has read it. */
  const save = async (name: string, text: string) => {
    const file = path.join(root, 'mllm', name);
    writeFileSync(file, text);
    await Promise.all(watcher.listeners('change').map((listener) => listener(file)));
  };
  /** A browser opens a page of the dev server. */
  const connect = () => connections.emit('connection');
  return { sent, save, connect, logged, folder: path.join(root, 'mllm') };
}

/** A message as the overlay shows it: Astro escapes `message` and shows it as text. */
const shown = (message: string | undefined) => message ?? '';

const GOOD = 'title: T\nlinks:\n  - kind: paper\n    url: https://a.org/x\nadded: 2024-01-01\n';

describe('the dev server and a broken entry', () => {
  it('shows the problem in the overlay as validate prints it, and no more once the file is fixed', async () => {
    const { sent, save, connect } = devServer();
    await save('x.yaml', GOOD.replace('title: T\n', ''));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type).toBe('error');
    expect(sent[0]!.err!.message).toMatch(/mllm\/x\.yaml:1: title: is required$/);
    expect(sent[0]!.err!.loc.line).toBe(1);
    expect(sent[0]!.err!.message).not.toContain('**');
    await save('x.yaml', GOOD);
    // The page reloads when Astro has the fixed entry (the loader stores it again), not before.
    connect();
    expect(sent).toHaveLength(1);
  });

  it('gives a YAML mistake its line and its fix', async () => {
    const { sent, save } = devServer();
    await save('x.yaml', GOOD.replace('title: T', 'title: Foo: Bar'));
    expect(shown(sent[0]!.err!.message)).toMatch(/x\.yaml:1: \(syntax\): quote the title: title: "Foo: Bar"$/);
    expect(sent[0]!.err!.loc.line).toBe(1);
  });

  it('sends entry text as text (Astro escapes it), with no Markdown link the overlay would make live', async () => {
    const { sent, save } = devServer();
    await save('x.yaml', GOOD.replace('title: T', 'title: <img src=x onerror=alert(1)> [x](javascript:alert(1)): Bar'));
    expect(sent[0]!.err!.message).toContain('<img src=x onerror=alert(1)>');
    expect(sent[0]!.err!.message).not.toContain('](');
  });

  it('shows the problems found at start to every browser that connects, until the file is fixed', async () => {
    const { sent, save, connect, logged } = devServer({ 'x.yaml': GOOD.replace('title: T', 'title: Foo: Bar'), 'y.yaml': GOOD });
    expect(logged).toEqual([expect.stringMatching(/mllm\/x\.yaml:1: \(syntax\): quote the title: title: "Foo: Bar"$/)]);
    connect();
    connect();
    expect(sent.map((payload) => shown(payload.err?.message))).toEqual([logged[0], logged[0]]);
    await save('x.yaml', GOOD);
    connect();
    expect(sent).toHaveLength(2);
  });

  it('reads a file the editor emptied before writing it once its text lands', async () => {
    const { sent, save, folder } = devServer({ 'x.yaml': GOOD });
    // The watcher's event comes while the file is still empty; the text follows.
    const saving = save('x.yaml', '');
    setTimeout(() => writeFileSync(path.join(folder, 'x.yaml'), GOOD.replace('title: T', 'title: Foo: Bar')), 30);
    await saving;
    expect(sent.map((payload) => payload.err?.message)).toEqual([
      expect.stringMatching(/x\.yaml:1: \(syntax\): quote the title/),
    ]);
  });

  it('leaves valid saves and files outside the content alone', async () => {
    const { sent, save } = devServer();
    await save('x.yaml', GOOD);
    expect(sent).toEqual([]);
  });
});
