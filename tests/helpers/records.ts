import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openContentRoot, type ContentRoot } from '../../src/lib/content-root';
import { serializeEntry } from '../../src/lib/entry-files';
import { writeFileAtomic } from '../../src/lib/entry-files';
import type { PaperInput } from '../../src/schemas/paper';
import { lookupRecord, type RecordQuery } from '../../scripts/lib/records/lookup';
import type { Fetch } from '../../scripts/lib/records/http';
import { runRecords } from '../../scripts/lib/records/run';
import { createServices } from '../../scripts/lib/records/services';
import { readSettings, type RecordsSettings } from '../../scripts/lib/records/settings';
import { RECORD_FIXTURES, type ReplayServer } from './replay-server';

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
