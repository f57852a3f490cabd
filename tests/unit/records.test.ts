import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContentRoot } from '../../src/lib/content-root';
import { recordSchema, type PaperRecord } from '../../src/schemas/record';
import { acceptMatch, rejectMatch } from '../../scripts/lib/records/decide';
import { emptyOutcome, exitCodeOf } from '../../scripts/lib/records/outcome';
import { MAX_MARKDOWN, renderReport } from '../../scripts/lib/records/report';
import { createServices } from '../../scripts/lib/records/services';
import { readSettings } from '../../scripts/lib/records/settings';
import { serializeRecord } from '../../scripts/lib/records/store';
import { addEntry, fakeClock, filesWithTimes, recordsContent, runAgainst } from '../helpers/records';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server';
import { tempFolder } from '../helpers/temp-folder';
import { contentFolder, removeContentFolders, sync, UPSTREAM, UPSTREAM_DATES } from '../helpers/list-sync';
import { exportListFromDisk } from '../../scripts/lib/list/write';
import { openContentRoot } from '../../src/lib/content-root';

/*
 * `npm run records`' run, in process, against the replay server (tests/helpers/replay-server.ts)
 * answering from tests/fixtures/records/ (its README names the case each entry is for).
 */

const temp = tempFolder('records-');
let server: ReplayServer;
let content: ContentRoot;
let count = 0;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());
beforeEach(() => {
  content = recordsContent(path.join(temp, String(++count)));
  server.requests.length = 0;
});

const ARIA = 'mllm/aria-an-open-multimodal-native-mixture-of-experts-mode';
const BLIP2 = 'mllm/blip-2-bootstrapping-language-image-pre-training-with-frozen';
const LLAVA = 'mllm/visual-instruction-tuning';
const MINI_GEMINI = 'mllm/mini-gemini';
const SOFT = 'llm-alignment/a-novel-soft-alignment-approach-for-language-models-with';
const TITLE_ONLY = [ARIA, BLIP2, LLAVA, MINI_GEMINI];

const recordFile = (key: string) => path.join(content.recordsDir, `${key}.yaml`);
const recordOf = (key: string): PaperRecord | undefined =>
  existsSync(recordFile(key)) ? recordSchema.parse(parse(readFileSync(recordFile(key), 'utf8'))) : undefined;
const removeEntries = (keys: readonly string[]) => keys.forEach((key) => rmSync(path.join(content.dir, `${key}.yaml`)));
/** The fixture's entries fetched by id only (no title search). */
const idsOnly = () => removeEntries([...TITLE_ONLY, SOFT]);
const run = (options: Omit<Parameters<typeof runAgainst>[0], 'server' | 'content'> = {}) =>
  runAgainst({ server, content, ...options });

