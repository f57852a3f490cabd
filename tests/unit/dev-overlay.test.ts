import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentValidation } from '../../src/integrations/validate-content';

/**
 * `npm run dev`: a saved entry's problems reach the browser's error overlay in the words of
 * `npm run validate` (path:line: field: message), and fixing the file reloads the page.
 */
const roots: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function devServer() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dev-overlay-'));
  roots.push(root);
  mkdirSync(path.join(root, 'mllm'));
  vi.stubEnv('CONTENT_DIR', root);
  const watcher = new EventEmitter();
  const sent: { type: string; err?: { message: string; loc: { line: number } } }[] = [];
  const ws = { send: (payload: (typeof sent)[number]) => sent.push(payload), on: () => {} };
  const hook = contentValidation().hooks['astro:server:setup']!;
  (hook as (options: unknown) => void)({ server: { watcher, ws }, logger: {} });
  const save = (name: string, text: string) => {
    const file = path.join(root, 'mllm', name);
    writeFileSync(file, text);
    watcher.emit('change', file);
  };
  return { sent, save };
}

const GOOD = 'title: T\nlinks:\n  - kind: paper\n    url: https://a.org/x\nadded: 2024-01-01\n';

describe('the dev server and a broken entry', () => {
  it('shows the problem in the overlay as validate prints it, then reloads once the file is fixed', () => {
    const { sent, save } = devServer();
    save('x.yaml', GOOD.replace('title: T\n', ''));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type).toBe('error');
    expect(sent[0]!.err!.message).toMatch(/mllm\/x\.yaml:1: title: is required$/);
    expect(sent[0]!.err!.loc.line).toBe(1);
    expect(sent[0]!.err!.message).not.toContain('**');
    save('x.yaml', GOOD);
    expect(sent.at(-1)).toEqual({ type: 'full-reload' });
  });

  it('gives a YAML mistake its line and its fix', () => {
    const { sent, save } = devServer();
    save('x.yaml', GOOD.replace('title: T', 'title: Foo: Bar'));
    expect(sent[0]!.err!.message).toMatch(/x\.yaml:1: \(syntax\): quote the title: title: "Foo: Bar"$/);
    expect(sent[0]!.err!.loc.line).toBe(1);
  });

  it('keeps entry text as text in the overlay, which renders messages as HTML', () => {
    const { sent, save } = devServer();
    save('x.yaml', GOOD.replace('title: T', 'title: <img src=x onerror=alert(1)>: Bar'));
    expect(sent[0]!.err!.message).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(sent[0]!.err!.message).not.toContain('<img');
  });

  it('leaves valid saves and files outside the content alone', () => {
    const { sent, save } = devServer();
    save('x.yaml', GOOD);
    expect(sent).toEqual([]);
  });
});
