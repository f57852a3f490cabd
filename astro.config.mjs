// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import remarkGfm from 'remark-gfm';
import { contentValidation } from './src/integrations/validate-content.ts';
import { buildOutDir } from './src/lib/paths.ts';
import { rehypeSafeLinks } from './src/lib/markdown.ts';

// Deployments set SITE_URL and BASE_PATH (e.g. a GitHub Pages project site is served under /<repo>/).
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.github.io',
  base: process.env.BASE_PATH ?? '/',
  outDir: buildOutDir(),
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  // MDX long notes are rendered with these (src/loaders/paper-files.ts): links with unsafe URLs
  // become text, external links get rel.
  markdown: { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSafeLinks] },
  // Every script and stylesheet is a file of its own, so the CSP can forbid inline code.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  // The search index is built after Astro exits: `npm run build` runs src/integrations/build-search-index.ts.
  integrations: [contentValidation(), sitemap()],
});
