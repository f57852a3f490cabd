import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../src/lib/paths';
import { childEnv } from '../../scripts/lib/bench/processes';

/**
 * A clean copy of the project, as a fresh clone would be: in a temporary folder outside the
 * checkout, the files git tracks (and new files it does not ignore), as they are in this working
 * tree; none of what is ignored (dist/, .astro/, caches). Nothing is installed: node_modules/ is a
 * folder of links to this checkout's packages, so the copy gets caches of its own (Astro's content
 * store in node_modules/.astro, Vite's in node_modules/.vite) and never shares them with builds
 * of the checkout.
 */
export function copyProject(prefix: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    fillCopy(copy);
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    throw error;
  }
  return copy;
}

function fillCopy(copy: string): void {
  let listed: string;
  try {
    listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(
      `a project copy takes the files git tracks: run this in a git checkout with git installed (${(error as Error).message})`,
    );
  }
  const files = listed.split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(REPO_ROOT, file);
    if (!existsSync(from)) continue; // Deleted in the working tree, not yet in git.
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    copyFileSync(from, path.join(copy, file));
  }
  const modules = path.join(REPO_ROOT, 'node_modules');
  mkdirSync(path.join(copy, 'node_modules'));
  for (const name of readdirSync(modules)) {
    // Packages and their commands; dot folders other than .bin are caches.
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(path.join(modules, name), path.join(copy, 'node_modules', name));
  }
}

/** Settings that point the project at other content or output: a copy runs as a fresh clone does. */
const PROJECT_VARIABLES = ['CONTENT_DIR', 'OUT_DIR', 'BASE_PATH', 'SKIP_BUILD'];

/**
 * The environment for commands run in a copy: without the variables the test runner sets (a
 * Vitest started inside a test would take itself for a worker) or PROJECT_VARIABLES, without
 * colours, with Astro's telemetry and update check off (no network from tests), plus `extra`.
 */
export function copyEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = childEnv();
  for (const key of Object.keys(env))
    if (key.startsWith('VITEST') || ['TEST', 'FORCE_COLOR', ...PROJECT_VARIABLES].includes(key)) delete env[key];
  return { ...env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true', ...extra };
}

export interface CommandRun {
  status: number | null;
  /** Standard output and error, interleaved as written. */
  output: string;
}

/** Commands started by `runIn`/`startIn` and not yet exited: `cleanUp` ends them (after a timeout, say). */
const running = new Set<ChildProcess>();
// Each runs in a process group of its own, which an interrupted run would leave behind.
process.once('exit', () => {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
});

/** A command started by `startIn`. */
export interface StartedCommand {
  child: ChildProcess;
  /** Resolves when it has exited. */
  done: Promise<CommandRun>;
  /** Its output so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in its output; rejects if it exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
}

/** Starts `command` in its own process group (so a stop reaches npm's children too), collecting its output. */
export function startIn(
  cwd: string,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = copyEnv(),
): StartedCommand {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString('utf8'));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const done = new Promise<CommandRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      running.delete(child);
      resolve({ status, output });
    });
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const look = () => {
        const match = pattern.exec(output);
        if (!match) return;
        child.stdout!.off('data', look);
        child.stderr!.off('data', look);
        resolve(match);
      };
      child.stdout!.on('data', look);
      child.stderr!.on('data', look);
      void done.then(({ status }) =>
        reject(new Error(`${command} ${args.join(' ')} exited (${status}) before printing ${pattern}:\n${output}`)),
      );
      look();
    });
  return { child, done, output: () => output, waitFor };
}

/** Runs a command to its end without blocking the test worker (see tests/helpers/run.ts). */
export function runIn(cwd: string, command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CommandRun> {
  return startIn(cwd, command, args, env).done;
}

/** Ends a command started here with its process group; resolves once it has exited. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('close', resolve));
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    return; // Already gone.
  }
  await exited;
}

/** Ends every command still running (call in `afterAll`), then removes `copy`. */
export async function cleanUp(copy: string | undefined): Promise<void> {
  await Promise.all([...running].map(stop));
  if (copy) rmSync(copy, { recursive: true, force: true });
}
