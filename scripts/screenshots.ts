/** npm run screenshots: the README's pictures of the home page and a paper page, from a build. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/lib/paths';
import { CliError, EXIT, runCommand } from './lib/cli';
import { readmePaper, readmeShots, SCREENSHOTS_DIR, takeScreenshots, VIEWPORT } from './lib/screenshots/readme-screenshots';

await runCommand(
  {
    usage: 'npm run screenshots [-- --dist DIR] [--paper <section>/<entry>] [--out DIR] [--content DIR]',
    help: `Takes the README's screenshots (${VIEWPORT.width}×${VIEWPORT.height}, light theme) of a build in Debian's
Chromium: the home page and a paper page (--paper, else the first paper with a scholarly record),
into ${SCREENSHOTS_DIR}/ (--out for another folder). Run it after npm run build when the pages change.
Exit 0: written; 1: a page failed to load; 2: bad input (no build, no such paper).`,
    options: { dist: { type: 'string' }, paper: { type: 'string' }, out: { type: 'string' } },
    content: 'registry',
  },
  async ({ values, content }) => {
    const dist = path.resolve(values.dist ?? path.join(REPO_ROOT, 'dist'));
    if (!existsSync(path.join(dist, 'index.html'))) throw new CliError(`no build at ${dist}: run npm run build first`);
    let paper;
    try {
      paper = readmePaper(content, values.paper);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    const outDir = path.resolve(values.out ?? path.join(REPO_ROOT, SCREENSHOTS_DIR));
    for (const file of await takeScreenshots(dist, readmeShots(paper), outDir))
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    return EXIT.ok;
  },
);
