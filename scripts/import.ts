/** npm run import: syncs content/ with the awesome-list Markdown. */
import { isRealDate } from '../src/schemas/dates';
import { applyImportPlan, formatImportSummary, parseAddedDates, planImportFromDisk, planIsClean } from './lib/list/import';
import { asInputError, CliError, displayPath, EXIT, readTextFile, runCommand, todayUtc } from './lib/cli';

await runCommand(
  {
    usage: 'npm run import -- <list.md> [--added YYYY-MM-DD] [--dates file.tsv] [--content DIR]',
    help: `Syncs content/ with the awesome-list: creates and updates entry files, merges duplicate lines,
reports entries the list no longer has (never deletes). --added is the date new entries get
(default: today, UTC); --dates reads first-appearance dates per line (section, number, added, title).
Exit 0: synced; 1: a line cannot be parsed (nothing written); 2: bad arguments or unreadable input.`,
    options: { added: { type: 'string' }, dates: { type: 'string' } },
    positionals: true,
    content: 'registry',
  },
  ({ values, positionals, content }) => {
    if (positionals.length !== 1) throw new CliError('expected one list file (npm run import -- <list.md>)');
    if (values.added !== undefined && !isRealDate(values.added))
      throw new CliError(`--added: "${values.added}" is not a date written YYYY-MM-DD`);
    const listFile = positionals[0]!;
    const listText = readTextFile(listFile);
    const datesFile = values.dates;
    const dates =
      datesFile === undefined
        ? undefined
        : asInputError(() => {
            const text = readTextFile(datesFile);
            try {
              return parseAddedDates(text);
            } catch (error) {
              throw new CliError(`${datesFile}: ${(error as Error).message}`);
            }
          });
    // A registry that does not load is reported with its file and field, one line each.
    const plan = asInputError(() =>
      planImportFromDisk(listText, { contentDir: content.dir, dates, defaultAdded: values.added ?? todayUtc() }),
    );
    for (const problem of plan.problems)
      console.error(`${listFile}:${problem.line}: cannot parse entry: ${problem.reason}: ${problem.text}`);
    for (const problem of plan.contentProblems) console.error(problem);
    console.log(formatImportSummary(plan, displayPath));
    if (!planIsClean(plan)) {
      console.error('nothing written: fix the problems above and run the import again');
      return EXIT.problems;
    }
    applyImportPlan(plan);
    return EXIT.ok;
  },
);
