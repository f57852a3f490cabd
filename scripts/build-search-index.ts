/**
 * The last step of `npm run build`, run after `astro build` has exited:
 * `node --import tsx scripts/build-search-index.ts [site dir]` indexes the build in
 * `site dir` (default: where astro.config.mjs writes it, see buildOutDir) and fails the build,
 * naming the problem, when indexing does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildOutDir } from '../src/lib/paths';
import { buildSearchIndex } from './lib/search-index/pagefind';

const USAGE = 'usage: node --import tsx scripts/build-search-index.ts [site dir]';

async function main(args: readonly string[]): Promise<void> {
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
    // `npm run build -- <options>` appends them here, after the Astro step.
    throw new Error(`unexpected arguments: ${args.join(' ')}\n${USAGE}\n(Astro's own options: npx astro build <options>)`);
  }
  const siteDir = args[0] ? path.resolve(args[0]) : buildOutDir();
  if (!existsSync(path.join(siteDir, 'index.html'))) throw new Error(`no built site in ${siteDir} (astro build writes it first)`);
  await buildSearchIndex(siteDir, { info: (message) => console.log(`[search-index] ${message}`) });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`[search-index] the search index was not built: ${(error as Error).message}`);
  process.exitCode = 1;
});
