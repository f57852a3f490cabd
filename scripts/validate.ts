/** npm run validate: checks every entry file, one `path:line: field: message` line per problem. */
import { formatGithubAnnotation, formatProblem } from '../src/lib/content/problems';
import { checkContent, ContentRootError, formatSummary } from '../src/lib/validate/validate';
import { CliError, EXIT, runCommand } from './lib/cli';

await runCommand(
  {
    usage: 'npm run validate [-- --content DIR]',
    help: `Checks every entry file of content/ (or --content DIR, else CONTENT_DIR) against the schema
and the list's rules. Prints one \`path:line: field: message\` line per problem, then a summary;
under GitHub Actions also annotations, which show on the pull request's diff.
Exit 0: no errors (warnings allowed); 1: errors; 2: nothing could be checked.`,
    content: 'folder',
  },
  ({ content }) => {
    let result;
    try {
      result = checkContent({ root: content.dir });
    } catch (error) {
      if (error instanceof ContentRootError) throw new CliError(error.message);
      throw error;
    }
    for (const problem of result.problems) console.log(formatProblem(problem));
    if (process.env.GITHUB_ACTIONS) for (const problem of result.problems) console.log(formatGithubAnnotation(problem));
    console.log(formatSummary(result));
    return result.problems.some((problem) => problem.severity === 'error') ? EXIT.problems : EXIT.ok;
  },
);
