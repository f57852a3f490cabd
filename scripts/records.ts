/** npm run records: fetches every entry's scholarly record from arXiv and OpenReview into content/records/. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { acceptMatch, rejectMatch } from './lib/records/decide';
import { DecisionError } from './lib/records/decisions';
import { exitCodeOf, type RecordsOutcome } from './lib/records/outcome';
import { renderReport } from './lib/records/report';
import { runRecords } from './lib/records/run';
import { createServices } from './lib/records/services';
import { readSettings } from './lib/records/settings';
import { CliError, EXIT, runCommand, todayUtc } from './lib/cli';

await runCommand(
  {
    usage:
      'npm run records [-- --report FILE] [--accept <section>/<entry> <id>] [--reject <section>/<entry> <id>] [--content DIR]',
    help: `Fetches the scholarly record (authors, abstract, dates, venue, PDF, code) of every entry
from arXiv's Query API and OpenReview's API v2, into records/<section>/<entry id>.yaml of the
content folder. Entry files are only read. An entry is fetched by the arXiv id of its arxiv field
or a link, else its OpenReview forum link, else the id of the record it has; an entry with none is
searched by title on arXiv and written only when exactly one paper has the same title (case,
punctuation and LaTeX aside). Close titles, several papers of one title and a record whose title
is not the entry's (a wrong id in the list) are reported, not written. A record is rewritten only
when something besides its fetched day changed; a record whose entry is gone is removed.

  --report FILE          also write the report as Markdown (the sync pull request's description)
  --accept KEY ID        take paper ID (2409.12191, openreview:<forum id>, or a link) as entry
                         KEY's (mllm/some-entry): fetch and write it, remember it in
                         records/decisions.yaml (it is fetched by that id from then on)
  --reject KEY ID        remember that ID is not KEY's paper: never proposed again

Settings (environment): ARXIV_API_URL (default https://export.arxiv.org/api/query),
OPENREVIEW_API_URL (default https://api2.openreview.net), RECORDS_PAUSE_MS (between two
requests, default 3000: arXiv's terms), RECORDS_TIMEOUT_MS (per request, default 30000).

Exit codes: 0 all done; 1 done, with papers reported (to confirm, conflicts, failures, unknown
or withdrawn); 2 nothing could be done (every request failed, or bad arguments).`,
    options: {
      report: { type: 'string' },
      accept: { type: 'string' },
      reject: { type: 'string' },
    },
    positionals: true,
    content: 'registry',
  },
  async ({ values, positionals, content }) => {
    const decision = values.accept ?? values.reject;
    if (values.accept !== undefined && values.reject !== undefined) throw new CliError('give --accept or --reject, not both');
    if (decision === undefined ? positionals.length > 0 : positionals.length !== 1)
      throw new CliError(
        decision === undefined
          ? `unexpected argument ${positionals[0]}`
          : `give one id after --${values.accept !== undefined ? 'accept' : 'reject'} ${decision}`,
      );
    let settings;
    try {
      settings = readSettings();
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    try {
      if (values.reject !== undefined) {
        for (const line of rejectMatch(content, values.reject, positionals[0]!)) console.log(line);
        return EXIT.ok;
      }
      const options = {
        content,
        services: createServices({ settings, today: todayUtc() }),
        batchSize: settings.batchSize,
        log: (line: string) => console.error(line),
      };
      const outcome: RecordsOutcome =
        values.accept !== undefined ? await acceptMatch(options, values.accept, positionals[0]!) : await runRecords(options);
      if (values.report !== undefined) writeFileSync(path.resolve(values.report), renderReport(outcome, 'markdown'));
      process.stdout.write(renderReport(outcome, 'text'));
      return exitCodeOf(outcome);
    } catch (error) {
      if (error instanceof DecisionError) throw new CliError(error.message);
      throw error;
    }
  },
);
