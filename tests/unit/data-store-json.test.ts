import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_STORE_MODULE, dataStoreAsJson } from '../../src/integrations/data-store-json';

const temp = mkdtempSync(path.join(tmpdir(), 'data-store-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

type Transform = (code: string, id: string) => { code: string } | undefined;

/** The integration's Vite plugin as `command` sets it up, or undefined when it adds none. */
function pluginFor(command: 'build' | 'dev', cacheDir: string): { transform: Transform } | undefined {
  let plugins: { transform: Transform }[] | undefined;
  const setup = dataStoreAsJson().hooks['astro:config:setup'] as unknown as (options: object) => void;
  setup({
    command,
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
    updateConfig: (config: { vite: { plugins: { transform: Transform }[] } }) => (plugins = config.vite.plugins),
  } satisfies Partial<Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0]> | object);
  return plugins?.[0];
}

/** Runs a module's code in Node, as the build's renderer would, and describes its default export. */
function evaluate(code: string): { map: boolean; json: string } {
  const file = path.join(temp, `module-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  const probe = `const { default: store } = await import(${JSON.stringify(pathToFileURL(file).href)});
console.log(JSON.stringify({ map: store instanceof Map, json: JSON.stringify(store) }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' })) as {
    map: boolean;
    json: string;
  };
}

describe('the content store as JSON in builds', () => {
  it("replaces Astro's store module with one that reads the cache's data-store.json", () => {
    const store = [['papers', 1], { id: 'x', data: { title: 'A "quoted" 标题' } }];
    writeFileSync(path.join(temp, 'data-store.json'), JSON.stringify(store));
    const plugin = pluginFor('build', temp)!;
    const module = plugin.transform('export default [/* 8 MB of JavaScript */]', DATA_STORE_MODULE)!;
    expect(module.code).not.toContain('8 MB');
    expect(evaluate(module.code)).toEqual({ map: false, json: JSON.stringify(store) });
  });

  it('gives an empty store when the cache has none, as Astro does', () => {
    const module = pluginFor('build', path.join(temp, 'no-cache'))!.transform('', DATA_STORE_MODULE)!;
    expect(evaluate(module.code).map).toBe(true);
  });

  it('leaves every other module, and the dev server, alone', () => {
    expect(pluginFor('build', temp)!.transform('export default 1', '/src/pages/index.astro')).toBeUndefined();
    expect(pluginFor('dev', temp)).toBeUndefined();
  });
});
