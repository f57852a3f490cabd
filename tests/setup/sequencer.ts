import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (slowest first, from the last run's timings, else largest first), with the unit
 * suite's files before the others: the site suites wait for the builds that their global setup
 * runs meanwhile (tests/setup/build-site.ts), so the unit files keep the workers busy until then.
 * Vitest's own order puts projects by name, which would start the site files first.
 */
export default class UnitFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const unit = sorted.filter((spec) => spec.project.name === 'unit');
    return [...unit, ...sorted.filter((spec) => spec.project.name !== 'unit')];
  }
}
