/** npm run suggestion: turns a "Suggest a paper" issue body into an entry file and the text the workflow would post. */
import path from 'node:path';
import { writeFileAtomic } from '../src/lib/content/entry-files';
import { REPO_ROOT } from '../src/lib/paths';
import { isoDay } from '../src/schemas/dates';
import { lookupRecord } from './lib/records/lookup';
import { createServices } from './lib/records/services';
import { readSettings } from './lib/records/settings';
import { RESULT_FILE, writeResult, type SuggestionResult } from './lib/suggestion/publish';
import { repositoryPath, siteAddress, suggest, type Outcome } from './lib/suggestion/suggest';
import { CliError, EXIT, readTextFile, runCommand, todayUtc } from './lib/cli';

await runCommand(
  {
    usage:
      'npm run suggestion -- <issue-body.md> [--issue N] [--added YYYY-MM-DD] [--arxiv-feed FILE] [--out DIR] [--content DIR]',
    help: `Reads an issue made with the "Suggest a paper" form (its body as GitHub renders it: a
"### Label" block per field, "_No response_" when empty) and does what \`npm run new\` does with
the same answers: the same schema, the same same-paper rule, the same file name. A title left
empty is looked up on arXiv when the link or id is arXiv's. The paper's record (authors,
abstract, dates) is fetched as \`npm run records\` fetches it (by arXiv id, OpenReview forum, or a
title only one arXiv paper has; ARXIV_API_URL and OPENREVIEW_API_URL point elsewhere), written
beside the entry in records/, and shown in the pull request.

On success it writes the entry into content/ and prints the pull request's description (exit 0),
which starts "Already listed in …" when other sections list the paper (the pull request is then
labelled "already listed"); on a problem or a paper its section already lists it writes nothing
and prints the issue comment (exit 1);
a body not made with the form gets nothing (exit 0, one line on stderr). Exit 2: bad arguments.

  --issue N          the issue's number, for "Closes #N"
  --added DAY        the entry's added date (default: today, UTC)
  --arxiv-feed FILE  take FILE as arXiv's answer to every question (offline runs, tests)
  --out DIR          also write what the workflow posts: DIR/${RESULT_FILE}, the entry file and
                     the record at their paths in the repository (the suggestion workflow's artifact)`,
    options: {
      issue: { type: 'string' },
      added: { type: 'string' },
      'arxiv-feed': { type: 'string' },
      out: { type: 'string' },
    },
    positionals: true,
    content: 'registry',
  },
  async ({ values, positionals, content }) => {
    if (positionals.length !== 1) throw new CliError('give one issue body file (npm run suggestion -- issue.md)');
    const issue = values.issue === undefined ? undefined : Number(values.issue);
    if (issue !== undefined && !(Number.isSafeInteger(issue) && issue > 0))
      throw new CliError(`--issue ${values.issue}: give the issue's number`);
    const today = values.added ?? todayUtc();
    if (!isoDay.safeParse(today).success) throw new CliError(`--added ${today}: give a day as YYYY-MM-DD`);
    const feedFile = values['arxiv-feed'];
    const feed = feedFile === undefined ? undefined : readTextFile(feedFile);
    let settings;
    try {
      settings = readSettings();
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    const services = createServices({
      settings,
      today: todayUtc(),
      ...(feed === undefined ? {} : { fetch: async () => new Response(feed) }),
    });

    const outcome = await suggest(readTextFile(positionals[0]!), {
      root: content.dir,
      today,
      issue,
      lookup: (query) => lookupRecord(services, query),
      site: siteAddress(),
    });

    if (outcome.kind === 'pull-request') {
      writeFileAtomic(outcome.entry.file, outcome.entry.text);
      if (outcome.record) writeFileAtomic(outcome.record.file, outcome.record.text);
    }
    if (values.out !== undefined) await writeResult(path.resolve(values.out), resultOf(outcome, issue ?? 0));
    if (outcome.kind === 'none') {
      console.error('not a "Suggest a paper" issue (its first heading is not the form\'s): nothing to do');
      return EXIT.ok;
    }
    if (outcome.kind === 'pull-request')
      for (const file of [outcome.entry.file, outcome.record?.file ?? []].flat())
        console.error(`wrote ${path.relative(REPO_ROOT, file)}`);
    process.stdout.write(outcome.body);
    return outcome.kind === 'pull-request' ? EXIT.ok : EXIT.problems;
  },
);

function resultOf(outcome: Outcome, issue: number): SuggestionResult {
  if (outcome.kind === 'none') return { kind: 'none', issue };
  if (outcome.kind === 'comment') return { kind: 'comment', issue, body: outcome.body };
  const { entry, record, title, body, labels } = outcome;
  return {
    kind: 'pull-request',
    issue,
    file: repositoryPath(entry.file),
    text: entry.text,
    ...(record ? { record: { file: repositoryPath(record.file), text: record.text } } : {}),
    title,
    body,
    labels,
  };
}
