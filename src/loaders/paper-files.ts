import type { Loader, LoaderContext } from 'astro/loaders';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInBatches } from '../lib/batched-reads';
import { ENTRY_EXTENSIONS, entryId, parseEntrySource, type EntrySource } from '../lib/entry-files';
import { entryFileProblems, formatProblem } from '../lib/validate';

/**
 * The entry files of one section folder, `<id>.yaml` and `<id>.mdx`, with the file name as id.
 *
 * Astro's glob() loader compiles every .mdx file into a module of the site's Vite bundle: with
 * 454 MDX entries among 10,000 that cost the build about 10 s of CPU and Vite 3.5 s (measured
 * back to back).
 * The bodies here are plain Markdown, since the validator rejects imports, JSX and expressions in
 * them (src/lib/mdx-safety.ts), so this loader renders them as Markdown when the content is
 * loaded, with the project's Markdown settings (GFM, safe links), and stores the HTML with the
 * entry like a .md file's. Unchanged files keep their stored entry, so warm builds skip them.
 */
export function paperFiles(dir: string): Loader {
  return {
    name: 'paper-files',
    load: async (context) => {
      const files = (await listFolder(dir))
        .filter(isEntryFile)
        .sort()
        .map((name) => path.join(dir, name));
      const stale = new Set(context.store.keys());
      for await (const { file, content } of readInBatches(files))
        stale.delete(await storeEntry(context, file, content.toString('utf8')));
      for (const id of stale) context.store.delete(id);
      watchFolder(dir, context);
    },
  };
}

/** A registered section may have no folder yet: it is an empty section, as the validator allows. */
async function listFolder(dir: string): Promise<string[]> {
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

/** Validates and stores one entry file (rendering an MDX body); returns its id. */
async function storeEntry(context: LoaderContext, file: string, text: string): Promise<string> {
  const { store, generateDigest, parseData, renderMarkdown, config } = context;
  const id = entryId(file);
  const digest = generateDigest(text);
  if (store.get(id)?.digest === digest) return id;
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
  store.set({
    id,
    data,
    body,
    filePath: path.relative(fileURLToPath(config.root), file).split(path.sep).join('/'),
    digest,
    rendered: body ? await renderMarkdown(body) : undefined,
  });
  return id;
}

/** The file's problems as `npm run validate` prints them, one `path:line: field: message` per line. */
function entryError(source: EntrySource, original?: unknown): Error {
  const errors = entryFileProblems(source).filter((problem) => problem.severity === 'error');
  if (!errors.length) return original instanceof Error ? original : new Error(String(original));
  return new Error(errors.map((problem) => formatProblem(problem)).join('\n'));
}

/** In `astro dev`, reloads an entry when its file is added or changed and drops it when deleted. */
function watchFolder(dir: string, context: LoaderContext): void {
  const { watcher, logger, store } = context;
  if (!watcher) return;
  watcher.add(dir);
  const inFolder = (changed: string) => path.dirname(changed) === dir && isEntryFile(changed);
  const reload = async (changed: string) => {
    if (!inFolder(changed)) return;
    try {
      await storeEntry(context, changed, await readFile(changed, 'utf8'));
      logger.info(`Reloaded ${path.basename(changed)}`);
    } catch (error) {
      logger.error(`${(error as Error).message} (fix the file; npm run validate lists every problem)`);
    }
  };
  watcher.on('add', reload);
  watcher.on('change', reload);
  watcher.on('unlink', (deleted) => {
    if (inFolder(deleted)) store.delete(entryId(deleted));
  });
}
