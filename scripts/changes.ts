/** npm run changes: the entries added, changed and removed since a git ref, as Markdown. */
import { reportChanges } from './lib/list/changes';
import { asInputError, EXIT, runCommand } from './lib/cli';

await runCommand(
  {
    usage: 'npm run changes [-- --base <ref>]',
    help: `Prints, as Markdown, the entries added, changed and removed in the working tree since <ref>
(default origin/main, else main): paste it into the pull request description.
Exit 0; 2: not a git checkout or an unknown ref.`,
    options: { base: { type: 'string' } },
    content: 'registry',
  },
  ({ values, content }) => {
    process.stdout.write(asInputError(() => reportChanges({ root: content.dir, base: values.base })));
    return EXIT.ok;
  },
);
