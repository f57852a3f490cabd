import type { Loader, LoaderContext } from 'astro/loaders';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInBatches } from '../lib/content/batched-reads';
import { ENTRY_EXTENSIONS, entryId, parseEntrySource, readSavedFile, type EntrySource } from '../lib/content/entry-files';
import { longNoteTree } from '../lib/render/long-note';
import { renderMarkdown } from '../lib/render/markdown';
import { formatProblem } from '../lib/content/problems';
import { entryFileProblems } from '../lib/validate/validate';

/**
 * The entry files of one section folder, `<id>.yaml`, `<id>.md` and `<id>.mdx`, with the file
 * name as id.
 *
 * Astro's glob() loader would hand every entry to Vite, and an `.mdx` one would become a module of
 * the bundle. Here every entry stays data: YAML entries (nearly all) as they are, a `.md` body
 * rendered with the site's own Markdown settings (GFM, safe links, raw HTML as text), and an `.mdx`
 * body compiled by @astrojs/mdx's own compiler to a tree of HTML and allow-listed components
 * (src/lib/render/long-note.ts) that the page renders. The validator has already checked `.mdx`
 * bodies against the component allow-list (src/lib/validate/mdx-safety.ts).
 * Unchanged files keep their stored entry, so warm builds skip them.
 */
export function paperFiles(dir: string): Loader {
  /** In `astro dev`, the files that failed to load (at start or when saved) and are not fixed yet. */
  const failing = new Set<string>();
  return {
    name: 'paper-files',
    load: async (context) => {
      const files = (await listFolder(dir))
        .filter(isEntryFile)
        .sort()
        .map((name) => path.join(dir, name));
      const stale = new Set(context.store.keys());
      for await (const { file, content } of readInBatches(files)) {
        try {
          stale.delete(await storeEntry(context, file, content.toString('utf8')));
        } catch (error) {
          // A build (or astro check) stops here. `astro dev` starts anyway, keeping what was stored
          // for the file, as when a broken file is saved while it runs: content-validation has
          // already printed the problem and shows it in the browser's error overlay.
          if (!context.watcher) throw error;
          failing.add(file);
          stale.delete(entryId(file));
        }
      }
      for (const id of stale) context.store.delete(id);
      watchFolder(dir, context, failing);
    },
  };
}

/**
 * A folder's file names, none when it does not exist: a registered section may have no folder yet
 * (an empty section, as the validator allows), and a section no record yet.
 */
export async function listFolder(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function isEntryFile(name: string): boolean {
  return ENTRY_EXTENSIONS.some((extension) => name.endsWith(extension));
}

/**
 * Validates and stores one entry file (rendering a `.md` body, deferring an `.mdx` one); returns
 * its id. An unchanged file keeps its stored entry unless `rewrite`, which stores it (and so has
 * the store written) all the same.
 */
async function storeEntry(context: LoaderContext, file: string, text: string, rewrite = false): Promise<string> {
  const { store, generateDigest, parseData, config } = context;
  const id = entryId(file);
  let digest = generateDigest(text);
  const stored = store.get(id);
  if (stored?.digest === digest && !rewrite) return id;
  const source = parseEntrySource(file, text);
  if (source.syntaxErrors.length) throw entryError(source);
  let data: Record<string, unknown>;
  try {
    data = await parseData({ id, data: source.data as Record<string, unknown>, filePath: file });
  } catch (error) {
    // Astro's schema error is raw Zod text (`**title**: Required`) without a line: say it the way
    // `npm run validate` does instead.
    throw entryError(source, error);
  }
  const body = source.body.trim() ? source.body : undefined;
  const filePath = path.relative(fileURLToPath(config.root), file).split(path.sep).join('/');
  // Astro writes the store, and so reloads the page, only when its data changed: a file fixed
  // back to the stored text is stored under another digest (the next load stores it again).
  if (rewrite && stored?.digest === digest) digest = `${digest}+`;
  store.set({ id, data, body, filePath, digest, rendered: body ? await renderedNote(source.format, body, file) : undefined });
  return id;
}

/**
 * A long note as pages render it: a `.md` body as HTML; an `.mdx` body as a tree of HTML and
 * allow-listed components (`noteTree`, which src/components/entry/LongNote.astro renders).
 */
async function renderedNote(format: EntrySource['format'], body: string, file: string) {
  if (format === 'mdx') return { html: '', metadata: { noteTree: await longNoteTree(body, file) } };
  return { html: renderMarkdown(body), metadata: {} };
}

/** The file's problems as `npm run validate` prints them, one `path:line: field: message` per line. */
function entryError(source: EntrySource, original?: unknown): Error {
  const errors = entryFileProblems(source).filter((problem) => problem.severity === 'error');
  if (!errors.length) return original instanceof Error ? original : new Error(String(original));
  return new Error(errors.map((problem) => formatProblem(problem)).join('\n'));
}

/**
 * In `astro dev`, reloads an entry when its file is added or changed and drops it when deleted.
 * A fixed file that had failed is always stored again, even when it is back to the stored text:
 * writing the store is what makes Astro reload the page (after the new data is in), which also
 * clears the error overlay.
 */
function watchFolder(dir: string, context: LoaderContext, failing: Set<string>): void {
  const { watcher, logger, store } = context;
  if (!watcher) return;
  watcher.add(dir);
  const inFolder = (changed: string) => path.dirname(changed) === dir && isEntryFile(changed);
  /** The text of each file whose problems were printed last: one save often fires two events. */
  const reported = new Map<string, string>();
  const reload = async (changed: string) => {
    if (!inFolder(changed)) return;
    let text: string;
    try {
      text = await readSavedFile(changed);
    } catch {
      return; // Deleted between the event and the read: the unlink event follows.
    }
    try {
      await storeEntry(context, changed, text, failing.delete(changed));
      reported.delete(changed);
      logger.info(`Reloaded ${path.basename(changed)}`);
    } catch (error) {
      failing.add(changed);
      if (reported.get(changed) === text) return;
      reported.set(changed, text);
      logger.error(`${(error as Error).message} (fix the file; npm run validate lists every problem)`);
    }
  };
  watcher.on('add', reload);
  watcher.on('change', reload);
  watcher.on('unlink', (deleted) => {
    if (inFolder(deleted)) store.delete(entryId(deleted));
  });
}
