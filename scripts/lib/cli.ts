import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { assertInRepository } from '../../src/lib/paths';

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
 * Runs a command's main function and turns its outcome into an exit code. exitCode rather than
 * exit(): a long report piped to another program is written out in full.
 */
export function runCli(main: () => number): void {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}

/** `node:util` parseArgs, with its errors as CliErrors that repeat the usage line. */
export function parseCliArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${usage}`);
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

/** A path as the user would type it from here. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || '.';
}

/** Scripts work on a checkout of this repository; elsewhere they say so in one line. */
export function requireRepository(): void {
  try {
    assertInRepository();
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}
