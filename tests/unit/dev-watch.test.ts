import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';

describe('astro dev’s file watcher', () => {
  it('leaves out the benchmark’s work folder, whose built sites would use up the system’s watchers', () => {
    // Found by hand: with a 30,000-entry bench run in bench/.work, `astro dev` logged ENOSPC and an
    // edited entry never reached its page.
    expect(readFileSync('scripts/bench.ts', 'utf8')).toContain("work: { type: 'string', default: 'bench/.work' }");
    expect(config.vite?.server?.watch?.ignored).toContain('**/bench/.work/**');
  });
});
