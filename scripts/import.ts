/**
 * npm run import -- <list.md> [--added YYYY-MM-DD] [--dates file.tsv] [--content DIR]
 * Syncs content/ with the awesome-list: creates and updates entry files, merges duplicate lines,
 * reports entries the list no longer has (never deletes). Writes nothing when a line cannot be
 * parsed (exit 1). Exit 2: bad arguments or unreadable input.
 */
import path from 'node:path';
import { isRealDate } from '../src/schemas/dates';
import {
  applyImportPlan,
  formatImportSummary,
  parseAddedDates,
  planImportFromDisk,
  planIsClean,
  type AddedDates,
} from './lib/list/import';
import { contentRoot, sectionRegistryPath } from '../src/lib/paths';
import { CliError, displayPath, parseCliArgs, readTextFile, requireRepository, runCli } from './lib/cli';

const USAGE = 'usage: npm run import -- <list.md> [--added YYYY-MM-DD] [--dates file.tsv] [--content DIR]';

function readDates(file: string): AddedDates {
  try {
    return parseAddedDates(readTextFile(file));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: ${(error as Error).message}`);
  }
}

/** Local calendar day: "today" for whoever runs the import. */
function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
}

runCli(() => {
  requireRepository();
  const { values, positionals } = parseCliArgs(
    { options: { added: { type: 'string' }, dates: { type: 'string' }, content: { type: 'string' } }, allowPositionals: true },
    USAGE,
  );
  if (positionals.length !== 1) throw new CliError(`expected one list file\n${USAGE}`);
  if (values.added !== undefined && !isRealDate(values.added))
    throw new CliError(`--added: "${values.added}" is not a date written YYYY-MM-DD`);
  const listFile = positionals[0]!;
  const listText = readTextFile(listFile);
  const dates = values.dates === undefined ? undefined : readDates(values.dates);
  const contentDir = values.content === undefined ? contentRoot() : path.resolve(values.content);

  readTextFile(sectionRegistryPath(contentDir)); // a missing registry gets the same one-line "cannot read" as the list
  let plan;
  try {
    plan = planImportFromDisk(listText, { contentDir, dates, defaultAdded: values.added ?? today() });
  } catch (error) {
    throw new CliError((error as Error).message); // the registry does not load: its file and field, one line each
  }

  for (const problem of plan.problems)
    console.error(`${listFile}:${problem.line}: cannot parse entry: ${problem.reason}: ${problem.text}`);
  for (const problem of plan.contentProblems) console.error(problem);
  console.log(formatImportSummary(plan, displayPath));
  if (!planIsClean(plan)) {
    console.error('nothing written: fix the problems above and run the import again');
    return 1;
  }
  applyImportPlan(plan);
  return 0;
});
