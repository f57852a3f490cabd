/** npm run suggestion:form: writes the "Suggest a paper" issue form from the section registry. */
import path from 'node:path';
import { writeFileAtomic } from '../src/lib/content/entry-files';
import { REPO_ROOT } from '../src/lib/paths';
import { FORM_FILE, renderForm } from './lib/suggestion/form';
import { EXIT, runCommand } from './lib/cli';

await runCommand(
  {
    usage: 'npm run suggestion:form',
    help: `Writes .github/ISSUE_TEMPLATE/suggest-paper.yml, the "Suggest a paper" issue form, with a
section dropdown made from content/sections.yaml, and prints its path; commit the result (a test
fails while the form and the registry differ). Exit 0; 2: bad input.`,
    content: 'registry',
  },
  ({ content }) => {
    writeFileAtomic(FORM_FILE, renderForm(content.sections()));
    console.log(path.relative(REPO_ROOT, FORM_FILE));
    return EXIT.ok;
  },
);
