import type { Loader, LoaderContext } from 'astro/loaders';
import { listFolder } from './paper-files';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInBatches } from '../lib/content/batched-reads';
import { readSavedFile } from '../lib/content/entry-files';
import { formatProblem } from '../lib/content/problems';
import { readRecord } from '../lib/validate/validate-records';
import { parseYaml } from '../lib/content/yaml-file';

/**
 * The scholarly records (src/schemas/record.ts) of the registry's sections,
 * `<recordsDir>/<section>/<entry id>.yaml`, each stored under the id `<section>/<entry id>` that
 * src/content.ts joins to its entry. Read with the one YAML reader (so a date stays the text
 * written, as in entries), not glob(), and unchanged files keep their stored record, so a warm
 * build parses only what `npm run records` rewrote. Records of folders that are not sections, and
 * of entries that are gone, are validation errors (lib/validate/validate-records) that stop the build first.
 */
export function recordFiles(recordsDir: string, sectionIds: readonly string[]): Loader {
  return {
    name: 'record-files',
    load: async (context) => {
      const files = (
        await Promise.all(
          sectionIds.map(async (section) =>
            (await listFolder(path.join(recordsDir, section)))
              .filter((name) => name.endsWith('.yaml') && !name.startsWith('.'))
              .sort()
              .map((name) => path.join(recordsDir, section, name)),
          ),
        )
      ).flat();
      const stale = new Set(context.store.keys());
      for await (const { file, content } of readInBatches(files)) {
        try {
          stale.delete(await storeRecord(context, recordsDir, file, content.toString('utf8')));
        } catch (error) {
          // `astro dev` starts anyway (the page shows no record until the file is fixed); a build stops.
          if (!context.watcher) throw error;
          context.logger.error((error as Error).message);
        }
      }
      for (const id of stale) context.store.delete(id);
      watchFolder(recordsDir, context);
    },
  };
}

/** `mllm/2409.12191` for `<recordsDir>/mllm/2409.12191.yaml`: the key src/content.ts joins on. */
export function recordId(recordsDir: string, file: string): string {
  return path
    .relative(recordsDir, file)
    .split(path.sep)
    .join('/')
    .replace(/\.yaml$/, '');
}

async function storeRecord(context: LoaderContext, recordsDir: string, file: string, text: string): Promise<string> {
  const { store, generateDigest, parseData, config } = context;
  const id = recordId(recordsDir, file);
  const digest = generateDigest(text);
  if (store.get(id)?.digest === digest) return id;
  const source = parseYaml(text);
  let data: Record<string, unknown>;
  try {
    data = await parseData({ id, data: source.data as Record<string, unknown>, filePath: file });
  } catch (error) {
    // Said the way `npm run validate` says it: file, line, field.
    const { problems } = readRecord(file, text);
    throw problems.length ? new Error(problems.map((problem) => formatProblem(problem)).join('\n')) : error;
  }
  const filePath = path.relative(fileURLToPath(config.root), file).split(path.sep).join('/');
  store.set({ id, data, filePath, digest });
  return id;
}

/** In `astro dev`, a record written by `npm run records` while the server runs shows on its page. */
function watchFolder(recordsDir: string, context: LoaderContext): void {
  const { watcher, logger, store } = context;
  if (!watcher) return;
  watcher.add(recordsDir);
  const isRecord = (file: string) =>
    path.dirname(path.dirname(file)) === recordsDir && file.endsWith('.yaml') && !path.basename(file).startsWith('.');
  const reload = async (changed: string) => {
    if (!isRecord(changed)) return;
    try {
      await storeRecord(context, recordsDir, changed, await readSavedFile(changed));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // deleted since: unlink follows
      logger.error(`${(error as Error).message} (records are written by npm run records)`);
    }
  };
  watcher.on('add', reload);
  watcher.on('change', reload);
  watcher.on('unlink', (deleted) => {
    if (isRecord(deleted)) store.delete(recordId(recordsDir, deleted));
  });
}
