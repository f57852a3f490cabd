// npm run tags:suggest [-- --write] [--content DIR]: topic tags the entries' titles and notes
// suggest; --write adds them to the files (tags are only ever added).
import { writeFileAtomic } from '../src/lib/entry-files';
import { contentRoot } from '../src/lib/paths';
import { planTagSuggestions } from './lib/list/suggest-tags';
import { displayPath, parseCliArgs, requireRepository, runCli } from './lib/cli';
import { openContentRoot } from '../src/lib/content-root';

runCli(() => {
  requireRepository();
  const { values } = parseCliArgs(
    { options: { write: { type: 'boolean', default: false }, content: { type: 'string' } } },
    'usage: npm run tags:suggest [-- --write] [--content DIR]',
  );
  const root = values.content ?? contentRoot();
  const plan = planTagSuggestions(openContentRoot(root).entrySources());
  for (const change of plan) {
    console.log(`${displayPath(change.file)}: + ${change.added.join(', ')}`);
    if (values.write) writeFileAtomic(change.file, change.text);
  }
  console.log(
    `${plan.length} entries ${values.write ? 'gained' : 'would gain'} tags${values.write || !plan.length ? '' : ' (run with --write to add them)'}`,
  );
  return 0;
});
