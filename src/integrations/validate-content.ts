import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRY_EXTENSIONS, parseEntrySource, readSavedFile } from '../lib/content/entry-files';
import { contentRoot } from '../lib/paths';
import { formatProblem, type Problem } from '../lib/content/problems';
import { entryFileProblems, validateContent } from '../lib/validate/validate';
import { closeYamlHandoff, openYamlHandoff } from '../lib/content/yaml-handoff';

/**
 * Runs the content validator before Astro reads any entry. `astro build` fails with every problem
 * listed (Astro's own loader stops at the first, and misses duplicates, overwritten ids and unsafe
 * MDX); `astro dev` only logs, so the server still starts while an entry is being fixed (the loader
 * skips a broken file there), and shows the problems found at start and those of each saved entry
 * in the browser's error overlay, worded as `npm run validate` words them.
 */
export function contentValidation(): AstroIntegration {
  /** Errors found when the server started, shown in the overlay until their files are fixed. */
  let startupErrors: Problem[] = [];
  return {
    name: 'content-validation',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        // A build's loaders take the validator's parses instead of parsing every file again.
        if (command === 'build') openYamlHandoff();
        // Figures in MDX notes must be files of the public folder this build serves.
        const problems = validateContent({ publicDir: fileURLToPath(config.publicDir) });
        const errors = problems.filter((problem) => problem.severity === 'error');
        startupErrors = errors;
        for (const problem of problems) {
          if (problem.severity === 'error') logger.error(formatProblem(problem));
          else logger.warn(formatProblem(problem));
        }
        if (errors.length && command === 'build') {
          throw new Error(
            `content validation failed with ${errors.length} error${errors.length === 1 ? '' : 's'} (listed above); run \`npm run validate\``,
          );
        }
      },
      // The content is loaded by now: what no loader took is not kept while pages render.
      'astro:build:start': () => closeYamlHandoff(),
      'astro:server:setup': ({ server }) => {
        const root = contentRoot();
        /** Entry files with errors now, so a reader who opens the page later still sees them. */
        const broken = new Map<string, Problem[]>();
        for (const problem of startupErrors) broken.set(problem.file, [...(broken.get(problem.file) ?? []), problem]);
        const showErrors = () => {
          if (broken.size) server.ws.send({ type: 'error', err: overlayError([...broken.values()].flat()) });
        };
        const check = async (file: string) => {
          if (path.dirname(path.dirname(file)) !== root || !ENTRY_EXTENSIONS.some((ext) => file.endsWith(ext))) return;
          let problems: Problem[] = [];
          try {
            problems = entryFileProblems(parseEntrySource(file, await readSavedFile(file)));
          } catch {
            // Deleted or unreadable between the event and the read: nothing to show.
          }
          const errors = problems.filter((problem) => problem.severity === 'error');
          broken.delete(file);
          if (errors.length) {
            broken.set(file, errors);
            showErrors();
          }
          // A fixed file needs no reload from here: the loader stores it again and Astro reloads the
          // page once the new data is written. A page rendered before that shows the old data, and
          // one still rendering while it is written can leave Astro serving the old data until the
          // next change.
        };
        server.watcher.on('add', check);
        server.watcher.on('change', check);
        server.ws.on('connection', showErrors);
      },
    },
  };
}

/** What the dev server's error overlay shows: the problems as `npm run validate` prints them, the first one located. */
export function overlayError(problems: readonly Problem[]) {
  const first = problems[0]!;
  const lines = problems.map((problem) => formatProblem(problem));
  return {
    name: 'ContentEntryError',
    title: 'An entry file has a problem',
    // Astro's overlay escapes the message's HTML itself, then renders a few Markdown forms: a
    // `[text](url)` an entry wrote would become a live link, so that pair is broken up.
    message: lines.join('\n').replaceAll('](', ']\u200B('),
    hint: 'Fix the file and save it; `npm run validate` lists every problem.',
    stack: lines.join('\n'),
    plugin: 'content-validation',
    id: first.file,
    loc: { file: first.file, line: first.line, column: 1 },
  };
}
