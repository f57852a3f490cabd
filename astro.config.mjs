// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import remarkGfm from 'remark-gfm';
import { contentValidation } from './src/integrations/validate-content.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { rehypeSafeLinks, rehypeTableAlignClasses } from './src/lib/markdown.ts';

// Deployments set SITE_URL and BASE_PATH (e.g. a GitHub Pages project site is served under /<repo>/).
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.github.io',
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  // Markdown and MDX (which extends this config) render with these: links with unsafe URLs become
  // text, external links get rel.
  // Syntax highlighting and table alignment would write inline styles, which the CSP forbids.
  markdown: {
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeSafeLinks, rehypeTableAlignClasses],
    syntaxHighlight: false,
  },
  // Every script and stylesheet is a file of its own, so the CSP can forbid inline code.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [contentValidation(), mdx(), sitemap(), pagefindSearch()],
});
