/**
 * npm run check:counts [-- --dist DIR] [--content DIR]
 * Checks that no paper is lost between its file and its readers: per section, entry files in
 * content/ == paper pages in dist/ == records in the search index == records in /data/papers.json
 * == entries in the exported list.
 * Run it after `npm run build`. Exit 0: all agree; 1: a mismatch (each named); 2: bad input.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkCounts, formatCountTable } from './lib/checks/check-counts';
import { contentRoot, REPO_ROOT, sectionRegistryPath } from '../src/lib/paths';
import { CliError, parseCliArgs, readTextFile, requireRepository, runCli } from './lib/cli';

const USAGE = 'usage: npm run check:counts [-- --dist DIR] [--content DIR]';

runCli(() => {
  requireRepository();
  const { values } = parseCliArgs({ options: { dist: { type: 'string' }, content: { type: 'string' } } }, USAGE);
  const contentDir = values.content === undefined ? contentRoot() : path.resolve(values.content);
  const dist = path.resolve(values.dist ?? path.join(REPO_ROOT, 'dist'));
  readTextFile(sectionRegistryPath(contentDir)); // a missing registry gets a one-line "cannot read"
  if (!existsSync(dist)) throw new CliError(`no build at ${dist}: run npm run build first`);
  let report;
  try {
    report = checkCounts({ contentDir, dist });
  } catch (error) {
    throw new CliError((error as Error).message); // the registry does not load: its file and field, one line each
  }
  console.log(formatCountTable(report));
  for (const problem of report.problems) console.error(problem);
  if (report.problems.length) {
    console.error(
      `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}: papers are lost or duplicated between content/ and the build`,
    );
    return 1;
  }
  return 0;
});
