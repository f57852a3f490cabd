import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../../scripts/lib/checks/check-links';
import { BUILD_LOG, DIST } from '../setup/dist';

/**
 * The quiet build log (src/integrations/build-log.ts) drops Astro's per-page lines by their shape
 * as Astro logs them; if Astro changes that shape, these say so by name.
 */
describe('the build log', () => {
  const log = () => {
    if (!existsSync(BUILD_LOG)) throw new Error(`no ${path.basename(BUILD_LOG)}: run the site suites without SKIP_BUILD once`);
    // Without the colours a terminal (or FORCE_COLOR) gives Astro's log.
    return readFileSync(BUILD_LOG, 'utf8').replace(/\x1b\[[\d;]*m/g, '');
  };

  it('has no per-page lines (src/integrations/build-log.ts no longer recognises them if this fails)', () => {
    const pageLines = log()
      .split('\n')
      .filter((line) => /[├└]─ |^\s*\(\+\d/.test(line));
    expect(pageLines.slice(0, 5), 'Astro page lines the build-log workaround let through').toEqual([]);
  });

  it('says how many pages it wrote, one line in their place', () => {
    const written = /\[build-log\] (\d+) pages written/.exec(log());
    expect(written, 'the build-log summary line').not.toBeNull();
    expect(Number(written![1])).toBe(htmlFiles(DIST).length);
  });
});