describe('fetching by id', () => {
  it('asks arXiv for many ids a request (max_results set to match), one request open at a time, the pause between them', async () => {
    removeEntries(TITLE_ONLY);
    addEntry(content, 'mllm/2301.12597', {
      title: 'BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models',
      arxiv: '2301.12597',
    });
    const clock = fakeClock();
    const outcome = await run({ settings: { batchSize: 2, pauseMs: 3000 }, clock });
    const asked = server.requests.map((request) => [
      request.url.pathname,
      request.url.searchParams.get('id_list'),
      request.url.searchParams.get('max_results'),
    ]);
    expect(asked).toEqual([
      ['/api/query', '2301.12597,2409.02889', '2'],
      ['/api/query', '2409.12191', '1'],
      ['/openreview/notes', null, null],
    ]);
    expect(clock.waits).toEqual([3000, 3000]);
    expect(server.maxOpen()).toBe(1);
    expect(server.requests[0]!.headers['user-agent']).toMatch(
      /^awesome-mllm-site-records\/1\.0 \(\+https:\/\/github\.com\/[^;]+; npm run records\)$/,
    );
    expect(outcome.written.map((item) => [item.key, item.outcome])).toEqual([
      ['mllm/2301.12597', 'new'],
      ['mllm/2409.02889', 'new'],
      ['mllm/2409.12191', 'new'],
      [SOFT, 'new'],
    ]);
    expect(exitCodeOf(outcome)).toBe(0);
  });

  it("writes arXiv's record: latest version, title and abstract unwrapped, authors in order, dates, category, pages, code", async () => {
    idsOnly();
    await run();
    const record = recordOf('mllm/2409.12191')!;
    expect(record).toEqual({
      source: 'arxiv',
      fetched: '2026-12-01',
      arxiv: '2409.12191v2',
      title: "Qwen2-VL: Enhancing Vision-Language Model's Perception of the World at Any Resolution",
      authors: expect.arrayContaining(['Peng Wang', 'Junyang Lin']),
      abstract: expect.stringMatching(
        /^We present the Qwen2-VL Series, an advanced upgrade .* Code is available at https:\/\/github\.com\/QwenLM\/Qwen2-VL\.$/,
      ),
      published: '2024-09-18',
      updated: '2024-10-03',
      category: 'cs.CV',
      url: 'https://arxiv.org/abs/2409.12191',
      pdf: 'https://arxiv.org/pdf/2409.12191v2',
      code: 'https://github.com/QwenLM/Qwen2-VL',
    });
    expect(record.authors).toHaveLength(19);
    expect(record.authors.slice(0, 3)).toEqual(['Peng Wang', 'Shuai Bai', 'Sinan Tan']);
    const text = readFileSync(recordFile('mllm/2409.12191'), 'utf8');
    expect(text).toBe(serializeRecord(record));
    expect(text.split('\n')[0]).toContain('Written by `npm run records`');
    // A first version has no `updated`; the entry file is never written.
    expect(recordOf('mllm/2409.02889')).not.toHaveProperty('updated');
    expect(readFileSync(path.join(content.dir, 'mllm/2409.12191.yaml'), 'utf8')).toBe(
      readFileSync(path.join(__dirname, '../fixtures/records/content/mllm/2409.12191.yaml'), 'utf8'),
    );
  });

  it("reads an OpenReview forum: the forum's own note (not its reviews), fields under content.<name>.value", async () => {
    removeEntries(TITLE_ONLY);
    await run();
    expect(server.requests.at(-1)!.url.search).toBe('?id=28TLorTMnP');
    expect(recordOf(SOFT)).toEqual({
      source: 'openreview',
      fetched: '2026-12-01',
      openreview: '28TLorTMnP',
      title: 'A Novel Soft Alignment Approach for Language Models with Explicit Listwise Rewards',
      authors: ['Invented Author One', 'Invented Author Two', 'Invented Author Three'],
      abstract: expect.stringMatching(/^We cast language model alignment .* at once, with soft labels/),
      published: '2025-01-23',
      venue: 'ICLR 2025 Poster',
      url: 'https://openreview.net/forum?id=28TLorTMnP',
      pdf: 'https://openreview.net/pdf/0f3c2d1e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d.pdf',
      code: 'https://github.com/invented/soft-preference-optimization',
    });
  });

  it('reports a wrong id in the list as a conflict and writes nothing for it', async () => {
    idsOnly();
    // The list gives Qwen-VL the id of Qwen2-VL.
    addEntry(content, 'mllm/qwen-vl', {
      title: 'Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text Reading, and Beyond',
      arxiv: '2409.12191',
    });
    const outcome = await run();
    expect(outcome.conflicts).toEqual([
      {
        key: 'mllm/qwen-vl',
        entryTitle: 'Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text Reading, and Beyond',
        candidate: {
          id: '2409.12191v2',
          title: "Qwen2-VL: Enhancing Vision-Language Model's Perception of the World at Any Resolution",
          url: 'https://arxiv.org/abs/2409.12191',
        },
      },
    ]);
    expect(recordOf('mllm/qwen-vl')).toBeUndefined();
    expect(recordOf('mllm/2409.12191')).toBeDefined();
    expect(exitCodeOf(outcome)).toBe(1);
  });

  it("takes the list's short form (the name before the colon) for the same paper", async () => {
    idsOnly();
    addEntry(content, 'mllm/longllava', { title: 'LongLLaVA', arxiv: '2409.02889' });
    const outcome = await run();
    expect(outcome.conflicts).toEqual([]);
    expect(recordOf('mllm/longllava')?.arxiv).toBe('2409.02889v1');
  });

  it('reports an id arXiv does not know and a withdrawn paper, writing neither', async () => {
    idsOnly();
    addEntry(content, 'mllm/unknown', { title: 'A Paper arXiv Never Had', arxiv: '2412.99999' });
    addEntry(content, 'mllm/withdrawn', { title: 'A Withdrawn Study of Visual Tokens', arxiv: '2405.99992' });
    const outcome = await run();
    expect(outcome.unknown).toEqual([{ key: 'mllm/unknown', id: '2412.99999', service: 'arXiv' }]);
    expect(outcome.withdrawn).toEqual([{ key: 'mllm/withdrawn', candidate: expect.objectContaining({ id: '2405.99992v2' }) }]);
    expect([recordOf('mllm/unknown'), recordOf('mllm/withdrawn')]).toEqual([undefined, undefined]);
    expect(exitCodeOf(outcome)).toBe(1);
  });

  it('reports an OpenReview forum that does not exist', async () => {
    removeEntries([...TITLE_ONLY, 'mllm/2409.02889', 'mllm/2409.12191']);
    addEntry(content, 'llm-alignment/gone', {
      title: 'Gone',
      links: [{ kind: 'openreview', url: 'https://openreview.net/pdf?id=NoSuchForum' }],
    });
    const outcome = await run();
    expect(outcome.unknown).toEqual([{ key: 'llm-alignment/gone', id: 'openreview:NoSuchForum', service: 'OpenReview' }]);
  });
});

