import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/** Astro's module holding the content store (its entries, as `getCollection()` reads them). */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/**
 * The content store's module for a build: Astro writes the store to data-store.json in its cache
 * and then turns the whole file into one JavaScript module, which Rollup parses and bundles and
 * the renderer parses again; at 10,000 papers that is most of the bundling time and the build's
 * peak memory (bench/results.md). This module reads the same file with JSON.parse when rendering
 * starts, so the store never passes through the bundler. Astro reads either form
 * (`ImmutableDataStore.fromModule` unflattens what is not a Map); a missing file is an empty store,
 * as in Astro's own module.
 */
export function dataStoreModule(storeFile: string): string {
  return [
    `import { existsSync, readFileSync } from 'node:fs';`,
    `const file = ${JSON.stringify(storeFile)};`,
    `export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();`,
  ].join('\n');
}

/** Builds only: `astro dev` keeps Astro's module, which it reloads when an entry changes. */
export function dataStoreAsJson(): AstroIntegration {
  return {
    name: 'data-store-json',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'data-store-json',
                enforce: 'pre',
                // A transform, not a load: Astro's own plugin loads the module first.
                transform(_code, id) {
                  return id === DATA_STORE_MODULE ? { code: dataStoreModule(storeFile), map: null } : undefined;
                },
              },
            ],
          },
        });
      },
    },
  };
}
