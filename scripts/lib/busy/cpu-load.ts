/**
 * A bounded CPU load: one busy loop per core, each a Node process of its own. A loop spins in
 * short slices and, between them, stops by itself once its time is up or its parent has gone (its
 * parent process id changes when the parent dies), so a load can never outlive what started it
 * for long, even when that is killed. Asked to stop, a loop says how much CPU it got.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';

/** How a loop ended, with the CPU time it used (user + system). */
export interface LoopReport {
  pid: number;
  cpuMs: number;
  /** `stopped`: asked to (SIGTERM); `time-up`: its bound passed first; `orphaned`: its parent went away. */
  ended: 'stopped' | 'time-up' | 'orphaned';
}

/**
 * The loop's program. Slices of 20 ms keep it busy; between slices the event loop runs, so a
 * SIGTERM is handled (a loop that never yielded could not report). It prints one JSON line as it
 * ends, after a first line, `started`, once it can handle SIGTERM. `parentPid` is the process that starts it.
 */
export function loopProgram(maxMs: number, parentPid: number): string {
  return `
const end = Date.now() + ${Math.round(maxMs)};
// Given, not read at start: a parent that died before the loop started is noticed too.
const parent = ${parentPid};
const finish = (ended) => {
  const used = process.cpuUsage();
  process.stdout.write(JSON.stringify({ pid: process.pid, cpuMs: (used.user + used.system) / 1000, ended }) + '\\n', () => process.exit(0));
};
process.on('SIGTERM', () => finish('stopped'));
process.stdout.write('started\\n');
const spin = () => {
  const slice = Date.now() + 20;
  while (Date.now() < slice);
  if (Date.now() >= end) return finish('time-up');
  if (process.ppid !== parent) return finish('orphaned');
  setImmediate(spin);
};
spin();
`;
}

export interface CpuLoad {
  /** The loops' process ids. */
  pids: number[];
  /** Ends every loop still running and resolves with each one's report. */
  stop(): Promise<LoopReport[]>;
  /** Resolves once every loop has ended, however, with each one's report. */
  ended: Promise<LoopReport[]>;
}

/** Starts `loops` busy loops (default: one per core), each ending by itself after `maxMs` at most. */
export function startCpuLoad({ loops = os.availableParallelism(), maxMs }: { loops?: number; maxMs: number }): CpuLoad {
  const children: { child: ChildProcess; ready: Promise<void>; report: Promise<LoopReport> }[] = [];
  for (let index = 0; index < loops; index++) {
    const child = spawn(process.execPath, ['-e', loopProgram(maxMs, process.pid)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    let started: () => void;
    const ready = new Promise<void>((resolve) => (started = resolve));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('\n')) started();
    });
    const report = new Promise<LoopReport>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', () => {
        started();
        try {
          resolve(JSON.parse(output.trim().split('\n').at(-1)!) as LoopReport);
        } catch {
          reject(new Error(`busy loop ${child.pid} ended without its report (output: ${JSON.stringify(output)})`));
        }
      });
    });
    children.push({ child, ready, report });
  }
  const ended = Promise.all(children.map(({ report }) => report));
  return {
    pids: children.map(({ child }) => child.pid!),
    ended,
    async stop() {
      // A loop told to stop before it can hear it would end without its report.
      await Promise.all(children.map(({ ready }) => ready));
      for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return ended;
    },
  };
}