describe('looking up by title', () => {
  it('writes the one paper whose title is the same, and refreshes it by its id from then on', async () => {
    removeEntries([ARIA, LLAVA, MINI_GEMINI]);
    const outcome = await run();
    const search = server.requests.find((request) => request.url.searchParams.has('search_query'))!;
    expect(search.url.searchParams.get('search_query')).toBe(
      'ti:"blip 2 bootstrapping language image pre training with frozen image encoders and large language models"',
    );
    expect(outcome.written.find((item) => item.key === BLIP2)).toMatchObject({
      outcome: 'new',
      candidate: { id: '2301.12597v3' },
    });
    expect(recordOf(BLIP2)).toMatchObject({
      arxiv: '2301.12597v3',
      venue: 'ICML 2023',
      published: '2023-01-30',
      updated: '2023-06-15',
    });
    server.requests.length = 0;
    await run();
    expect(server.requests.some((request) => request.url.searchParams.has('search_query'))).toBe(false);
    expect(server.requests[0]!.url.searchParams.get('id_list')).toContain('2301.12597');
  });

  it('reports a near title and a short form with the candidates, writing nothing', async () => {
    const outcome = await run();
    expect(outcome.toConfirm.filter((item) => item.key !== LLAVA)).toEqual([
      {
        key: ARIA,
        entryTitle: 'Aria: An Open Multimodal Native Mixture-of-Experts Mode',
        why: 'close',
        candidates: [
          {
            id: '2410.05993v1',
            title: 'Aria: An Open Multimodal Native Mixture-of-Experts Model',
            url: 'https://arxiv.org/abs/2410.05993',
          },
        ],
      },
      {
        key: MINI_GEMINI,
        entryTitle: 'Mini-Gemini',
        why: 'close',
        candidates: [
          {
            id: '2403.18814v1',
            title: 'Mini-Gemini: Mining the Potential of Multi-modality Vision Language Models',
            url: 'https://arxiv.org/abs/2403.18814',
          },
        ],
      },
    ]);
    expect([recordOf(ARIA), recordOf(MINI_GEMINI)]).toEqual([undefined, undefined]);
  });

  it('reports two papers of the same title (not the third, another title) and writes neither', async () => {
    const outcome = await run();
    expect(outcome.toConfirm.find((item) => item.key === LLAVA)).toEqual({
      key: LLAVA,
      entryTitle: 'Visual Instruction Tuning',
      why: 'several',
      candidates: [
        { id: '2304.08485v2', title: 'Visual Instruction Tuning', url: 'https://arxiv.org/abs/2304.08485' },
        { id: '2311.99991v1', title: 'Visual Instruction Tuning', url: 'https://arxiv.org/abs/2311.99991' },
      ],
    });
    expect(recordOf(LLAVA)).toBeUndefined();
    const report = renderReport(outcome, 'markdown');
    expect(report).toContain('`npm run records -- --accept mllm/visual-instruction-tuning 2304.08485`');
    expect(report).toContain('`npm run records -- --reject mllm/visual-instruction-tuning 2311.99991`');
  });
});

