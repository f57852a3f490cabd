import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loopProgram, startCpuLoad } from '../../scripts/lib/busy/cpu-load';
import { describeLoadedRun, runUnderLoad } from '../../scripts/lib/busy/loaded-run';

/**
 * `npm run test:busy`'s load: busy loops that end when asked, and by themselves when their time
 * is up or whoever started them is gone, so a load never outlives its run for long.
 */

/** Whether a process is still running (a zombie waiting for its parent to read its status is not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

// Waits are for a machine whose every core is busy: generous, and ended by the condition.
const WAIT = { timeout: 60_000, interval: 50 };

describe('the busy loops', () => {
  it('run until asked to stop, each reporting the CPU it got', async () => {
    const load = startCpuLoad({ loops: 2, maxMs: 600_000 });
    expect(load.pids).toHaveLength(2);
    expect(load.pids.every(running)).toBe(true);
    // Burns CPU: wait until the first loop has used some, by its own clock in /proc.
    await expect
      .poll(() => Number(readFileSync(`/proc/${load.pids[0]}/stat`, 'utf8').split(') ')[1]!.split(' ')[11]), WAIT)
      .toBeGreaterThan(0);
    const reports = await load.stop();
    expect(reports.map((report) => report.ended)).toEqual(['stopped', 'stopped']);
    expect(reports.map((report) => report.pid)).toEqual(load.pids);
    expect(reports[0]!.cpuMs).toBeGreaterThan(0);
    expect(load.pids.some(running)).toBe(false);
  });

  it('end by themselves once their time is up', async () => {
    const load = startCpuLoad({ loops: 1, maxMs: 200 });
    const [report] = await load.ended;
    expect(report!.ended).toBe('time-up');
    expect(report!.cpuMs).toBeGreaterThan(0);
  });

  it('end by themselves when the process that started them is gone, even killed', async () => {
    // A parent that starts a loop bounded to ten minutes, prints its pid and kills itself at once.
    const SENTINEL = 999_999_999;
    const parent = `
      const { spawn } = require('node:child_process');
      const program = process.argv[1].replace('${SENTINEL}', String(process.pid));
      const loop = spawn(process.execPath, ['-e', program], { stdio: 'ignore' });
      process.stdout.write(String(loop.pid), () => process.kill(process.pid, 'SIGKILL'));`;
    const pid = await new Promise<number>((resolve) => {
      execFile(process.execPath, ['-e', parent, loopProgram(600_000, SENTINEL)], (_, stdout) => resolve(Number(stdout)));
    });
    expect(pid).toBeGreaterThan(0);
    await expect.poll(() => running(pid), WAIT).toBe(false);
  });
});

describe('a run under load', () => {
  it("passes the command's exit code through and says what load it held", async () => {
    const run = await runUnderLoad({ command: process.execPath, args: ['-e', 'process.exitCode = 3'], maxMs: 600_000, loops: 2 });
    expect(run.exitCode).toBe(3);
    expect(run.loops.map((loop) => loop.ended)).toEqual(['stopped', 'stopped']);
    const text = describeLoadedRun(run, 'the command');
    expect(text).toMatch(
      /^the command exited 3 after 0 min \d\d s, while 2 busy loop\(s\) ran on \d+ core\(s\), one process each, bounded to 10 min 00 s\.$/m,
    );
    expect(text).toMatch(
      /^Load average \(1, 5, 15 min\): [\d.]+ [\d.]+ [\d.]+ at the start, [\d.]+ [\d.]+ [\d.]+ at the end\.$/m,
    );
    expect(text).not.toContain('did not last');
  });

  it('says when the load ran out before the command ended', () => {
    const run = {
      exitCode: 0,
      wallMs: 125_000,
      maxMs: 60_000,
      loops: [
        { pid: 10, cpuMs: 50_000, ended: 'time-up' as const },
        { pid: 11, cpuMs: 100_000, ended: 'stopped' as const },
      ],
      loadBefore: [1, 2, 3],
      loadAfter: [4.5, 3, 2],
    };
    expect(describeLoadedRun(run, 'npm test').split('\n').slice(1)).toEqual([
      'Each loop got 40%, 80% of a core (50 s, 100 s of CPU); the rest went to the run and whatever else the machine was doing.',
      'Load average (1, 5, 15 min): 1.00 2.00 3.00 at the start, 4.50 3.00 2.00 at the end.',
      'The load did not last: 1 loop(s) ended by themselves (time-up) before the run did; raise --max-minutes.',
    ]);
  });
});
