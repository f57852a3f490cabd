import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { openContentRoot, type ContentRoot } from '../../src/lib/content/content-root';
import { assertInRepository, contentRoot } from '../../src/lib/paths';

/** A usage or input mistake: printed as one `error: …` line without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/**
 * The exit codes every command uses: 0 done (warnings allowed), 1 the input or the build has
 * problems (each printed), 2 the command could not run (bad arguments, unreadable input).
 */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** What a command declares; `runCommand` gives every command the same --help, errors and exit codes. */
export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** The usage line, e.g. `npm run check:links [-- --dist DIR]`. */
  usage: string;
  /** What the command does and what its exit codes mean, printed by --help under the usage line. */
  help: string;
  /** Options besides --help (and --content, when `content` is set). */
  options?: O;
  /** Whether the command takes positional arguments (files). */
  positionals?: boolean;
  /**
   * Adds `--content DIR`: the content folder (default: CONTENT_DIR, else the repository's
   * content/). 'registry' also checks up front that its section registry can be read, so a wrong
   * folder gets one "cannot read …/sections.yaml" line; 'folder' leaves all checks to the command.
   */
  content?: 'registry' | 'folder';
}

type CommandValues<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true }>
>['values'];

export interface CommandArgs<O extends ParseArgsOptionsConfig> {
  values: CommandValues<O>;
  positionals: string[];
  /** The content folder, opened (only read when asked); set when the spec has `content`. */
  content: ContentRoot;
}

/**
 * Runs a command: checks it runs in a checkout, parses its arguments (`--help` prints the usage
 * and help and exits 0), runs `main` and turns its outcome into an exit code. Any error becomes
 * one `error: …` line on stderr; a CliError carries its exit code, anything else exits 1.
 * exitCode rather than exit(): a long report piped to another program is written out in full.
 */
export function runCommand<O extends ParseArgsOptionsConfig>(
  spec: CommandSpec<O>,
  main: (args: CommandArgs<O>) => number | Promise<number>,
): Promise<void> {
  const run = async () => {
    const options = {
      ...spec.options,
      help: { type: 'boolean', short: 'h' },
      ...(spec.content ? { content: { type: 'string' } } : {}),
    } as const satisfies ParseArgsOptionsConfig;
    const { values, positionals } = parseCliArgs(
      { options, allowPositionals: spec.positionals ?? false, strict: true },
      `usage: ${spec.usage}`,
    );
    if (values.help) {
      console.log(`usage: ${spec.usage}\n\n${spec.help.trim()}`);
      return EXIT.ok;
    }
    requireRepository();
    const contentValue = (values as { content?: string }).content;
    const content = openContentRoot(contentValue === undefined ? contentRoot() : path.resolve(contentValue));
    if (spec.content === 'registry') readTextFile(content.registryFile);
    return main({ values: values as CommandValues<O>, positionals, content });
  };
  return run().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // One line for the reader; DEBUG=1 shows where an unexpected error came from.
      console.error(`error: ${(error as Error).message}`);
      if (process.env.DEBUG && !(error instanceof CliError)) console.error((error as Error).stack);
      process.exitCode = error instanceof CliError ? error.exitCode : EXIT.problems;
    },
  );
}

/** Today's date as YYYY-MM-DD in UTC: the one "today" of every script (added dates, reports). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Runs `action`, turning any error it throws into a CliError (for input errors raised by library code). */
export function asInputError<T>(action: () => T, exitCode: number = EXIT.usage): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError((error as Error).message, exitCode);
  }
}

/** `node:util` parseArgs, with its errors as CliErrors that repeat the usage line. */
export function parseCliArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new CliError(`${(error as Error).message} (${usage})`);
  }
}

/** A file's text, or a CliError `cannot read <file>: <reason>`. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${fileErrorReason(error as NodeJS.ErrnoException)}`);
  }
}

const FILE_ERROR_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
};

function fileErrorReason(error: NodeJS.ErrnoException): string {
  return (error.code && FILE_ERROR_REASONS[error.code]) ?? error.message;
}

/** Scripts work on a checkout of this repository; elsewhere they say so in one line. */
export function requireRepository(): void {
  try {
    assertInRepository();
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}