describe("the maintainer's answers", () => {
  const options = () => {
    const settings = readSettings(server.env());
    return { content, services: createServices({ settings, today: '2026-12-02' }), batchSize: settings.batchSize };
  };

  it('--accept fetches and writes the paper, remembers it, and the entry is fetched by that id from then on', async () => {
    const accepted = await acceptMatch(options(), LLAVA, 'https://arxiv.org/abs/2304.08485v1');
    expect(accepted.written).toEqual([expect.objectContaining({ key: LLAVA, outcome: 'new' })]);
    expect(server.requests.map((request) => request.url.searchParams.get('id_list'))).toEqual(['2304.08485']);
    expect(parse(readFileSync(path.join(content.recordsDir, 'decisions.yaml'), 'utf8'))).toEqual({
      accepted: { [LLAVA]: '2304.08485' },
      rejected: {},
    });
    server.requests.length = 0;
    const outcome = await run();
    expect(outcome.toConfirm.map((item) => item.key)).not.toContain(LLAVA);
    expect(
      server.requests.filter((request) => request.url.searchParams.get('search_query')?.includes('visual instruction')),
    ).toEqual([]);
  });

  it('--accept of a conflict writes the paper whatever its title; nothing is remembered when the fetch fails', async () => {
    idsOnly();
    addEntry(content, 'mllm/qwen-vl', { title: 'Qwen-VL', arxiv: '2409.12191' });
    server.script({ status: 503 }, (url) => url.searchParams.get('id_list') === '2409.12191');
    const settings = { ...readSettings(server.env()), attempts: 1 };
    const failing = await acceptMatch(
      { content, services: createServices({ settings, today: '2026-12-02' }), batchSize: 50 },
      'mllm/qwen-vl',
      '2409.12191',
    );
    expect(failing.failures).toHaveLength(1);
    expect(existsSync(path.join(content.recordsDir, 'decisions.yaml'))).toBe(false);
    const outcome = await acceptMatch(options(), 'mllm/qwen-vl', '2409.12191');
    expect(outcome.conflicts).toEqual([]);
    expect(recordOf('mllm/qwen-vl')?.arxiv).toBe('2409.12191v2');
  });

  it('--reject is remembered: the candidate is not proposed again, and a record made from it goes', async () => {
    expect(rejectMatch(content, ARIA, '2410.05993')).toEqual([`${ARIA}: 2410.05993 rejected; it will not be proposed again`]);
    const outcome = await run();
    expect(outcome.toConfirm.map((item) => item.key)).not.toContain(ARIA);
    expect(outcome.notFound).toContain(ARIA);
    // One of two same-title papers rejected: the other is the one match, and is written.
    rejectMatch(content, LLAVA, '2311.99991');
    expect((await run()).written.map((item) => item.key)).toContain(LLAVA);
    expect(rejectMatch(content, LLAVA, '2304.08485')).toContain(`${LLAVA}: its record, made from 2304.08485, is removed`);
    expect(recordOf(LLAVA)).toBeUndefined();
    expect(parse(readFileSync(path.join(content.recordsDir, 'decisions.yaml'), 'utf8')).rejected[LLAVA]).toEqual([
      '2304.08485',
      '2311.99991',
    ]);
  });

  it('reads decisions.yaml with the one YAML reader, naming the line and field of a mistake', async () => {
    mkdirSync(content.recordsDir, { recursive: true });
    writeFileSync(
      path.join(content.recordsDir, 'decisions.yaml'),
      'accepted:\n  mllm/mini-gemini: "2403.18814"\n  mllm/aria: soon\n',
    );
    await expect(run()).rejects.toThrow(/decisions\.yaml:3: accepted\.mllm\/aria: must be an arXiv id or openreview:<forum id>$/);
  });

  it('names an entry or id it cannot use', async () => {
    await expect(acceptMatch(options(), 'mllm/no-such-entry', '2304.08485')).rejects.toThrow(
      'mllm/no-such-entry: there is no entry file no-such-entry.yaml, .md or .mdx in mllm/',
    );
    expect(() => rejectMatch(content, LLAVA, 'not-an-id')).toThrow(
      'not-an-id: give an arXiv id (2409.12191), openreview:<forum id>',
    );
  });
});

