import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ASTRO_FLOOR_PROJECT,
  assertFloorParity,
  astroFloorSteps,
  floorParity,
  isolatedConfigSource,
  PARITY_BYTES,
} from '../../../scripts/lib/bench/astro-floor';
import { ASTRO_CLI, floorSteps } from '../../../scripts/lib/bench/steps';
import { REPO_ROOT } from '../../../src/lib/paths';
import { tempFolder } from '../../helpers/temp-folder';

/**
 * The Astro floor's place in the bench (scripts/lib/bench/astro-floor.ts): a root of its own over
 * bench/astro-floor/, built by the project's Astro and indexed as the no-framework floor is, and
 * the check that both floors write the same pages. tests/slow/bench-smoke.test.ts builds it.
 */

const temp = tempFolder('bench-astro-floor-');

describe('the Astro floor’s build', () => {
  it('is rooted in a folder of its own, with the config and sources under bench/astro-floor/', () => {
    expect(isolatedConfigSource('/repo', ASTRO_FLOOR_PROJECT)).toBe(
      'import config from "file:///repo/bench/astro-floor/astro.config.mjs";\n' +
        'export default { ...config, srcDir: "/repo/bench/astro-floor/src", publicDir: "/repo/bench/astro-floor/public", outDir: "./dist", cacheDir: "./cache" };\n',
    );
  });

  it('runs the project’s Astro on the content named, then Pagefind as for the no-framework floor', () => {
    const [build, index] = astroFloorSteps(REPO_ROOT, { root: '/w/astro-floor-1', contentDir: '/w/content-1' });
    expect(build!.command).toBe(process.execPath);
    expect(build!.args).toEqual([path.join(REPO_ROOT, ASTRO_CLI), 'build', '--timings', '--root', '/w/astro-floor-1']);
    expect(build!.env).toEqual({ CONTENT_DIR: '/w/content-1' });
    const [, floorIndex] = floorSteps(REPO_ROOT, { contentDir: '/w/content-1', outDir: '/w/astro-floor-1/dist' });
    expect(index).toEqual({ ...floorIndex, name: 'astro floor index' });
  });
});

describe('floor parity', () => {
  const write = (dir: string, files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(temp, dir, file)), { recursive: true });
      writeFileSync(path.join(temp, dir, file), text);
    }
    return path.join(temp, dir);
  };
  const page = (bytes: number) => 'x'.repeat(bytes);

  it('finds the same pages within a few bytes each, naming the page furthest apart', () => {
    const floor = write('same/floor', { 'index.html': page(100), 'a/b/index.html': page(500), 'a/index.html': page(50) });
    const astro = write('same/astro', { 'index.html': page(101), 'a/b/index.html': page(497), 'a/index.html': page(50) });
    write('same/astro', { 'pagefind/pagefind.js': page(9000) });
    const parity = floorParity(floor, astro);
    expect(parity).toEqual({
      onlyInFloor: [],
      onlyInAstroFloor: [],
      largestDifference: { file: path.join('a', 'b', 'index.html'), bytes: -3 },
    });
    expect(() => assertFloorParity(parity, '10 entries')).not.toThrow();
  });

  it('fails naming the pages one floor lacks, or a page that grew apart', () => {
    const floor = write('apart/floor', { 'index.html': page(100), 'a/x/index.html': page(300) });
    const astro = write('apart/astro', { 'index.html': page(100 + PARITY_BYTES + 1), 'a/y/index.html': page(300) });
    const parity = floorParity(floor, astro);
    expect(parity.onlyInFloor).toEqual([path.join('a', 'x', 'index.html')]);
    expect(parity.onlyInAstroFloor).toEqual([path.join('a', 'y', 'index.html')]);
    expect(() => assertFloorParity(parity, '10 entries')).toThrow(
      /^10 entries: the Astro floor .* pages only the no-framework floor writes: a\/x\/index\.html; pages only the Astro floor writes: a\/y\/index\.html; index\.html differs by 65 bytes \(at most 64\)$/,
    );
  });
});
