/**
 * npm run export:readme [-- --out FILE] [--content DIR]
 * Writes the awesome-list Markdown from content/: the header kept in content/about.md, a
 * generated Table of Contents, then every registry section's entries. Stdout by default.
 * Exit 1 (nothing written) when an entry is invalid or would not read back; 2 on bad input.
 */
import path from 'node:path';
import { writeFileAtomic } from '../src/lib/entry-files';
import { exportListFromDisk } from './lib/list/write';
import { contentRoot, sectionRegistryPath } from '../src/lib/paths';
import { CliError, parseCliArgs, readTextFile, requireRepository, runCli } from './lib/cli';

const USAGE = 'usage: npm run export:readme [-- --out FILE] [--content DIR]';

runCli(() => {
  requireRepository();
  const { values } = parseCliArgs({ options: { out: { type: 'string' }, content: { type: 'string' } } }, USAGE);
  const contentDir = values.content === undefined ? contentRoot() : path.resolve(values.content);
  readTextFile(sectionRegistryPath(contentDir)); // a missing registry gets a one-line "cannot read"
  let exported;
  try {
    exported = exportListFromDisk(contentDir);
  } catch (error) {
    throw new CliError((error as Error).message); // the registry does not load: its file and field, one line each
  }
  for (const problem of exported.problems) console.error(problem);
  if (exported.problems.length) {
    console.error('nothing exported: fix the entries above (npm run validate) and export again');
    return 1;
  }
  if (values.out === undefined) process.stdout.write(exported.text);
  else writeFileAtomic(path.resolve(values.out), exported.text);
  return 0;
});
