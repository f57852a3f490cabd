import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/lib/paths';
import { samplePages } from '../../../scripts/lib/bench/run';
import { isolatedConfigSource } from '../../../scripts/lib/bench/astro-floor';
import { ASTRO_CLI, buildScript, parseBuildScript, runSteps, siteSteps } from '../../../scripts/lib/bench/steps';
import { astroTimings, pageGenerationMs } from '../../../scripts/lib/bench/astro-timings';
import { syntheticEntries } from '../../../scripts/lib/bench/synthetic';
import { tempFolder } from '../../helpers/temp-folder';

/**
 * How the benchmark builds (scripts/lib/bench/run.ts, steps.ts): a root of its own, the pages it
 * weighs, the steps of `npm run build`, and Astro's page generation time read from each step.
 */

const temp = tempFolder('bench-');

describe('benchmark set-up', () => {
  it('builds with the project config, src/ and public/ from a root of its own', () => {
    expect(isolatedConfigSource('/repo')).toBe(
      'import config from "file:///repo/astro.config.mjs";\n' +
        'export default { ...config, srcDir: "/repo/src", publicDir: "/repo/public", outDir: "./dist", cacheDir: "./cache" };\n',
    );
  });

  it('weighs the largest section and a paper in it with an arXiv id', () => {
    const entries = syntheticEntries(300, { sections: ['a', 'b'], sectionWeights: [1, 5], seed: 2 });
    const { section, paper } = samplePages(entries);
    expect(section).toBe('b');
    expect(paper).toMatchObject({ section: 'b', format: 'yaml' });
    expect(paper.paper.arxiv).toBeDefined();
  });
});

describe('Astro’s timings report', () => {
  // The end of `astro build --timings` (Astro 7.4), colours off; then the same with colours.
  const log = [
    '15:50:49 [build] ✓ Completed in 27.51s.',
    ' build timings ',
    'Build phases',
    '  resolve config                       894ms   1.7% ▄·····················',
    '  setup                                9.06s  17.4% ▅███▂·················',
    '    content sync                      15.10s  30.3% ████▆··················',
    '  prerender bundle                     6.98s  13.4% ····▇██▂··············',
    '  generate pages                      25.97s  52.1% ···············██████▆',
    '    prerenderer setup                   15ms   0.5% ···············▁······',
    '    static paths                       145ms   5.1% ···············▇▃·····',
    '',
    'Page rendering (706ms across 470 pages)',
    '  component render                    14.62s  28.1% ···········▄▇▅▅▅▅▅▅▆▅▄',
    '',
    'Slowest pages (median 4ms · p95 19ms · 11,001 from cache)',
    '  /data/papers.csl.json                3.12s',
    '',
    'Integrations (6.49s in hooks)',
    '  content-validation                   5.82s  11.2% ▅█▇···················  astro:config:setup 5.82s',
  ].join('\n');

  it('reads each phase’s row, in each unit it is written in, and the pages reused from the cache', () => {
    expect(astroTimings(log)).toEqual({
      phasesMs: {
        'resolve config': 894,
        setup: 9060,
        'content-validation': 5820,
        'content sync': 15_100,
        'prerender bundle': 6980,
        'generate pages': 25_970,
        'static paths': 145,
      },
      pagesFromCache: 11_001,
    });
    expect(astroTimings(log.replace('25.97s', '1m 5s'))!.phasesMs['generate pages']).toBe(65_000);
    const coloured = log.replace('25.97s', '\x1b[2m25.97s\x1b[22m');
    expect(astroTimings(coloured)!.phasesMs['generate pages']).toBe(25_970);
    expect(astroTimings(log.replace(' · 11,001 from cache', ''))!.pagesFromCache).toBe(0);
  });

  it('gives no figure for output without the report, nor for a row it does not have', () => {
    expect(astroTimings('floor: 10008 pages')).toBeUndefined();
    expect(astroTimings(log.replace('generate pages', 'generate images'))!.phasesMs['generate pages']).toBeUndefined();
  });

  it('is recorded with the step that logged it', async () => {
    const print = (text: string) => ({
      name: text ? 'astro build' : 'search index',
      command: process.execPath,
      args: ['-e', `process.stdout.write(${JSON.stringify(text)})`],
    });
    const measured = await runSteps([print(log), print('')], temp);
    expect(measured.steps.map((step) => pageGenerationMs(step))).toEqual([25_970, undefined]);
  });
});

describe('the build as package.json runs it', () => {
  it('reads both steps of `npm run build`, so the benchmark builds as the project does', () => {
    expect(buildScript(REPO_ROOT)).toEqual({
      astroFlags: ['--max-old-space-size=1536', '--max-semi-space-size=64', '--external-memory-accounted-in-global-limit'],
      indexFlags: ['--import', 'tsx'],
      indexEntry: 'scripts/build-search-index.ts',
    });
    expect(() => parseBuildScript('astro build')).toThrow(/package.json "build" is not/);
  });

  it('runs Astro in the size’s own root, then the indexer on that root’s output', () => {
    const layout = { siteRoot: '/w/site-1', outDir: '/w/site-1/dist', contentDir: '/w/content-1' };
    const [astro, index] = siteSteps(REPO_ROOT, layout, { cache: false });
    expect(astro!.args.slice(-5)).toEqual([path.join(REPO_ROOT, ASTRO_CLI), 'build', '--timings', '--root', '/w/site-1']);
    expect(index!.args.slice(-2)).toEqual(['scripts/build-search-index.ts', '/w/site-1/dist']);
    expect(astro!.env).toEqual({ CONTENT_DIR: '/w/content-1', BUILD_CACHE: 'off' });
  });

  it('builds clean as CI does (no cache), and with the cache only where asked (the warm rebuilds)', () => {
    const layout = { siteRoot: '/w/site-1', outDir: '/w/site-1/dist', contentDir: '/w/content-1' };
    const [astro] = siteSteps(REPO_ROOT, layout, { cache: true, extraAstroFlags: ['--cpu-prof'] });
    expect(astro!.env).toMatchObject({ BUILD_CACHE: 'on' });
    expect(astro!.args).toContain('--cpu-prof');
  });
});
