import { execFile } from 'node:child_process';
import { REPO_ROOT } from '../../src/lib/paths';

export interface ScriptRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `scripts/<name>.ts` as npm would (through tsx) without blocking the test worker: a sync
 * spawn that takes long on a busy machine starves Vitest's own messages ("Timeout calling
 * onTaskUpdate") and fails the run.
 */
export function runScript(script: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ScriptRun> {
  // An `undefined` in `env` removes the variable (e.g. GITHUB_ACTIONS, to run as outside CI).
  const childEnv = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: REPO_ROOT, env: childEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}
