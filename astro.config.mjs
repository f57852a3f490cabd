// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentStore } from './src/integrations/content-store.ts';
import { contentValidation } from './src/integrations/validate-content.ts';
import { buildLog, quietPagesLogger } from './src/integrations/build-log.ts';
import { buildOutDir, incrementalBuild } from './src/lib/paths.ts';
import { markdownProcessor } from './src/lib/render/long-note.ts';
import { siteLocation } from './src/site.config.ts';

// The origin comes from the one SITE_REPOSITORY setting (src/site.config.ts); the deploy workflow
// sets BASE_PATH (a GitHub Pages project site is served under /<repo>/); local builds keep /.
export default defineConfig({
  site: siteLocation().siteUrl,
  base: process.env.BASE_PATH ?? '/',
  outDir: buildOutDir(),
  trailingSlash: 'always',
  // Astro 7's default ('jsx') drops the white space between tags, which joins inline elements the
  // templates separate (a chip list, 'by A, B'); true collapses it to one space, as Astro 5 did.
  compressHTML: true,
  devToolbar: { enabled: false },
  logger: quietPagesLogger(),
  // Markdown and MDX (which extends this config) render with the site's one pipeline, the same
  // as notes and long notes (src/lib/render/): links with unsafe URLs become text, external links get rel.
  // Syntax highlighting and table alignment would write inline styles, which the CSP forbids.
  markdown: {
    processor: markdownProcessor(),
    syntaxHighlight: false,
  },
  // Every script and stylesheet is a file of its own, so the CSP can forbid inline code.
  // Four pages in flight at once: a page's file write then overlaps the next pages' rendering
  // instead of idling the build (bench/results.md, changes table).
  // Paper pages carry a cacheKey (src/lib/data/cache-key.ts): a rebuild re-renders only those whose
  // content changed, and restores the others from the cache. Keeping that cache writes every paper
  // page twice, so a build that is never rebuilt warm (CI, the deployment) turns it off with
  // BUILD_CACHE=off (src/lib/paths.ts); its pages are the same, and it computes no keys.
  // Builds keep the content store in chunks (src/integrations/content-store.ts).
  experimental: { incrementalBuild: incrementalBuild() },
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  vite: {
    build: { assetsInlineLimit: 0 },
    // The benchmark's work folder holds whole built sites: watching them in `astro dev` ran out of
    // the system's file watchers, and then edits to content were no longer seen.
    server: { watch: { ignored: ['**/bench/.work/**'] } },
  },
  // The search index is built after Astro exits: `npm run build` runs scripts/build-search-index.ts.
  integrations: [buildLog(), contentStore(), contentValidation(), mdx(), sitemap()],
});
