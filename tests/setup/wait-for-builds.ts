import { existsSync, readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { BUILDS_STATE } from './dist';

/**
 * A setup file of the site suites: the file waits until the builds it reads are done
 * (tests/setup/build-site.ts writes BUILDS_STATE when they are), and fails at once if they failed.
 * The deadline is for a build that hangs; the two builds take under a minute idle, several with
 * every core busy.
 */
const DEADLINE_MS = 30 * 60_000;

const state = await vi.waitFor(
  () => {
    // Written whole (renamed into place), so a file that is there is complete.
    if (!existsSync(BUILDS_STATE)) throw new Error(`the site builds did not finish within ${DEADLINE_MS / 60_000} minutes`);
    return (JSON.parse(readFileSync(BUILDS_STATE, 'utf8')) as { state: string }).state;
  },
  { timeout: DEADLINE_MS, interval: 500 },
);
if (state !== 'built') throw new Error('the site builds failed: their output is above, and `npm run build` shows it again');
