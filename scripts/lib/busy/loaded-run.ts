/**
 * Runs a command while a bounded CPU load (./cpu-load.ts) holds every core, and says what load it
 * held: how `npm run test:busy` shows the test suite does not depend on the machine's speed.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { startCpuLoad, type LoopReport } from './cpu-load';

export interface LoadedRun {
  /** The command's exit code (1 when a signal ended it). */
  exitCode: number;
  wallMs: number;
  loops: LoopReport[];
  maxMs: number;
  loadBefore: number[];
  loadAfter: number[];
}

/** Starts the load, runs `command` to its end (its output straight through), then ends the load. */
export async function runUnderLoad({
  command,
  args,
  maxMs,
  loops,
}: {
  command: string;
  args: readonly string[];
  maxMs: number;
  loops?: number;
}): Promise<LoadedRun> {
  const loadBefore = os.loadavg();
  const load = startCpuLoad({ loops, maxMs });
  const started = performance.now();
  const exited = new Promise<number>((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  // The load ends whatever happened to the command (each loop would also end by itself).
  let exitCode: number;
  try {
    exitCode = await exited;
  } catch (error) {
    await load.stop();
    throw error;
  }
  const wallMs = performance.now() - started;
  const reports = await load.stop();
  return { exitCode, wallMs, loops: reports, maxMs, loadBefore, loadAfter: os.loadavg() };
}

const minutes = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
};

/** Loops that ended before being asked to: the load did not last the whole run. */
export const endedEarly = (run: LoadedRun) => run.loops.filter((loop) => loop.ended !== 'stopped');

/** What the run held, in words: the command's result, each loop's share of a core, the load averages. */
export function describeLoadedRun(run: LoadedRun, label: string): string {
  const shares = run.loops.map((loop) => `${Math.round((100 * loop.cpuMs) / run.wallMs)}%`);
  const loads = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  const early = endedEarly(run);
  return [
    `${label} exited ${run.exitCode} after ${minutes(run.wallMs)}, while ${run.loops.length} busy loop(s) ran on ${os.availableParallelism()} core(s), one process each, bounded to ${minutes(run.maxMs)}.`,
    `Each loop got ${shares.join(', ')} of a core (${run.loops.map((loop) => `${Math.round(loop.cpuMs / 1000)} s`).join(', ')} of CPU); the rest went to the run and whatever else the machine was doing.`,
    `Load average (1, 5, 15 min): ${loads(run.loadBefore)} at the start, ${loads(run.loadAfter)} at the end.`,
    ...(early.length
      ? [
          `The load did not last: ${early.length} loop(s) ended by themselves (${early.map((loop) => loop.ended).join(', ')}) before the run did; raise --max-minutes.`,
        ]
      : []),
  ].join('\n');
}
