/** npm run tags:suggest: topic tags the entries' titles and notes suggest (only ever added). */
import { writeFileAtomic } from '../src/lib/content/entry-files';
import { planTagSuggestions } from './lib/list/suggest-tags';
import { displayPath } from '../src/lib/paths';
import { EXIT, runCommand } from './lib/cli';

await runCommand(
  {
    usage: 'npm run tags:suggest [-- --write] [--content DIR]',
    help: `Lists the topic tags that keyword rules over titles and notes suggest for each entry;
--write adds them to the files. Tags are only ever added, never removed. Exit 0; 2: bad input.`,
    options: { write: { type: 'boolean', default: false } },
    content: 'registry',
  },
  ({ values, content }) => {
    const plan = planTagSuggestions(content.entrySources());
    for (const change of plan) {
      console.log(`${displayPath(change.file)}: + ${change.added.join(', ')}`);
      if (values.write) writeFileAtomic(change.file, change.text);
    }
    console.log(
      `${plan.length} entries ${values.write ? 'gained' : 'would gain'} tags${values.write || !plan.length ? '' : ' (run with --write to add them)'}`,
    );
    return EXIT.ok;
  },
);
