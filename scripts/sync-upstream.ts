/** npm run sync:upstream: fetches the list (or reads a file), runs the sync, writes the report as a PR body. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../src/lib/content/entry-files';
import { REPO_ROOT } from '../src/lib/paths';
import { CliError, EXIT, runCommand } from './lib/cli';
import { syncReportBody } from './lib/list/sync/pr-body';

await runCommand(
  {
    usage:
      'npm run sync:upstream -- (--url URL | --file list.md) --body FILE [--dates file.tsv] [--allow-removals] [--content DIR]',
    help: `What the scheduled workflow (.github/workflows/sync-list.yml) runs: gets the list from --url
(or --file, to run it locally exactly as the workflow does), runs npm run sync on it and writes
the report as Markdown to --body (the pull request's description), also when the sync refuses.
Exit codes are the sync's: 0 synced; 1 refused or broken entries (nothing written); 2 bad input.`,
    options: {
      url: { type: 'string' },
      file: { type: 'string' },
      body: { type: 'string' },
      dates: { type: 'string' },
      'allow-removals': { type: 'boolean' },
    },
    content: 'registry',
  },
  async ({ values, content }) => {
    if ((values.url === undefined) === (values.file === undefined)) throw new CliError('give one of --url or --file');
    if (values.body === undefined) throw new CliError('--body FILE: where to write the report');
    const temp = mkdtempSync(path.join(tmpdir(), 'list-sync-'));
    try {
      let listFile = values.file;
      if (values.url !== undefined) {
        const response = await fetch(values.url).catch((error: Error) => {
          throw new CliError(`cannot fetch ${values.url}: ${error.message}`);
        });
        if (!response.ok) throw new CliError(`cannot fetch ${values.url}: HTTP ${response.status}`);
        listFile = path.join(temp, 'list.md');
        writeFileSync(listFile, Buffer.from(await response.arrayBuffer()));
      }
      const reportFile = path.join(temp, 'report.txt');
      const args = [
        path.join(REPO_ROOT, 'scripts/sync.ts'),
        listFile!,
        '--content',
        content.dir,
        '--report',
        reportFile,
        ...(values.dates === undefined ? [] : ['--dates', values.dates]),
        ...(values['allow-removals'] ? ['--allow-removals'] : []),
      ];
      const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8' });
      process.stdout.write(run.stdout);
      process.stderr.write(run.stderr);
      let report = '';
      try {
        report = readFileSync(reportFile, 'utf8');
      } catch {
        // The sync stopped before planning (unreadable or binary input): its stderr says why.
      }
      writeFileAtomic(
        path.resolve(values.body),
        syncReportBody({ source: values.url ?? values.file!, status: run.status ?? EXIT.problems, report, errors: run.stderr }),
      );
      return run.status ?? EXIT.problems;
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  },
);
