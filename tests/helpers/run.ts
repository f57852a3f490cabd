import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { vi } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';

export interface ScriptRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** tsx's loader by its file, so a script runs with it from any working folder (no .bin link, no shell). */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Runs a script (a path under the repository, or absolute: a copy's) as npm would, through tsx,
 * without blocking the test worker: a sync spawn that takes long on a busy machine starves
 * Vitest's own messages ("Timeout calling onTaskUpdate") and fails the run. `cwd` defaults to the
 * repository; an `undefined` in `env` removes the variable (e.g. GITHUB_ACTIONS, to run as outside CI).
 */
export function runScript(
  script: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
  { cwd = REPO_ROOT }: { cwd?: string } = {},
): Promise<ScriptRun> {
  const childEnv = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, path.resolve(REPO_ROOT, script), ...args],
      { cwd, env: childEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

let runsHere = 0;

/**
 * Runs `scripts/<name>.ts` inside this test worker, as if `args` were its command line: for runs
 * with no effect beyond their output (`--help`), where starting a process of its own (node, tsx
 * and the script's imports) is most of the cost. The exit status is the
 * `process.exitCode` the script leaves (lib/cli.ts's runCommand sets it). What tests how a
 * failure looks to a user (one line, no stack), or needs the script's modules fresh, runs in a
 * process of its own (runScript).
 */
export async function runScriptHere(script: string, args: readonly string[] = []): Promise<ScriptRun> {
  const output = { stdout: [] as string[], stderr: [] as string[] };
  const argv = process.argv;
  const log = vi.spyOn(console, 'log').mockImplementation((...line) => void output.stdout.push(`${format(...line)}\n`));
  const error = vi.spyOn(console, 'error').mockImplementation((...line) => void output.stderr.push(`${format(...line)}\n`));
  process.argv = [process.execPath, path.join(REPO_ROOT, script), ...args];
  process.exitCode = undefined;
  try {
    // A query of its own per run: the script's module runs again even where this worker ran it
    // before (files of a worker share modules: vitest.config.ts); what it imports is shared.
    await import(`${pathToFileURL(path.join(REPO_ROOT, script)).href}?run=${++runsHere}`);
    return { status: Number(process.exitCode ?? 0), stdout: output.stdout.join(''), stderr: output.stderr.join('') };
  } finally {
    process.argv = argv;
    process.exitCode = undefined;
    log.mockRestore();
    error.mockRestore();
  }
}
