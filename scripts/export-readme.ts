/** npm run export:readme: the awesome-list Markdown, written back from content/. */
import path from 'node:path';
import { writeFileAtomic } from '../src/lib/content/entry-files';
import { exportListFromDisk } from './lib/list/write';
import { asInputError, EXIT, runCommand } from './lib/cli';

await runCommand(
  {
    usage: 'npm run export:readme [-- --out FILE] [--tags] [--content DIR]',
    help: `Writes the awesome-list Markdown from content/: the header kept in content/about.md, a
generated Table of Contents, then every registry section's entries in the list's order and
dialect (numbered or bulleted, # or ## headings: content/.list-sync/dialect.yaml). A paper
unchanged since the last sync is written as the list's own line, byte for byte; npm run sync of
the result changes nothing. Tags the list did
not give (curated topics) stay out unless --tags. Stdout by default.
Exit 0: written; 1: an entry is invalid or would not read back (nothing written); 2: bad input.`,
    options: { out: { type: 'string' }, tags: { type: 'boolean' } },
    content: 'registry',
  },
  ({ values, content }) => {
    const exported = asInputError(() => exportListFromDisk(content.dir, { tags: values.tags === true }));
    for (const problem of exported.problems) console.error(problem);
    if (exported.problems.length) {
      console.error('nothing exported: fix the entries above (npm run validate) and export again');
      return EXIT.problems;
    }
    if (values.out === undefined) process.stdout.write(exported.text);
    else writeFileAtomic(path.resolve(values.out), exported.text);
    return EXIT.ok;
  },
);
