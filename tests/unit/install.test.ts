import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';

/** The lowest Node major an `engines.node` range allows (`>=22.19.0` → 22, `^18 || >=20` → 18). */
function lowestMajor(range: string): number {
  const majors = range.split('||').map((part) => Number(/(\d+)/.exec(part)?.[1] ?? 0));
  return Math.min(...majors);
}

describe('a fresh install on Node 20', () => {
  it('has no package that wants a newer Node (npm ci would warn EBADENGINE)', () => {
    const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }>;
    };
    const tooNew = Object.entries(lock.packages).flatMap(([name, pkg]) => {
      const range = !Array.isArray(pkg.engines) ? pkg.engines?.node : undefined;
      return range && lowestMajor(range) > 20 ? [`${name}: node ${range}`] : [];
    });
    expect(tooNew).toEqual([]);
  });
});
