import { describe, expect, it } from 'vitest';
import { frameOwner, SITE_BUNDLE, summarizeCpuProfile, type CpuProfile } from '../../../scripts/lib/bench/profile';

/** The benchmark's summary of a CPU profile (scripts/lib/bench/profile.ts): time by owner and by function. */

describe('CPU profile summary', () => {
  const root = '/repo';
  it('names the owner of a frame', () => {
    expect(frameOwner('', root)).toBe('node');
    expect(frameOwner('node:internal/fs', root)).toBe('node');
    expect(frameOwner('file:///repo/node_modules/astro/dist/core/build/index.js', root)).toBe('astro');
    expect(frameOwner('file:///repo/node_modules/@astrojs/mdx/dist/index.js', root)).toBe('@astrojs/mdx');
    expect(frameOwner('file:///repo/src/lib/validate/validate.ts', root)).toBe('ours');
    expect(frameOwner('file:///repo/bench/.work/dist-1/chunks/PaperCard_x.mjs', root)).toBe(SITE_BUNDLE);
    expect(frameOwner('file:///repo/bench/.work/dist-1/chunks/astro/server_x.mjs', root)).toBe('astro');
    expect(frameOwner('file:///repo/bench/.work/dist-1/pages/_section_/_id_.astro.mjs?time=1795788296358', root)).toBe(
      SITE_BUNDLE,
    );
  });

  it('adds self time by owner and function, and our inclusive time once per stack', () => {
    const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
      id,
      callFrame: { functionName, url, lineNumber: 0 },
      children,
    });
    const profile: CpuProfile = {
      nodes: [
        frame(1, '(root)', '', [2, 5]),
        frame(2, 'render', 'file:///repo/dist/chunks/page.mjs', [3]),
        frame(3, 'render', 'file:///repo/dist/chunks/page.mjs', [4]),
        frame(4, 'parse', 'file:///repo/node_modules/micromark/index.js'),
        frame(5, '(garbage collector)', ''),
      ],
      samples: [4, 4, 3, 5],
      timeDeltas: [1000, 1000, 2000, 500],
    };
    const summary = summarizeCpuProfile(profile, root);
    expect(summary.totalMs).toBe(4.5);
    expect(summary.byOwner).toEqual([
      { owner: 'micromark', ms: 2 },
      { owner: SITE_BUNDLE, ms: 2 },
      { owner: 'node', ms: 0.5 },
    ]);
    expect(summary.topSelf[0]).toMatchObject({ owner: 'micromark', name: 'parse node_modules/micromark/index.js:1', ms: 2 });
    expect(summary.oursInclusive).toEqual([{ owner: SITE_BUNDLE, name: 'render dist/chunks/page.mjs:1', ms: 4 }]);
  });
});
