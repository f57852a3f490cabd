import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    pool: 'forks',
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 120_000 } },
      {
        test: {
          name: 'site',
          include: ['tests/{build,search,browser}/**/*.test.ts'],
          // The suites read dist/ (and dist-subpath/) built once, before any of them runs.
          globalSetup: ['tests/setup/build-site.ts'],
          // Sized for two slow cores with another build running; axe over a page in both themes
          // is the slowest test.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll waits on a condition (a status line, a URL); its 1 s default fails on two
          // slow cores with another build running, so it waits as long as a browser action does.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
