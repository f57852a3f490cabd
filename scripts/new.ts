/**
 * npm run new -- --section <id> --url <url> --title "…" [--note "…"] [--tags a,b] [--venue …] [--org …] [--mdx]
 * Writes one new entry file and prints its path. With no arguments in a terminal it asks for each field.
 */
import path from 'node:path';
import { stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline/promises';
import { writeFileAtomic } from '../src/lib/entry-files';
import { createEntry, parseNewEntryArgs, resolveSectionChoice, splitTags, type NewEntryInput } from './lib/list/new-entry';
import { assertInRepository, contentRoot, REPO_ROOT } from '../src/lib/paths';
import { openContentRoot } from '../src/lib/content-root';
import { todayUtc } from './lib/cli';

async function askForEntry(root: string): Promise<NewEntryInput> {
  const sections = openContentRoot(root).sections();
  const prompt = createInterface({ input: stdin, output: stdout });
  try {
    stdout.write(
      `Sections:\n${sections.map((section, index) => `  ${index + 1}. ${section.id} — ${section.title}`).join('\n')}\n`,
    );
    const section = resolveSectionChoice(await prompt.question('Section (number or id): '), sections);
    const url = await prompt.question('Link to the paper (http:// or https://): ');
    const title = await prompt.question('Title: ');
    const note = await prompt.question('Short note (optional): ');
    const tags = splitTags(await prompt.question('Tags, comma-separated (optional): '));
    const venue = await prompt.question('Venue, e.g. CVPR 2024 (optional): ');
    const org = await prompt.question('Organisation (optional): ');
    const mdx = /^y(es)?$/i.test((await prompt.question('Write the note as Markdown in an MDX file? [y/N] ')).trim());
    return { section, url, title, note, tags, venue, org, mdx };
  } finally {
    prompt.close();
  }
}

try {
  assertInRepository();
  const root = contentRoot();
  const args = process.argv.slice(2);
  const interactive = args.length === 0 && stdin.isTTY && stdout.isTTY;
  const input = interactive ? await askForEntry(root) : parseNewEntryArgs(args);
  const { file, text } = createEntry(input, { root, today: todayUtc() });
  writeFileAtomic(file, text);
  console.log(path.relative(REPO_ROOT, file));
} catch (error) {
  console.error(`npm run new: ${(error as Error).message}`);
  process.exit(1);
}