describe('failures change nothing they should not', () => {
  /** The fixture with every record of a first run written, and a copy of the files. */
  const firstRun = async () => {
    idsOnly();
    await run();
    server.requests.length = 0;
    return filesWithTimes(content.recordsDir);
  };

  it('retries a 429 after its Retry-After, then writes', async () => {
    idsOnly();
    server.script({ status: 429, headers: { 'retry-after': '7' } });
    const clock = fakeClock();
    const outcome = await run({ clock });
    expect(clock.waits).toEqual([7000]);
    expect(server.requests.map((request) => request.url.searchParams.get('id_list'))).toEqual([
      '2409.02889,2409.12191',
      '2409.02889,2409.12191',
    ]);
    expect(outcome.failures).toEqual([]);
    expect(recordOf('mllm/2409.12191')).toBeDefined();
  });

  it('backs off exponentially on 503 up to the bound, then reports the papers and keeps their records as they were', async () => {
    const before = await firstRun();
    for (let index = 0; index < 4; index++) server.script({ status: 503 }, (url) => url.pathname === '/api/query');
    const clock = fakeClock();
    const outcome = await run({ clock, settings: { pauseMs: 1000 } });
    expect(clock.waits).toEqual([1000, 2000, 4000]);
    expect(server.requests).toHaveLength(4);
    expect(outcome.failures).toEqual([
      { service: 'arXiv', reason: 'arXiv answered HTTP 503 (4 tries)', keys: ['mllm/2409.02889', 'mllm/2409.12191'] },
    ]);
    expect(filesWithTimes(content.recordsDir)).toEqual(before);
    // Every request failed: nothing could be done.
    expect(exitCodeOf(outcome)).toBe(2);
  });

  it('ends a batch on a timeout with one line naming the service, and writes nothing half', async () => {
    idsOnly();
    server.script({ hang: true });
    const outcome = await run({ settings: { timeoutMs: 100 } });
    expect(outcome.failures).toEqual([
      { service: 'arXiv', reason: 'arXiv did not answer within 100 ms', keys: ['mllm/2409.02889', 'mllm/2409.12191'] },
    ]);
    expect(existsSync(path.join(content.recordsDir, 'mllm'))).toBe(false);
    expect(exitCodeOf(outcome)).toBe(2);
  });

  it('ends a batch on malformed XML or JSON, and on an unreachable service', async () => {
    const before = await firstRun();
    server.script({
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
    expect(filesWithTimes(content.recordsDir)).toEqual(before);

    removeEntries(['mllm/2409.02889', 'mllm/2409.12191']);
    addEntry(content, SOFT.replace('a-novel', 'x'), {
      title: 'A Novel Soft Alignment Approach for Language Models with Explicit Listwise Rewards',
      links: [{ kind: 'openreview', url: 'https://openreview.net/forum?id=28TLorTMnP' }],
    });
    server.script({ body: '{"notes": [' }, (url) => url.pathname.startsWith('/openreview'));
    expect((await run()).failures).toEqual([
      {
        service: 'OpenReview',
        reason: expect.stringMatching(/^OpenReview's answer is not JSON \(.+\)$/),
        keys: [SOFT.replace('a-novel', 'x')],
      },
    ]);

    const closed = await startReplayServer();
    await closed.close();
    const unreachable = await runAgainst({ server: closed, content });
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
    const before = filesWithTimes(content.dir);
    const outcome = await run({ today: '2027-01-01' });
    expect(outcome.written).toEqual([]);
    expect(outcome.unchanged).toBe(4);
    expect(filesWithTimes(content.dir)).toEqual(before);
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
    mkdirSync(path.join(content.recordsDir, 'old-section'));
    writeFileSync(path.join(content.recordsDir, 'old-section', 'x.yaml'), orphan);
    rmSync(path.join(content.dir, 'mllm', '2409.12191.yaml'));
    const outcome = await run();
    expect(outcome.removed).toEqual(['mllm/2409.12191', 'old-section/x']);
    expect(existsSync(recordFile('mllm/2409.12191'))).toBe(false);
    expect(existsSync(path.join(content.recordsDir, 'old-section'))).toBe(false);
    expect(renderReport(outcome, 'text')).toContain(
      'Removed records (their entry is gone) (2):\n- mllm/2409.12191\n- old-section/x',
    );
  });
});

describe('the report', () => {
  it('quotes titles from the list and the services only in code spans', async () => {
    idsOnly();
    addEntry(content, 'mllm/qwen-vl', { title: 'Qwen-VL <img src=x onerror=alert(1)> @octocat closes #1', arxiv: '2409.12191' });
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
    const outcome = await runAgainst({ server, content: synced });
    expect(outcome.written.map((item) => item.key)).toEqual(
      expect.arrayContaining(['mllm/2409.02889', 'mllm/blip-2-bootstrapping-language-image-pre-training-with-frozen']),
    );
    const records = filesWithTimes(synced.recordsDir);
    expect(exportListFromDisk(root).text).toBe(exported);
    const again = sync(root, UPSTREAM, { dates: UPSTREAM_DATES, defaultAdded: '2099-01-01' });
    expect(again.entries.every((entry) => entry.action === 'unchanged')).toBe(true);
    expect(filesWithTimes(synced.recordsDir)).toEqual(records);
  });
});
