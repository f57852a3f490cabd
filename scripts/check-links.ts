/** npm run check:links: every internal link, asset and anchor of a build resolves. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findBrokenLinks } from './lib/checks/check-links';
import { REPO_ROOT } from '../src/lib/paths';
import { CliError, EXIT, runCommand } from './lib/cli';

await runCommand(
  {
    usage: 'npm run check:links [-- --dist DIR] [--base /sub-path/]',
    help: `Every internal href, src and srcset of a build resolves to a file, and every #anchor to an id.
Run it after npm run build (with the same BASE_PATH). Exit 0: none broken; 1: each named; 2: bad input.`,
    options: { dist: { type: 'string' }, base: { type: 'string', default: process.env.BASE_PATH ?? '/' } },
  },
  ({ values }) => {
    const dist = path.resolve(values.dist ?? path.join(REPO_ROOT, 'dist'));
    if (!existsSync(dist)) throw new CliError(`no build at ${dist}: run npm run build first`);
    const broken = findBrokenLinks(dist, values.base ?? '/');
    for (const link of broken)
      console.log(`${path.join(path.relative(process.cwd(), dist), link.page)}: ${link.attribute}="${link.url}": ${link.reason}`);
    console.log(broken.length ? `${broken.length} broken internal links` : 'no broken internal links');
    return broken.length ? EXIT.problems : EXIT.ok;
  },
);
