import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readInBatches } from '../../../src/lib/content/batched-reads';
import { FOLDED_MARK, foldTableFile } from '../../../src/lib/search/chinese-fold';
import { chineseFoldTable } from '../../../src/lib/search/chinese-fold-table';
import { CONCEPT_TOKEN_PREFIX } from '../../../src/lib/search/glossary';
import {
  FOLD_TABLE_PATH,
  NEWEST_FIRST_PATH,
  PAGEFIND_DIR,
  PAPER_PAGES_GLOB,
  SEARCH_VOCABULARY_PATH,
} from '../../../src/lib/routes';
import { newestFirst, parseFragment, type IndexedPaper } from '../../../src/lib/search/search-order';
import { vocabularyFile, vocabularyOf } from '../../../src/lib/search/spelling';

/**
 * The language the whole index is built in. Pages say `<html lang="en">` (the site's interface is
 * English) while notes are Chinese (`lang="zh-Hans"` on their elements). Pagefind picks the index
 * language from `<html lang>` only, and splits Chinese into words only for zh/ja/th indexes, so an
 * English index would keep a whole note as one "word" and 幻觉 inside it would never match.
 * Forcing "zh" merges every page into one index whose Chinese is segmented; English words are
 * indexed as they are (no stemming, but Pagefind prefix-matches). The search client loads this
 * index from English pages (Pagefind falls back to the only index) and segments the Chinese of
 * the query itself, see src/client/search/query.ts.
 */
export const SEARCH_INDEX_LANGUAGE = 'zh';

/**
 * Text inside the indexed paper article that would match every paper: the field labels of the
 * facts list and the link chips ("Paper", "arxiv.org"). Filters and metadata inside
 * these elements are still read.
 */
export const NOT_SEARCHABLE = ['.facts dt', '.links'];

/** Where the indexer reports (Pagefind's own messages go to the console): a caller may collect the lines. */
export interface IndexLogger {
  info(message: string): void;
}

/** Words of the indexed text that are not the paper's own: concept tokens and the folded-text mark. */
const NOT_VOCABULARY = new RegExp(`^(?:${CONCEPT_TOKEN_PREFIX}|${FOLDED_MARK}$)`);

/**
 * Builds the Pagefind index over a finished build in `siteDir`, and beside it the files the search
 * client fetches only when a search needs them: the date order, the vocabulary (misspellings) and
 * the Chinese fold table.
 * `npm run build` runs it after `astro build` has exited (scripts/build-search-index.ts),
 * not in Astro's `astro:build:done` hook: there Pagefind's memory added to that of Astro's
 * still-living process, while on its own the build's peak is the larger of the two.
 * Pagefind runs as its command-line tool, not through its Node API: the same binary writes the same
 * files, in less time (bench/results.md, "Why each choice").
 */
export async function buildSearchIndex(siteDir: string, logger: IndexLogger): Promise<{ papers: number }> {
  const started = Date.now();
  await runPagefind(pagefindArgs(siteDir));
  return writeSearchFiles(siteDir, logger, started);
}

/**
 * The second half of buildSearchIndex: the files beside the Pagefind index already in `siteDir`,
 * from its fragments. `started` (epoch ms) is when the whole step started, for the log line.
 */
export async function writeSearchFiles(siteDir: string, logger: IndexLogger, started = Date.now()): Promise<{ papers: number }> {
  const bundleDir = path.join(siteDir, PAGEFIND_DIR);
  const { papers, texts } = await readFragments(bundleDir);
  if (papers.length === 0) throw new Error('Pagefind indexed no papers: is data-pagefind-body still on the paper page?');
  const write = async (file: string, content: string) => {
    await mkdir(path.dirname(path.join(siteDir, file)), { recursive: true });
    await writeFile(path.join(siteDir, file), content);
  };
  await write(NEWEST_FIRST_PATH, JSON.stringify(newestFirst(papers)));
  await write(SEARCH_VOCABULARY_PATH, vocabularyFile(vocabularyOf(texts, NOT_VOCABULARY)));
  await write(FOLD_TABLE_PATH, foldTableFile(chineseFoldTable(), texts));
  logger.info(`Search index: ${papers.length} papers, in ${Math.round(Date.now() - started)} ms.`);
  return { papers: papers.length };
}

