/** The last step of `npm run build`, run after `astro build` has exited: the search index over the built site. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildOutDir } from '../src/lib/paths';
import { buildSearchIndex } from './lib/search-index/pagefind';
import { CliError, EXIT, runCommand } from './lib/cli';

await runCommand(
  {
    // `npm run build -- <options>` appends them here, after the Astro step: the usage says where they go.
    usage: "node --import tsx scripts/build-search-index.ts [site dir] (Astro's own options: npx astro build <options>)",
    help: `Indexes the paper pages of a built site with Pagefind (lib/search-index/pagefind.ts) and writes
the search files beside the index: the date order, the vocabulary and the Chinese fold table.
The site dir defaults to where astro.config.mjs writes the build (OUT_DIR, else dist/).
npm run build runs it once Astro has exited.
Exit 0: indexed; 1: indexing failed (the problem named); 2: bad arguments or no built site.`,
    positionals: true,
  },
  async ({ positionals }) => {
    if (positionals.length > 1) throw new CliError(`one site dir at most, not: ${positionals.join(' ')}`);
    const siteDir = path.resolve(positionals[0] ?? buildOutDir());
    if (!existsSync(path.join(siteDir, 'index.html')))
      throw new CliError(`no built site in ${siteDir} (astro build writes it first)`);
    await buildSearchIndex(siteDir, { info: (message) => console.log(`[search-index] ${message}`) });
    return EXIT.ok;
  },
);
