/** npm run new: writes one new entry file and prints its path; with no arguments in a terminal it asks for each field. */
import path from 'node:path';
import { stdin, stdout } from 'node:process';
import { createInterface, type Interface } from 'node:readline/promises';
import { writeFileAtomic } from '../src/lib/content/entry-files';
import { REPO_ROOT } from '../src/lib/paths';
import {
  answerChecks,
  createEntry,
  fromFlags,
  NEW_ENTRY_OPTIONS,
  NewEntryError,
  resolveSectionChoice,
  splitTags,
  type AnswerCheck,
  type NewEntry,
  type NewEntryInput,
} from './lib/list/new-entry';
import { alreadyListedSentence } from './lib/list/already-listed';
import { CliError, EXIT, runCommand, todayUtc } from './lib/cli';
import type { ContentRoot } from '../src/lib/content/content-root';
import { displayPath } from '../src/lib/paths';

/** Asks `question` until `check` accepts the answer, saying why each refused answer cannot be used. */
async function ask(prompt: Interface, question: string, check: AnswerCheck = () => undefined): Promise<string> {
  for (;;) {
    const answer = await prompt.question(question);
    const problem = check(answer);
    if (!problem) return answer.trim();
    stdout.write(`  ${problem}; try again\n`);
  }
}

/** `Already listed in BenchMark and Dataset as <title> (content/benchmarks/<id>.yaml); this adds it to … too.` */
function alreadyListedText(entry: NewEntry, section: string, content: ContentRoot): string {
  const sections = content.sections();
  const titleOf = (id: string) => sections.find((section) => section.id === id)?.title ?? id;
  const listings = entry.listedIn.map((listed) => ({
    sectionTitle: titleOf(listed.section),
    linkedTitle: `${listed.title} (${displayPath(listed.file, path.dirname(content.dir))})`,
  }));
  return alreadyListedSentence(listings, titleOf(section));
}

async function askForEntry(content: ContentRoot): Promise<NewEntryInput> {
  const sections = content.sections();
  const checks = answerChecks(content.dir);
  const prompt = createInterface({ input: stdin, output: stdout });
  try {
    stdout.write(
      `Sections:\n${sections.map((section, index) => `  ${index + 1}. ${section.id} — ${section.title}`).join('\n')}\n`,
    );
    const section = resolveSectionChoice(await ask(prompt, 'Section (number or id): ', checks.section), sections);
    const url = await ask(prompt, 'Link to the paper (http:// or https://): ', checks.url);
    const title = await ask(prompt, 'Title: ', checks.title);
    const note = await ask(prompt, 'Short note (optional): ', checks.note);
    const tags = splitTags(await ask(prompt, 'Tags, comma-separated (optional): ', checks.tags));
    const venue = await ask(prompt, 'Venue, e.g. CVPR 2024 or arXiv (optional): ', checks.venue);
    const org = await ask(prompt, 'Organisation (optional): ', checks.org);
    const published = await ask(prompt, 'Published, YYYY-MM (optional; an arXiv link gives it): ', checks.published);
    const long = /^y(es)?$/i.test(await ask(prompt, 'Long note? The note becomes the body of an .md file to write on [y/N] '));
    return { section, url, title, note, tags, venue, org, published, long };
  } finally {
    prompt.close();
  }
}

await runCommand(
  {
    usage:
      'npm run new [-- --section ID --url URL --title "…" [--note "…"] [--tags a,b] [--venue …] [--org …] [--published YYYY-MM] [--long] [--content DIR]]',
    help: `Writes one new entry file, content/<section>/<id>.yaml, and prints its path. With --long
the note is the file's Markdown body instead, to write on in an editor: content/<section>/<id>.md
(.mdx when the note uses a component such as <PaperRef id="…" />; see CONTRIBUTING.md).
The id is the arXiv id (else the title's words); added is today (UTC); published comes from
a new-style arXiv id unless given; the link's kind comes from its host. The entry is checked
against the schema and the section (same arXiv id or title = already listed) before anything is
written; a paper other sections list is written, with a line on stderr saying where it is listed. With no arguments in a terminal it asks for each field, checking each answer as typed.
Exit 0: written; 1: refused (one line says why); 2: bad arguments.`,
    options: NEW_ENTRY_OPTIONS,
    content: 'registry',
  },
  async ({ values, content }) => {
    const interactive = process.argv.length <= 2 && stdin.isTTY && stdout.isTTY;
    const input = interactive ? await askForEntry(content) : fromFlags(values);
    let entry;
    try {
      entry = createEntry(input, { root: content.dir, today: todayUtc() });
    } catch (error) {
      if (error instanceof NewEntryError) throw new CliError(error.message, EXIT.problems);
      throw error;
    }
    writeFileAtomic(entry.file, entry.text);
    console.log(path.relative(REPO_ROOT, entry.file));
    // The path stays the one line on stdout (scripts read it); the note goes beside it.
    if (entry.listedIn.length) console.error(alreadyListedText(entry, input.section!, content));
    return EXIT.ok;
  },
);
