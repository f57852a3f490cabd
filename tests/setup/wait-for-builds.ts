import { existsSync, readFileSync, watch } from 'node:fs';
import path from 'node:path';
import { BUILDS_STATE } from './dist';

/**
 * A setup file of the site suites: the file waits until the builds it reads are done
 * (tests/setup/build-site.ts writes BUILDS_STATE when they are), and fails at once if they failed.
 * The deadline is for a build that hangs; three builds take about a minute idle, several with
 * every core busy.
 */
const DEADLINE_MS = 30 * 60_000;

function readState(): string | undefined {
  // Written whole (renamed into place), so a file that is there is complete.
  if (!existsSync(BUILDS_STATE)) return undefined;
  return (JSON.parse(readFileSync(BUILDS_STATE, 'utf8')) as { state: string }).state;
}

async function buildsDone(): Promise<string> {
  const now = readState();
  if (now) return now;
  return new Promise((resolve, reject) => {
    const settle = (settled: () => void) => {
      clearTimeout(timer);
      clearInterval(poll);
      watcher.close();
      settled();
    };
    const check = () => {
      const state = readState();
      if (state) settle(() => resolve(state));
    };
    // The folder's change events wake the file at once; the poll covers a file system that sends none.
    const watcher = watch(path.dirname(BUILDS_STATE), check);
    const poll = setInterval(check, 1_000);
    const timer = setTimeout(
      () => settle(() => reject(new Error(`the site builds did not finish within ${DEADLINE_MS / 60_000} minutes`))),
      DEADLINE_MS,
    );
    check();
  });
}

const state = await buildsDone();
if (state !== 'built') throw new Error('the site builds failed: their output is above, and `npm run build` shows it again');
