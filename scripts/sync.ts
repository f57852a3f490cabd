/** npm run sync (also npm run import): syncs content/ with the awesome-list Markdown. */
import { readFileSync } from 'node:fs';
import { isRealDate } from '../src/schemas/dates';
import { writeFileAtomic } from '../src/lib/content/entry-files';
import { applySyncPlan, formatSyncReport, parseAddedDates, planSyncFromDisk, planIsClean, planWarnings } from './lib/list/sync';
import { notListText } from './lib/list/sync/state';
import { displayPath } from '../src/lib/paths';
import { asInputError, CliError, EXIT, readTextFile, runCommand, todayUtc } from './lib/cli';

await runCommand(
  {
    usage:
      'npm run sync -- <list.md> [--dates file.tsv] [--added YYYY-MM-DD] [--strict] [--allow-removals] [--report FILE] [--content DIR]',
    help: `Syncs content/ with the awesome-list (npm run import is the same command). Creates new
papers, merges each field the list carries (title, links, note, venue, its tags) three ways
against the list last synced (content/.list-sync/last-sync.md): a local fix survives unless
the list changed the same field, which is reported as a conflict (local kept). Membership too: a
paper the list dropped is removed if untouched here since, else kept as a conflict; one it moved
to another section moves with its local curation; a renamed heading renames its section (a
warning). Reads numbered or bulleted entries under # or ## headings, and remembers which.
Mends lines whose intent is clear and reports each; a line it cannot read is recorded in
content/.list-sync/fixes.yaml for a hand fix and everything else is synced. The list's own
export (npm run export:readme) changes nothing.
Refuses, writing nothing: input that is not UTF-8 text or has no heading or entry; a registry
heading gone from the list and not clearly renamed; a section losing more than 25% of its papers
at once (--allow-removals accepts both). --dates: first-appearance dates per line (section,
number, added, title); --added: the date other new papers get (default: today, UTC). --report
FILE also writes the report there.
Exit 0: synced (warnings allowed); 1: refused, an entry file is broken, or --strict and a
warning (nothing written); 2: bad arguments or unreadable input.`,
    options: {
      added: { type: 'string' },
      dates: { type: 'string' },
      strict: { type: 'boolean' },
      'allow-removals': { type: 'boolean' },
      report: { type: 'string' },
    },
    positionals: true,
    content: 'registry',
  },
  ({ values, positionals, content }) => {
    if (positionals.length !== 1) throw new CliError('expected one list file (npm run sync -- <list.md>)');
    if (values.added !== undefined && !isRealDate(values.added))
      throw new CliError(`--added: "${values.added}" is not a date written YYYY-MM-DD`);
    const listFile = positionals[0]!;
    readTextFile(listFile); // a missing or unreadable file: one "cannot read" line, exit 2
    const bytes = readFileSync(listFile);
    const notText = notListText(bytes);
    if (notText !== undefined) {
      console.error(`${listFile}: refused: ${notText}; nothing written`);
      return EXIT.problems;
    }
    const listText = bytes.toString('utf8');
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
    // A registry or fixes file that does not load is reported with its file and field, one line.
    const plan = asInputError(() =>
      planSyncFromDisk(listText, {
        contentDir: content.dir,
        dates,
        defaultAdded: values.added ?? todayUtc(),
        allowRemovals: values['allow-removals'] === true,
      }),
    );
    for (const refusal of plan.report.refusals) console.error(`${listFile}: refused: ${refusal}`);
    for (const problem of plan.report.contentProblems) console.error(problem);
    for (const rename of plan.sections.renames)
      console.error(`${listFile}: warning: heading renamed: "${rename.from}" → "${rename.to}" (section ${rename.id})`);
    for (const section of plan.report.mixed)
      console.error(`${listFile}:${section.line}: warning: section "${section.title}" mixes numbered and bulleted entries`);
    for (const line of plan.report.mended) console.error(`${listFile}:${line.line}: warning: mended: ${line.reason}`);
    for (const problem of plan.report.unreadable)
      console.error(
        `${listFile}:${problem.line}: warning: cannot read this line, kept for a fix: ${problem.reason}: ${problem.text}`,
      );
    const report = formatSyncReport(plan, (file) => displayPath(file));
    console.log(report);
    if (values.report !== undefined) writeFileAtomic(values.report, `${report}\n`);
    if (!planIsClean(plan)) {
      console.error('nothing written: fix the problems above and run the sync again');
      return EXIT.problems;
    }
    const warnings = planWarnings(plan);
    if (values.strict && warnings.length) {
      console.error(
        `nothing written: --strict and ${warnings.length} warning(s): ${warnings[0]}${warnings.length > 1 ? ' …' : ''}`,
      );
      return EXIT.problems;
    }
    applySyncPlan(plan);
    return EXIT.ok;
  },
);
