import type { AstroIntegration } from 'astro';

/** Astro's recommended chunk size. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * `astro build` keeps the content store in chunks of 1 MiB (Astro's public
 * `experimental.collectionStorage`). Astro bundles the store as string modules, and V8 compiles one
 * string literal in a time that grows with the square of its length: 30,000 entries in one module
 * cost about 30 s (bench/results.md, "Why each choice").
 *
 * `astro dev` keeps Astro's single file: a list of this size gains nothing from chunks there, and
 * a chunked store is a module that awaits one import per chunk each time Astro reloads it after a
 * save. The one time a fixed entry's page stayed missing in `npm run dev` until the next save (CI,
 * tests/newcomer/dev-server.test.ts: Astro's dev reload kept modules that read the old store) was
 * with chunks in dev.
 */
export function contentStore(): AstroIntegration {
  return {
    name: 'content-store',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build')
          updateConfig({ experimental: { collectionStorage: { type: 'chunked', chunkSize: CHUNK_BYTES } } });
      },
    },
  };
}
