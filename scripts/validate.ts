/**
 * Checks every entry: `npm run validate [-- --content DIR]` (else CONTENT_DIR, else content/).
 * Prints one `path:line: field: message` line per problem, then a summary. Exits 0 when there are
 * no errors (warnings allowed), 1 when there are errors, 2 when nothing could be checked. Under
 * GitHub Actions it also prints annotations, which show on the pull request's diff.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assertInRepository, contentRoot } from '../src/lib/paths';
import {
  checkContent,
  ContentRootError,
  formatGithubAnnotation,
  formatProblem,
  formatSummary,
  type ContentCheck,
} from '../src/lib/validate';

const USAGE = 'usage: npm run validate [-- --content DIR]';

/** One line, no stack trace: these are usage mistakes, not bugs. */
function fail(message: string): never {
  console.error(`validate: ${message}`);
  process.exit(2);
}

function contentRootFromArguments(): string {
  try {
    const { values } = parseArgs({ options: { content: { type: 'string' } } });
    return values.content === undefined ? contentRoot() : path.resolve(values.content);
  } catch (error) {
    fail(`${(error as Error).message} (${USAGE})`);
  }
}

function check(root: string): ContentCheck {
  try {
    return checkContent({ root });
  } catch (error) {
    if (error instanceof ContentRootError) fail(error.message);
    throw error;
  }
}

try {
  assertInRepository();
} catch (error) {
  fail((error as Error).message);
}
const result = check(contentRootFromArguments());
for (const problem of result.problems) console.log(formatProblem(problem));
if (process.env.GITHUB_ACTIONS) {
  for (const problem of result.problems) console.log(formatGithubAnnotation(problem));
}
console.log(formatSummary(result));
// exitCode rather than exit(): a long report piped to another program is written out in full.
process.exitCode = result.problems.some((problem) => problem.severity === 'error') ? 1 : 0;
