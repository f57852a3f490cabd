import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Child processes, measured: wall time, CPU time (GNU time) and the peak memory of the whole
 * process tree (Linux /proc). Also the one list of the test runner's variables a child build must
 * not inherit, used by the benchmark and by the tests' builds (tests/setup/build-site.ts).
 */

export interface MeasuredRun {
  wallMs: number;
  /**
   * User + system CPU time of the process and its descendants, when GNU time is installed: on a
   * machine shared with other work it varies far less than wall time. GNU time counts only the
   * children a process waited for (a child killed unwaited, as Pagefind's Node API kills its
   * indexer, is missed), so the CPU each sampled process had used at its last sample is added up
   * as well, and the larger of the two is taken.
   */
  cpuMs?: number;
  /** Highest sum of RSS over the process and all its descendants, sampled every `sampleMs`. */
  peakRssBytes: number;
  exitCode: number | null;
  output: string;
}

/**
 * Variables Vitest (through Vite) puts into process.env that a child `astro build` must not
 * inherit: it would take BASE_URL=/ from there and ignore the configured base, and NODE_ENV=test.
 */
export const TEST_RUNNER_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'] as const;

/** `env` without TEST_RUNNER_VARIABLES, plus `extra`: the environment for a child build. */
export function childEnv(extra: NodeJS.ProcessEnv = {}, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const key of TEST_RUNNER_VARIABLES) delete clean[key];
  return { ...clean, ...extra };
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command, sampling the RSS of its process tree (Pagefind's binary is a child of the build). */
export function runMeasured(
  command: string,
  args: readonly string[],
  { cwd, env, sampleMs = 100, gnuTime = GNU_TIME }: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number; gnuTime?: string },
): Promise<MeasuredRun> {
  // GNU time writes the CPU seconds of everything it waited for (children included) to a file of its own.
  const timeFile = existsSync(gnuTime) ? path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-time-')), 'cpu') : undefined;
  const [program, programArgs] = timeFile
    ? [gnuTime, ['-o', timeFile, '-f', '%U %S %M', command, ...args]]
    : [command, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(program, programArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    let peakRssBytes = 0;
    // Each process's CPU time at its last sample, by pid.
    const sampledCpuMs = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      const tree = sampleTree(child.pid);
      peakRssBytes = Math.max(peakRssBytes, tree.rssBytes);
      for (const [pid, ms] of tree.cpuMsByPid) sampledCpuMs.set(pid, ms);
    };
    const timer = setInterval(sample, sampleMs);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearInterval(timer);
      const gnuText = timeFile ? readFileSync(timeFile, 'utf8') : '';
      const gnuCpuMs = timeFile ? cpuMsFromGnuTime(gnuText) : undefined;
      const sampledMs = [...sampledCpuMs.values()].reduce((sum, ms) => sum + ms, 0);
      const cpuMs = gnuCpuMs === undefined ? undefined : Math.max(gnuCpuMs, sampledMs);
      // A step shorter than one sampling interval is never sampled: GNU time's peak of the largest
      // process it waited for is then the figure.
      peakRssBytes = Math.max(peakRssBytes, maxRssBytesFromGnuTime(gnuText) ?? 0);
      if (timeFile) rmSync(path.dirname(timeFile), { recursive: true, force: true });
      resolve({ wallMs: performance.now() - started, cpuMs, peakRssBytes, exitCode, output });
    });
  });
}

/** `%U %S %M` as GNU time writes it (`12.34 1.05 81234`, after a `Command exited…` line on failure) → CPU ms. */
export function cpuMsFromGnuTime(text: string): number | undefined {
  const match = GNU_TIME_LINE.exec(text);
  return match ? Math.round((Number(match[1]) + Number(match[2])) * 1000) : undefined;
}

/** The same line's `%M`, the largest waited-for process's peak RSS in KB → bytes. */
export function maxRssBytesFromGnuTime(text: string): number | undefined {
  const match = GNU_TIME_LINE.exec(text);
  return match?.[3] === undefined ? undefined : Number(match[3]) * 1024;
}
const GNU_TIME_LINE = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)(?: (\d+))?$/m;

/**
 * `rootPid` and its descendants, read from /proc: the sum of their VmRSS, and the user + system
 * CPU time each has used so far. Empty where /proc is missing.
 */
export function sampleTree(rootPid: number, procDir = '/proc'): { rssBytes: number; cpuMsByPid: Map<number, number> } {
  const children = new Map<number, number[]>();
  let pids: string[];
  try {
    pids = readdirSync(procDir).filter((name) => /^\d+$/.test(name));
  } catch {
    return { rssBytes: 0, cpuMsByPid: new Map() };
  }
  const stats = new Map<number, string>();
  for (const pid of pids) {
    const stat = readProcFile(procDir, pid, 'stat');
    const ppid = parentPid(stat);
    if (ppid === undefined) continue;
    stats.set(Number(pid), stat);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
  }
  let rssBytes = 0;
  const cpuMsByPid = new Map<number, number>();
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    rssBytes += rssBytesFromStatus(readProcFile(procDir, String(pid), 'status'));
    const cpuMs = cpuMsFromStat(stats.get(pid) ?? '');
    if (cpuMs !== undefined) cpuMsByPid.set(pid, cpuMs);
    stack.push(...(children.get(pid) ?? []));
  }
  return { rssBytes, cpuMsByPid };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux, whatever the kernel's own rate). */
const USER_HZ = 100;

/** User + system CPU time (utime, stime: the 14th and 15th fields) of /proc/<pid>/stat, in ms. */
export function cpuMsFromStat(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is the 3rd field (state): utime is fields[11], stime fields[12].
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  return stat && Number.isInteger(utime) && Number.isInteger(stime) ? ((utime + stime) * 1000) / USER_HZ : undefined;
}

function readProcFile(procDir: string, pid: string, name: string): string {
  try {
    return readFileSync(path.join(procDir, pid, name), 'utf8');
  } catch {
    return ''; // the process ended between listing and reading
  }
}

/** The 4th field of /proc/<pid>/stat; the command name (2nd) may hold spaces and parentheses. */
export function parentPid(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return stat && Number.isInteger(ppid) ? ppid : undefined;
}

export function rssBytesFromStatus(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}
