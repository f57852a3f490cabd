import { afterEach, describe, expect, it, vi } from 'vitest';

/** astro.config.mjs as a build with `env` would read it. */
async function configWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return (await import('../../astro.config.mjs')).default;
}
afterEach(() => vi.unstubAllEnvs());

describe('the incremental-build cache', () => {
  it('is kept by default, for the warm rebuilds of a maintainer’s checkout', async () => {
    expect((await configWith({ BUILD_CACHE: undefined })).experimental?.incrementalBuild).toBe(true);
  });

  it('is not written with BUILD_CACHE=off, as CI and the deployment build (clean every time)', async () => {
    expect((await configWith({ BUILD_CACHE: 'off' })).experimental?.incrementalBuild).toBe(false);
  });
});
