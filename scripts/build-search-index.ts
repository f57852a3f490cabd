/** The last step of `npm run build`, run after `astro build` has exited: the search index over the built site. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOutDir } from '../src/lib/paths';
import { buildSearchIndex, handOverToPagefind, writeSearchFiles } from './lib/search-index/pagefind';
import { CliError, EXIT, runCommand } from './lib/cli';

await runCommand(
  {
    // `npm run build -- <options>` appends them here, after the Astro step: the usage says where they go.
    usage:
      "node --import tsx scripts/build-search-index.ts [--index-written] [site dir] (Astro's own options: npx astro build <options>)",
    help: `Indexes the paper pages of a built site with Pagefind (lib/search-index/pagefind.ts) and writes
the search files beside the index: the date order, the vocabulary and the Chinese fold table.
The site dir defaults to where astro.config.mjs writes the build (OUT_DIR, else dist/).
npm run build runs it once Astro has exited. Where it can, this process gives its place to a shell
that runs Pagefind and then this command again with --index-written (which writes only the search
files, from the index already in the site dir), so that no Node process waits beside Pagefind.
Exit 0: indexed; 1: indexing failed (the problem named); 2: bad arguments or no built site.`,
    options: { 'index-written': { type: 'boolean' } },
    positionals: true,
  },
  async ({ values, positionals }) => {
    if (positionals.length > 1) throw new CliError(`one site dir at most, not: ${positionals.join(' ')}`);
    const siteDir = path.resolve(positionals[0] ?? buildOutDir());
    if (!existsSync(path.join(siteDir, 'index.html')))
      throw new CliError(`no built site in ${siteDir} (astro build writes it first)`);
    const logger = { info: (message: string) => console.log(`[search-index] ${message}`) };
    if (values['index-written']) {
      await writeSearchFiles(siteDir, logger, Number(process.env.SEARCH_INDEX_STARTED) || undefined);
      return EXIT.ok;
    }
    handOverToPagefind(siteDir, fileURLToPath(import.meta.url));
    await buildSearchIndex(siteDir, logger);
    return EXIT.ok;
  },
);
