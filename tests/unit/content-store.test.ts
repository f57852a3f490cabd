import type { AstroIntegration } from 'astro';
import { describe, expect, it, vi } from 'vitest';
import config from '../../astro.config.mjs';

/** What the site's content-store integration asks of Astro's config for `command`. */
function storeSettingFor(command: 'build' | 'dev' | 'preview' | 'sync') {
  const integration = config.integrations
    ?.flat()
    .find((entry): entry is AstroIntegration => !!entry && entry.name === 'content-store');
  expect(integration, 'astro.config.mjs registers contentStore()').toBeDefined();
  const updateConfig = vi.fn();
  const setup = integration!.hooks['astro:config:setup'] as (options: unknown) => void;
  setup({ command, updateConfig });
  return updateConfig.mock.calls.map(([update]) => update.experimental?.collectionStorage);
}

describe('the content store', () => {
  it('is kept in chunks of 1 MiB by `astro build`, which would compile one huge string module otherwise', () => {
    expect(config.experimental?.collectionStorage).toBeUndefined();
    expect(storeSettingFor('build')).toEqual([{ type: 'chunked', chunkSize: 1024 * 1024 }]);
  });

  it('stays Astro’s single file in `astro dev` and the other commands', () => {
    for (const command of ['dev', 'preview', 'sync'] as const) expect(storeSettingFor(command)).toEqual([]);
  });
});
