import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesWithTimes, recordsContent } from '../../helpers/records';
import { startReplayServer, type ReplayServer } from '../../helpers/replay-server';
import { runScript } from '../../helpers/run';
import { tempFolder } from '../../helpers/temp-folder';

/* `npm run records` as a maintainer and the sync workflow run it: arguments, report, exit codes. */

const temp = tempFolder('records-cli-');
let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

let count = 0;
const freshContent = () => recordsContent(path.join(temp, String(++count)));
const records = (args: string[], env: Record<string, string> = server.env()) =>
  runScript('scripts/records.ts', args, { CONTENT_DIR: undefined, ...env });

describe('npm run records', () => {
  it('fetches, prints the report, writes it as Markdown with --report, and exits 1 when papers are reported', async () => {
    const content = freshContent();
    const report = path.join(temp, 'report.md');
    const run = await records(['--content', content.dir, '--report', report]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^Records:\n\n4 new, 0 changed, 0 unchanged, 0 removed; 6 answers, 0 failed requests\./);
    expect(run.stdout).toContain('- mllm/visual-instruction-tuning “Visual Instruction Tuning”: several papers have this title');
    expect(run.stderr).toContain('arXiv: 1-2 of 2 ids');
    const markdown = readFileSync(report, 'utf8');
    expect(markdown).toMatch(/^## Records\n/);
    expect(markdown).toContain('### Matches to confirm (3)');
    expect(markdown).toContain(
      '  - [2403.18814v1](https://arxiv.org/abs/2403.18814) `Mini-Gemini: Mining the Potential of Multi-modality Vision Language Models`: `npm run records -- --accept mllm/mini-gemini 2403.18814` or `npm run records -- --reject mllm/mini-gemini 2403.18814`',
    );
  });

  it('exits 0 when all is done, and confirms and rejects in one command each', async () => {
    const content = freshContent();
    const accept = await records(['--content', content.dir, '--accept', 'mllm/mini-gemini', '2403.18814']);
    expect(accept.status, accept.stderr).toBe(0);
    expect(accept.stdout).toContain('1 new, 0 changed');
    const reject = await records([
      '--content',
      content.dir,
      '--reject',
      'mllm/aria-an-open-multimodal-native-mixture-of-experts-mode',
      '2410.05993',
    ]);
    expect(reject).toMatchObject({ status: 0, stdout: expect.stringContaining('2410.05993 rejected') });
    expect(readFileSync(path.join(content.recordsDir, 'decisions.yaml'), 'utf8')).toContain('mllm/mini-gemini: "2403.18814"');
  });

  it('exits 2 when nothing could be done (the services unreachable), saying so in one line per request', async () => {
    const closed = await startReplayServer();
    await closed.close();
    const content = freshContent();
    const run = await records(['--content', content.dir], closed.env());
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^- arXiv could not be reached \(ECONNREFUSED\): 2 entries not fetched, kept as they were/m);
    expect(run.stdout).toMatch(/^- OpenReview could not be reached \(ECONNREFUSED\): 1 entry not fetched/m);
  });

  // One case a test: each runs the command once, within its own time on a busy machine.
  it.each<[string, string[], Record<string, string>, string]>([
    [
      'an entry that is not',
      ['--accept', 'mllm/nope', '2403.18814'],
      {},
      'mllm/nope: there is no entry file nope.yaml, .md or .mdx in mllm/',
    ],
    ['no id', ['--accept', 'mllm/mini-gemini'], {}, 'give one id after --accept mllm/mini-gemini'],
    [
      'an id that is not',
      ['--reject', 'mllm/mini-gemini', 'x'],
      {},
      "x: give an arXiv id (2409.12191), openreview:<forum id>, or either's link",
    ],
    [
      'a pause that is not a number',
      [],
      { RECORDS_PAUSE_MS: 'soon' },
      'RECORDS_PAUSE_MS=soon: give a whole number of milliseconds (default 3000)',
    ],
    [
      'a URL that is not http',
      [],
      { ARXIV_API_URL: 'ftp://mirror' },
      'ARXIV_API_URL=ftp://mirror: give an http:// or https:// URL (default https://export.arxiv.org/api/query)',
    ],
  ])('names %s in one line (exit 2), asking nothing', async (_, args, env, message) => {
    const content = freshContent();
    server.requests.length = 0;
    const run = await records(['--content', content.dir, ...args], { ...server.env(), ...env });
    expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({ status: 2, stderr: `error: ${message}` });
    expect(server.requests).toEqual([]);
  });
});

describe('records and the list', () => {
  it('are neither read nor changed by npm run export:readme and npm run sync: the export is byte-identical with or without them', async () => {
    const content = freshContent();
    const bare = path.join(temp, 'bare');
    cpSync(content.dir, bare, { recursive: true });
    expect((await records(['--content', content.dir])).status).toBe(1);
    const before = filesWithTimes(content.recordsDir);
    expect(Object.keys(before).length).toBeGreaterThan(3);

    const [withRecords, without] = [path.join(temp, 'with.md'), path.join(temp, 'without.md')];
    expect((await runScript('scripts/export-readme.ts', ['--content', content.dir, '--out', withRecords])).status).toBe(0);
    expect((await runScript('scripts/export-readme.ts', ['--content', bare, '--out', without])).status).toBe(0);
    expect(readFileSync(withRecords, 'utf8')).toBe(readFileSync(without, 'utf8'));

    const synced = await runScript('scripts/sync.ts', [withRecords, '--content', content.dir]);
    expect(synced.status, synced.stderr).toBe(0);
    expect(synced.stdout).toContain('nothing to sync');
    expect(filesWithTimes(content.recordsDir)).toEqual(before);
    rmSync(bare, { recursive: true });
  });
});
