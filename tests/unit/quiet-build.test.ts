import { describe, expect, it } from 'vitest';
import { routeLineFilter } from '../../src/integrations/quiet-build';

describe('the quiet build log', () => {
  it("drops Astro's per-page lines, written in two pieces, and counts them; keeps everything else", () => {
    const routes = routeLineFilter();
    const chunks = [
      '05:09:58 ▶ src/pages/[section]/[id].astro\n',
      '05:09:58   ├─ /mllm/2409.12191/index.html',
      '\x1b[2m (+12ms)\x1b[22m \n',
      '05:09:58   └─ /mllm/x/index.html',
      ' (+3ms) \n',
      '05:09:58 [WARN] something worth reading\n05:09:58   ├─ /a/index.html (+2ms)\n',
      '05:09:58 ✓ Completed in 3.63s.\n',
    ];
    expect(chunks.map((chunk) => routes.filter(chunk)).join('')).toBe(
      '05:09:58 ▶ src/pages/[section]/[id].astro\n05:09:58 [WARN] something worth reading\n05:09:58 ✓ Completed in 3.63s.\n',
    );
    expect(routes.dropped).toBe(3);
  });

  it('does not swallow a line that follows an unfinished page line', () => {
    const routes = routeLineFilter();
    expect(routes.filter('  ├─ /a/index.html') + routes.filter('[ERROR] broken\n')).toBe('[ERROR] broken\n');
  });
});
