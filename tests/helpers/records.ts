import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { recordSchema, type PaperRecord } from '../../src/schemas/record';
import { openContentRoot, type ContentRoot } from '../../src/lib/content/content-root';
import { serializeEntry } from '../../src/lib/content/entry-files';
import { writeFileAtomic } from '../../src/lib/content/entry-files';
import type { PaperInput } from '../../src/schemas/paper';
import { lookupRecord, type RecordQuery } from '../../scripts/lib/records/lookup';
import type { Fetch } from '../../scripts/lib/records/http';
import { runRecords } from '../../scripts/lib/records/run';
import { createServices } from '../../scripts/lib/records/services';
import { readSettings, type RecordsSettings } from '../../scripts/lib/records/settings';
import { RECORD_FIXTURES, startReplayServer, type ReplayServer } from './replay-server';
import { tempFolder } from './temp-folder';

/** A copy of the records fixtures' content folder in `dir` (tests/fixtures/records/README.md). */
export function recordsContent(dir: string): ContentRoot {
  const root = path.join(dir, 'content');
  cpSync(path.join(RECORD_FIXTURES, 'content'), root, { recursive: true });
  return openContentRoot(root);
}

/** Adds an entry file `<section>/<id>.yaml` to a content folder. */
export function addEntry(content: ContentRoot, key: string, paper: Partial<PaperInput> & { title: string }): void {
  const [section, id] = key.split('/') as [string, string];
  writeFileAtomic(
    path.join(content.dir, section, `${id}.yaml`),
    serializeEntry({ links: [{ kind: 'notes', url: 'https://zhuanlan.zhihu.com/p/1' }], added: '2024-01-01', ...paper }),
  );
}

/** Every file under `dir` with its bytes and modification time. */
export function filesWithTimes(dir: string): Record<string, { text: string; mtimeMs: number }> {
  const files: Record<string, { text: string; mtimeMs: number }> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = { text: readFileSync(file, 'utf8'), mtimeMs: statSync(file).mtimeMs };
  }
  return files;
}

/** A clock that only moves when told to wait: the waits a client asks for, with no time passing. */
export function fakeClock() {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}

export interface RunAgainst {
  server: ReplayServer;
  content: ContentRoot;
  today?: string;
  settings?: Partial<RecordsSettings>;
  clock?: ReturnType<typeof fakeClock>;
}

/** `npm run records`' run, in process, against the replay server. */
export function runAgainst({ server, content, today = '2026-12-01', settings = {}, clock = fakeClock() }: RunAgainst) {
  const merged = { ...readSettings(server.env()), ...settings };
  return runRecords({
    content,
    services: createServices({ settings: merged, today, sleep: clock.sleep, now: clock.now }),
    batchSize: merged.batchSize,
  });
}

/**
 * The suggestion's record lookup (scripts/lib/records/lookup.ts) with `answer` as every request's
 * answer: a recorded feed's text, or a fetch of its own. No pause, one try.
 */
export function answeringLookup(answer: string | Fetch, today = '2026-12-01') {
  const fetch: Fetch = typeof answer === 'string' ? async () => new Response(answer) : answer;
  const settings = { ...readSettings({}), pauseMs: 0, attempts: 1 };
  const services = createServices({ settings, today, fetch });
  return (query: RecordQuery) => lookupRecord(services, query);
}

/** The fixture's entries, by the case each is for (tests/fixtures/records/README.md). */
export const ARIA = 'mllm/aria-an-open-multimodal-native-mixture-of-experts-mode';
export const BLIP2 = 'mllm/blip-2-bootstrapping-language-image-pre-training-with-frozen';
export const LLAVA = 'mllm/visual-instruction-tuning';
export const MINI_GEMINI = 'mllm/mini-gemini';
export const SOFT = 'llm-alignment/a-novel-soft-alignment-approach-for-language-models-with';
export const TITLE_ONLY = [ARIA, BLIP2, LLAVA, MINI_GEMINI];

/**
 * For a test file: a replay server for its tests, and before each test a fresh copy of the
 * fixture content (`fx.content`), with helpers that read and change it.
 */
export function recordsFixture(prefix: string) {
  const temp = tempFolder(prefix);
  let count = 0;
  const fx = {
    server: undefined as unknown as ReplayServer,
    content: undefined as unknown as ContentRoot,
    recordFile: (key: string) => path.join(fx.content.recordsDir, `${key}.yaml`),
    recordOf: (key: string): PaperRecord | undefined =>
      existsSync(fx.recordFile(key)) ? recordSchema.parse(parse(readFileSync(fx.recordFile(key), 'utf8'))) : undefined,
    removeEntries: (keys: readonly string[]) => keys.forEach((key) => rmSync(path.join(fx.content.dir, `${key}.yaml`))),
    /** Leaves the entries fetched by arXiv id only (no title search, no OpenReview). */
    idsOnly: () => fx.removeEntries([...TITLE_ONLY, SOFT]),
    run: (options: Omit<RunAgainst, 'server' | 'content'> = {}) =>
      runAgainst({ server: fx.server, content: fx.content, ...options }),
  };
  beforeAll(async () => {
    fx.server = await startReplayServer();
  });
  afterAll(() => fx.server.close());
  beforeEach(() => {
    fx.content = recordsContent(path.join(temp, String(++count)));
    fx.server.requests.length = 0;
  });
  return fx;
}
