import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import UnitFirstSequencer from './tests/setup/sequencer.ts';

/** FIXTURE_CONTENT of tests/setup/dist.ts (the config imports nothing of src/, so Vite loads it as is). */
const FIXTURE_CONTENT = fileURLToPath(new URL('./tests/fixtures/site', import.meta.url));

export default defineConfig({
  test: {
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    pool: 'forks',
    // Every core: Vitest's default leaves one free, which on a 2-core machine runs one file at a
    // time. The suites wait on conditions, never on time, so they hold with every core busy.
    maxWorkers: '100%',
    sequence: { sequencer: UnitFirstSequencer },
    // Files of a worker share the modules they import (zod, yaml, Pagefind's loader, playwright…)
    // instead of loading them again for each file, the larger part of the unit files' CPU. So no
    // test may leave state behind in a shared module: env through vi.stubEnv (unstubbed), servers
    // and pages closed in afterAll (closeServers). The suites pass in any file order
    // (`--sequence.shuffle.files`).
    isolate: false,
    projects: [
      // Hooks too: Vitest's default of 10 s is short of a hook that generates content on a busy machine.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      // `npm run test:slow`: the newcomer's path in clean copies of the project
      // (tests/helpers/project-copy.ts), which runs the site suites there, and the tests that build
      // sites of their own (bench smoke, incremental builds). Never inside a newcomer's copy
      // (NEWCOMER_COPY), so a copy cannot start another.
      ...(process.env.NEWCOMER_COPY
        ? []
        : [
            {
              test: {
                name: 'slow',
                include: ['tests/newcomer/**/*.test.ts', 'tests/slow/**/*.test.ts'],
                testTimeout: 600_000,
                hookTimeout: 600_000,
              },
            },
          ]),
      // `npm run test:slow` too: the real list's smoke check (tests/list/), on content/ and its
      // build in dist/ (tests/setup/build-list.ts). The newcomer's path runs it in its copy, after
      // adding papers. Not in `npm test`, which tests the code on fixture content whatever the list holds.
      {
        test: {
          name: 'list',
          include: ['tests/list/**/*.test.ts'],
          globalSetup: ['tests/setup/build-list.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/{build,search,browser}/**/*.test.ts'],
          // The suites read the fixture content and its builds, made once before any of them runs
          // (tests/setup/build-site.ts).
          // The builds run beside the unit suite; each file of this project waits for them.
          globalSetup: ['tests/setup/build-site.ts'],
          setupFiles: ['tests/setup/wait-for-builds.ts'],
          env: { CONTENT_DIR: FIXTURE_CONTENT },
          // Generous, so a slow machine fails only on what is wrong (`npm run test:busy` runs the
          // suites with every core held busy): axe over a page in both themes is the slowest test;
          // the hooks that build a site of their own and Lighthouse's runs set longer ones.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll waits on the page (Pagefind loading, a search running), which the default
          // of 1 s does not always allow, nor 30 s with every core busy.
          expect: { poll: { timeout: 90_000, interval: 100 } },
        },
      },
    ],
  },
});
