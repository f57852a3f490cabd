import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';

/** Astro 7.4's floor, and so the project's: package.json `engines.node`. */
const NODE_FLOOR = [22, 23, 4];

const readJson = (file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));

function versionParts(version: string): number[] {
  return version.replace(/^v/, '').split('.').map(Number);
}

function atLeast(version: number[], floor: number[]): boolean {
  for (let i = 0; i < floor.length; i++) if (version[i] !== floor[i]) return (version[i] ?? 0) > floor[i]!;
  return true;
}

/** The lowest Node major an `engines.node` range allows (`>=22.19.0` → 22, `^18 || >=20` → 18). */
function lowestMajor(range: string): number {
  return Math.min(...range.split('||').map((part) => Number(/(\d+)/.exec(part)?.[1] ?? 0)));
}

describe('the Node the project brings', () => {
  it('runs every npm script, even from a shell whose own node is older', () => {
    // A shell as a newcomer has it: without the node_modules/.bin that `npm test` put on PATH.
    const shellPath = (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((dir) => !dir.includes(`node_modules${path.sep}.bin`))
      .join(path.delimiter);
    const version = execFileSync('npm', ['run', '--silent', 'node:version'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PATH: shellPath },
      encoding: 'utf8',
    }).trim();
    console.log(`npm scripts run on Node ${version}`);
    expect(atLeast(versionParts(version), NODE_FLOOR), version).toBe(true);
    expect(version).toBe(`v${readJson('node_modules/node/package.json').version}`);
  });

  it('is the one major that package.json, .nvmrc (the workflows) and the engines floor agree on', () => {
    const pkg = readJson('package.json');
    const major = String(versionParts(readJson('node_modules/node/package.json').version)[0]);
    expect(readFileSync(path.join(REPO_ROOT, '.nvmrc'), 'utf8').trim()).toBe(major);
    expect(pkg.devDependencies.node).toMatch(new RegExp(`^\\^${major}\\.`));
    expect(pkg.engines.node).toBe(`>=${NODE_FLOOR.join('.')}`);
  });

  it('satisfies every package’s engines range (no EBADENGINE when the scripts run)', () => {
    const lock = readJson('package-lock.json') as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const major = versionParts(readJson('node_modules/node/package.json').version)[0]!;
    const tooNew = Object.entries(lock.packages).flatMap(([name, pkg]) => {
      const range = !Array.isArray(pkg.engines) ? pkg.engines?.node : undefined;
      return range && lowestMajor(range) > major ? [`${name}: node ${range}`] : [];
    });
    expect(tooNew).toEqual([]);
  });

  it('pins every dependency a package names by a dist-tag, so npm ci keeps accepting the lock', () => {
    // A spec such as "latest" moves when the package publishes, and npm ci then refuses the lock
    // ("Missing: … from lock file"): an override in package.json pins it.
    const lock = readJson('package-lock.json') as {
      packages: Record<string, { dependencies?: Record<string, string> }>;
    };
    const overrides = readJson('package.json').overrides as Record<string, unknown>;
    const tagged = Object.entries(lock.packages).flatMap(([name, pkg]) =>
      Object.entries(pkg.dependencies ?? {})
        .filter(([dependency, spec]) => /^[a-z][\w.-]*$/i.test(spec) && !(dependency in overrides))
        .map(([dependency, spec]) => `${name} → ${dependency}@${spec}`),
    );
    expect(tagged).toEqual([]);
  });
});
