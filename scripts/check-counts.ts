/** npm run check:counts: no paper lost between its file, its page, its search record, the data file and the export. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkCounts, formatCountTable } from './lib/checks/check-counts';
import { REPO_ROOT } from '../src/lib/paths';
import { asInputError, CliError, EXIT, runCommand } from './lib/cli';

await runCommand(
  {
    usage: 'npm run check:counts [-- --dist DIR] [--content DIR]',
    help: `Checks that no paper is lost between its file and its readers: per section, entry files in
content/ == paper pages in dist/ == records in the search index == records in /data/papers.json
== entries in the exported list.
Run it after npm run build. Exit 0: all agree; 1: a mismatch (each named); 2: bad input.`,
    options: { dist: { type: 'string' } },
    content: 'registry',
  },
  ({ values, content }) => {
    const dist = path.resolve(values.dist ?? path.join(REPO_ROOT, 'dist'));
    if (!existsSync(dist)) throw new CliError(`no build at ${dist}: run npm run build first`);
    // A registry that does not load is reported with its file and field, one line each.
    const report = asInputError(() => checkCounts({ contentDir: content.dir, dist }));
    console.log(formatCountTable(report));
    for (const problem of report.problems) console.error(problem);
    if (report.problems.length) {
      console.error(
        `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}: papers are lost or duplicated between content/ and the build`,
      );
      return EXIT.problems;
    }
    return EXIT.ok;
  },
);
