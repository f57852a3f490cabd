import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportListFromDisk } from '../../../scripts/lib/list/write';
import { emptyOutcome, exitCodeOf } from '../../../scripts/lib/records/outcome';
import { MAX_MARKDOWN, renderReport } from '../../../scripts/lib/records/report';
import { openContentRoot } from '../../../src/lib/content/content-root';
import { contentFolder, removeContentFolders, sync, UPSTREAM, UPSTREAM_DATES } from '../../helpers/list-sync';
import {
  addEntry,
  ARIA,
  LLAVA,
  MINI_GEMINI,
  fakeClock,
  filesWithTimes,
  recordsFixture,
  runAgainst,
  SOFT,
} from '../../helpers/records';
import { startReplayServer } from '../../helpers/replay-server';

/*
 * `npm run records` when things go wrong (429, 503, a timeout, malformed answers, no service) and
 * when nothing should change (a second run, records of entries gone, the list's sync and export),
 * in process against the replay server; the report.
 */

const fx = recordsFixture('records-runs-');
const { recordFile, recordOf, removeEntries, idsOnly, run } = fx;

describe('failures change nothing they should not', () => {
  /** The fixture with every record of a first run written, and a copy of the files. */
  const firstRun = async () => {
    idsOnly();
    await run();
    fx.server.requests.length = 0;
    return filesWithTimes(fx.content.recordsDir);
  };

  it('retries a 429 after its Retry-After, then writes', async () => {
    idsOnly();
    fx.server.script({ status: 429, headers: { 'retry-after': '7' } });
    const clock = fakeClock();
    const outcome = await run({ clock });
    expect(clock.waits).toEqual([7000]);
    expect(fx.server.requests.map((request) => request.url.searchParams.get('id_list'))).toEqual([
      '2409.02889,2409.12191',
      '2409.02889,2409.12191',
    ]);
    expect(outcome.failures).toEqual([]);
    expect(recordOf('mllm/2409.12191')).toBeDefined();
  });

  it('backs off exponentially on 503 up to the bound, then reports the papers and keeps their records as they were', async () => {
    const before = await firstRun();
    for (let index = 0; index < 4; index++) fx.server.script({ status: 503 }, (url) => url.pathname === '/api/query');
    const clock = fakeClock();
    const outcome = await run({ clock, settings: { pauseMs: 1000 } });
    expect(clock.waits).toEqual([1000, 2000, 4000]);
    expect(fx.server.requests).toHaveLength(4);
    expect(outcome.failures).toEqual([
      { service: 'arXiv', reason: 'arXiv answered HTTP 503 (4 tries)', keys: ['mllm/2409.02889', 'mllm/2409.12191'] },
    ]);
    expect(filesWithTimes(fx.content.recordsDir)).toEqual(before);
    // Every request failed: nothing could be done.
    expect(exitCodeOf(outcome)).toBe(2);
  });

  it('ends a batch on a timeout with one line naming the service, and writes nothing half', async () => {
    idsOnly();
    fx.server.script({ hang: true });
    const outcome = await run({ settings: { timeoutMs: 100 } });
    expect(outcome.failures).toEqual([
      { service: 'arXiv', reason: 'arXiv did not answer within 100 ms', keys: ['mllm/2409.02889', 'mllm/2409.12191'] },
    ]);
    expect(existsSync(path.join(fx.content.recordsDir, 'mllm'))).toBe(false);
    expect(exitCodeOf(outcome)).toBe(2);
  });

  it('ends a batch on malformed XML or JSON, and on an unreachable service', async () => {
    const before = await firstRun();
    fx.server.script({
      body: '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <entry><id>http://arxiv.org/abs/2409.12191v2</id>\n</feed>',
    });
    const outcome = await run();
    expect(outcome.failures).toEqual([
      {
        service: 'arXiv',
        reason: expect.stringMatching(/^arXiv's answer is not well-formed XML \(line \d+: .+\)$/),
        keys: ['mllm/2409.02889', 'mllm/2409.12191'],
      },
    ]);
    expect(filesWithTimes(fx.content.recordsDir)).toEqual(before);

    removeEntries(['mllm/2409.02889', 'mllm/2409.12191']);
    addEntry(fx.content, SOFT.replace('a-novel', 'x'), {
      title: 'A Novel Soft Alignment Approach for Language Models with Explicit Listwise Rewards',
      links: [{ kind: 'openreview', url: 'https://openreview.net/forum?id=28TLorTMnP' }],
    });
    fx.server.script({ body: '{"notes": [' }, (url) => url.pathname.startsWith('/openreview'));
    expect((await run()).failures).toEqual([
      {
        service: 'OpenReview',
        reason: expect.stringMatching(/^OpenReview's answer is not JSON \(.+\)$/),
        keys: [SOFT.replace('a-novel', 'x')],
      },
    ]);

    const closed = await startReplayServer();
    await closed.close();
    const unreachable = await runAgainst({ server: closed, content: fx.content });
    expect(unreachable.failures).toEqual([
      { service: 'OpenReview', reason: 'OpenReview could not be reached (ECONNREFUSED)', keys: expect.any(Array) },
    ]);
    expect(exitCodeOf(unreachable)).toBe(2);
  });
});

describe('runs that change nothing', () => {
  it('a second run with the same answers (another day) changes no file: bytes and times', async () => {
    removeEntries([ARIA, LLAVA, MINI_GEMINI]);
    await run({ today: '2026-12-01' });
    const before = filesWithTimes(fx.content.dir);
    const outcome = await run({ today: '2027-01-01' });
    expect(outcome.written).toEqual([]);
    expect(outcome.unchanged).toBe(4);
    expect(filesWithTimes(fx.content.dir)).toEqual(before);
    expect(exitCodeOf(outcome)).toBe(0);
  });

  it('rewrites a record when the service says something new, keeping the file whole', async () => {
    idsOnly();
    await run();
    const file = recordFile('mllm/2409.12191');
    writeFileSync(file, readFileSync(file, 'utf8').replace('category: cs.CV', 'category: cs.CL'));
    const outcome = await run({ today: '2026-12-05' });
    expect(outcome.written).toEqual([expect.objectContaining({ key: 'mllm/2409.12191', outcome: 'changed' })]);
    expect(recordOf('mllm/2409.12191')).toMatchObject({ category: 'cs.CV', fetched: '2026-12-05' });
  });

  it('removes the records whose entry is gone (and of a section gone), and says so', async () => {
    idsOnly();
    await run();
    const orphan = readFileSync(recordFile('mllm/2409.12191'), 'utf8');
    mkdirSync(path.join(fx.content.recordsDir, 'old-section'));
    writeFileSync(path.join(fx.content.recordsDir, 'old-section', 'x.yaml'), orphan);
    rmSync(path.join(fx.content.dir, 'mllm', '2409.12191.yaml'));
    const outcome = await run();
    expect(outcome.removed).toEqual(['mllm/2409.12191', 'old-section/x']);
    expect(existsSync(recordFile('mllm/2409.12191'))).toBe(false);
    expect(existsSync(path.join(fx.content.recordsDir, 'old-section'))).toBe(false);
    expect(renderReport(outcome, 'text')).toContain(
      'Removed records (their entry is gone) (2):\n- mllm/2409.12191\n- old-section/x',
    );
  });
});

describe('the report', () => {
  it('quotes titles from the list and the services only in code spans', async () => {
    idsOnly();
    addEntry(fx.content, 'mllm/qwen-vl', {
      title: 'Qwen-VL <img src=x onerror=alert(1)> @octocat closes #1',
      arxiv: '2409.12191',
    });
    const report = renderReport(await run(), 'markdown');
    expect(report).toContain("### Conflicts: the list's id names another paper (1)");
    expect(report).toContain('`Qwen-VL <img src=x onerror=alert(1)> @octocat closes #1`');
    expect(report.replace(/`[^`\n]*`/g, '')).not.toMatch(/<img|@octocat|#1\b/);
  });
});

describe('the Markdown report', () => {
  it('fits in its share of a pull request description, cutting long lists and counting the rest', () => {
    const outcome = emptyOutcome();
    for (let index = 0; index < 400; index++)
      outcome.toConfirm.push({
        key: `mllm/paper-${index}`,
        entryTitle: `A long title of a paper number ${index} `.repeat(4),
        why: 'several',
        candidates: [1, 2].map((n) => ({
          id: `2401.0${1000 + index}v${n}`,
          title: 'Another long title '.repeat(5),
          url: `https://arxiv.org/abs/2401.0${1000 + index}`,
        })),
      });
    const markdown = renderReport(outcome, 'markdown');
    expect(markdown.length).toBeLessThanOrEqual(MAX_MARKDOWN);
    expect(markdown).toMatch(/^- … and \d+ more \(the run's log lists them all\)$/m);
    expect(renderReport(outcome, 'text')).toContain('- … and 250 more');
  });
});

describe('records and the list', () => {
  afterAll(removeContentFolders);

  it('a list synced, its records fetched: the export is what it was, byte for byte, and a sync again changes neither', async () => {
    const root = contentFolder();
    sync(root, UPSTREAM, { dates: UPSTREAM_DATES });
    const exported = exportListFromDisk(root).text;
    const synced = openContentRoot(root);
    const outcome = await runAgainst({ server: fx.server, content: synced });
    expect(outcome.written.map((item) => item.key)).toEqual(
      expect.arrayContaining(['mllm/2409.02889', 'mllm/blip-2-bootstrapping-language-image-pre-training-with-frozen']),
    );
    const records = filesWithTimes(synced.recordsDir);
    expect(exportListFromDisk(root).text).toBe(exported);
    const again = sync(root, UPSTREAM, { dates: UPSTREAM_DATES, defaultAdded: '2099-01-01' });
    expect(again.entries.planned.every((entry) => entry.action === 'unchanged')).toBe(true);
    expect(filesWithTimes(synced.recordsDir)).toEqual(records);
  });
});
