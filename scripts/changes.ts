/**
 * npm run changes -- [--base <ref>]
 * Prints, as Markdown, the entries added, changed and removed in the working tree since <ref>
 * (default origin/main, else main): paste it into the pull request description.
 */
import { parseArgs } from 'node:util';
import { reportChanges } from './lib/list/changes';
import { assertInRepository, contentRoot } from '../src/lib/paths';

try {
  assertInRepository();
  const { values } = parseArgs({ options: { base: { type: 'string' } }, strict: true });
  process.stdout.write(reportChanges({ root: contentRoot(), base: values.base }));
} catch (error) {
  console.error(`npm run changes: ${(error as Error).message}`);
  process.exit(1);
}