/**
 * The Pagefind command line that indexes the paper pages of the build in `siteDir` into
 * `outputPath`, with the site's index settings. The bench's floors index with the same arguments.
 */
export function pagefindArgs(siteDir: string, outputPath = path.join(siteDir, PAGEFIND_DIR)): string[] {
  return [
    '--site',
    siteDir,
    // Paper pages live at <section>/<id>/: reading only those halves indexing time and memory
    // (listing pages carry no data-pagefind-body and would be skipped after parsing anyway).
    '--glob',
    PAPER_PAGES_GLOB,
    '--force-language',
    SEARCH_INDEX_LANGUAGE,
    ...NOT_SEARCHABLE.flatMap((selector) => ['--exclude-selectors', selector]),
    '--output-path',
    outputPath,
    // Errors and warnings only.
    '--quiet',
  ];
}

/**
 * The Pagefind binary of the installed `pagefind` package (its platform package holds it), looked
 * up as the package itself looks it up: the extended build (which segments Chinese) first.
 */
export function pagefindBinary(): string {
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  for (const name of ['pagefind_extended', 'pagefind']) {
    const executable = platform === 'windows' ? `${name}.exe` : name;
    try {
      return require.resolve(`@pagefind/${platform}-${os.arch()}/bin/${executable}`);
    } catch {
      // try the next
    }
  }
  throw new Error(`no Pagefind binary for ${platform}-${os.arch()} under node_modules/@pagefind (npm ci installs it)`);
}

/**
 * The shell that takes the search-index command's place: Pagefind's command line is its
 * arguments, and the command that follows (the same CLI, to write the search files) comes from the
 * environment, so nothing is ever spliced into the script.
 */
const PAGEFIND_THEN_FILES = [
  '"$@" || { echo "error: Pagefind failed (exit code $?); its messages are above" >&2; exit 1; }',
  'exec "$SEARCH_INDEX_NODE" --import tsx "$SEARCH_INDEX_CLI" --index-written "$SEARCH_INDEX_SITE"',
].join('\n');

/**
 * Hands this process over to a shell (`process.execve`) that runs Pagefind on `siteDir` and then
 * `node --import tsx <cli> --index-written <siteDir>` for the search files. Pagefind is the
 * largest process of the whole build, and this Node process waiting beside it would add its own
 * memory to the build's peak (bench/results.md, session 16). Returns only where it cannot hand
 * over (no `process.execve`, as on Windows, or no /bin/sh): the caller runs buildSearchIndex then.
 */
export function handOverToPagefind(siteDir: string, cli: string): void {
  const shell = '/bin/sh';
  if (typeof process.execve !== 'function' || !existsSync(shell)) return;
  const env = {
    ...process.env,
    SEARCH_INDEX_NODE: process.execPath,
    SEARCH_INDEX_CLI: cli,
    SEARCH_INDEX_SITE: siteDir,
    SEARCH_INDEX_STARTED: String(Date.now()),
  };
  process.execve(shell, ['sh', '-c', PAGEFIND_THEN_FILES, 'sh', pagefindBinary(), ...pagefindArgs(siteDir)], env);
}

/** Runs Pagefind, its messages on this process's output; fails when it does. */
function runPagefind(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(pagefindBinary(), args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`Pagefind failed (${signal ?? `exit code ${code}`}); its messages are above`)),
    );
  });
}

/** Every paper Pagefind wrote a fragment for (one small gzip file each), read back from disk. */
async function readFragments(bundleDir: string): Promise<{ papers: IndexedPaper[]; texts: string[] }> {
  const fragmentDir = path.join(bundleDir, 'fragment');
  const fragments = (await readdir(fragmentDir)).map((name) => path.join(fragmentDir, name));
  const papers: IndexedPaper[] = [];
  const texts: string[] = [];
  for await (const { file, content } of readInBatches(fragments)) {
    const { content: text, ...paper } = parseFragment(file, gunzipSync(content).toString('utf8'));
    papers.push(paper);
    texts.push(text);
  }
  return { papers, texts };
}
