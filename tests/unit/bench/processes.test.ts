import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  childEnv,
  cpuMsFromGnuTime,
  maxRssBytesFromGnuTime,
  parentPid,
  cpuMsFromStat,
  rssBytesFromStatus,
  runMeasured,
  sampleTree,
  TEST_RUNNER_VARIABLES,
} from '../../../scripts/lib/bench/processes';
import { writeFileAtomic as write } from '../../../src/lib/content/entry-files';
import { buildEnv } from '../../setup/build-site';
import { tempFolder } from '../../helpers/temp-folder';

/**
 * The benchmark's measures of a process tree (scripts/lib/bench/processes.ts): memory and CPU read
 * from /proc and GNU time, on a fake /proc and on real child processes, and the env a build gets.
 */

const temp = tempFolder('bench-');

describe('process tree memory', () => {
  it('reads the parent from /proc/<pid>/stat, whatever the command name holds', () => {
    expect(parentPid('42 (node) S 7 42 42 0 -1')).toBe(7);
    expect(parentPid('43 (a) b (c) R 12 43 43 0 -1')).toBe(12);
    expect(parentPid('')).toBeUndefined();
  });

  it('reads the user + system CPU time from /proc/<pid>/stat', () => {
    const stat = '6037 (a) b (c) R 6033 6033 1105 0 -1 4194304 95 0 0 0 250 37 9 9 20 0 1 0 174838';
    expect(cpuMsFromStat(stat)).toBe(2_870);
    expect(cpuMsFromStat('42 (node) S 7 42')).toBeUndefined();
    expect(cpuMsFromStat('')).toBeUndefined();
  });

  it('reads VmRSS in bytes', () => {
    expect(rssBytesFromStatus('Name:\tnode\nVmRSS:\t  2048 kB\nThreads: 3\n')).toBe(2048 * 1024);
    expect(rssBytesFromStatus('Name:\tkthreadd\n')).toBe(0);
  });

  it('sums a process and its descendants, not its siblings', () => {
    const proc = path.join(temp, 'proc');
    const processes: [pid: number, ppid: number, kb: number][] = [
      [10, 1, 100],
      [11, 10, 20],
      [12, 11, 3],
      [13, 1, 5000],
    ];
    for (const [pid, ppid, kb] of processes) {
      // CPU ticks (1/100 s): the pid as user time, 1 as system time.
      write(path.join(proc, String(pid), 'stat'), `${pid} (x) S ${ppid} 0 0 0 0 0 0 0 0 0 ${pid} 1 0 0`);
      write(path.join(proc, String(pid), 'status'), `VmRSS:\t${kb} kB\n`);
    }
    expect(sampleTree(10, proc).rssBytes).toBe(123 * 1024);
    expect([...sampleTree(10, proc).cpuMsByPid].sort()).toEqual([
      [10, 110],
      [11, 120],
      [12, 130],
    ]);
    expect(sampleTree(10, path.join(temp, 'no-proc')).rssBytes).toBe(0);
  });

  const childTree =
    "const { spawnSync } = require('node:child_process'); const keep = Buffer.alloc(64e6, 1); spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 300)']); console.log(keep.length);";

  it('measures a real child process tree, its exit and (with GNU time) its CPU time', async () => {
    const run = await runMeasured(process.execPath, ['-e', childTree], { cwd: temp, env: process.env, sampleMs: 20 });
    expect(run.exitCode).toBe(0);
    expect(run.output.trim()).toBe('64000000');
    expect(run.peakRssBytes).toBeGreaterThan(64e6);
    if (existsSync('/usr/bin/time')) expect(run.cpuMs).toBeGreaterThan(0);
  });

  // Pagefind's case: a child that burns CPU and is killed by a parent that never waits for it. Its
  // CPU is seen only by the sampler (every 20 ms here), which must run once between the burn and
  // the kill: 2 s leaves room for a sampler starved by a busy machine (300 ms assumed an idle one).
  const unwaitedChild = `
    const { spawn } = require('node:child_process');
    const burner = spawn(process.execPath, ['-e', "const t = process.cpuUsage(); while (process.cpuUsage(t).user < 500e3); console.log('burnt'); setInterval(() => {}, 1e3)"], { stdio: ['ignore', 'pipe', 'inherit'] });
    burner.unref();
    burner.stdout.once('data', () => setTimeout(() => { burner.kill(); process.exit(0); }, 2000));`;

  it.runIf(existsSync('/usr/bin/time'))('counts the CPU of a child its parent never waited for', async () => {
    const run = await runMeasured(process.execPath, ['-e', unwaitedChild], { cwd: temp, env: process.env, sampleMs: 20 });
    expect(run.exitCode).toBe(0);
    expect(run.cpuMs).toBeGreaterThanOrEqual(400);
  });

  it('measures without GNU time, leaving the CPU time out', async () => {
    const run = await runMeasured(process.execPath, ['-e', 'process.exitCode = 3'], {
      cwd: temp,
      env: process.env,
      gnuTime: path.join(temp, 'no-time'),
    });
    expect(run.exitCode).toBe(3);
    expect(run.cpuMs).toBeUndefined();
  });

  it('reads the CPU seconds GNU time writes, also after a failure line', () => {
    expect(cpuMsFromGnuTime('12.34 1.05\n')).toBe(13_390);
    expect(cpuMsFromGnuTime('Command exited with non-zero status 1\n0.50 0.25\n')).toBe(750);
    expect(cpuMsFromGnuTime('')).toBeUndefined();
  });

  it('reads GNU time’s peak, so a step too short to be sampled still has one', async () => {
    expect(cpuMsFromGnuTime('12.34 1.05 81234\n')).toBe(13_390);
    expect(maxRssBytesFromGnuTime('Command exited with non-zero status 1\n0.50 0.25 2048\n')).toBe(2048 * 1024);
    expect(maxRssBytesFromGnuTime('0.50 0.25\n')).toBeUndefined();
    if (!existsSync('/usr/bin/time')) return;
    // Exits long before the first sample (100 ms).
    const run = await runMeasured(process.execPath, ['-e', ''], { cwd: temp, env: process.env });
    expect(run.peakRssBytes).toBeGreaterThan(0);
  });

  it('gives a child build an env without the variables Vitest adds', () => {
    const env = childEnv({ OUT_DIR: 'x' }, { PATH: '/bin', BASE_URL: '/', NODE_ENV: 'test', MODE: 'test' });
    expect(env).toEqual({ PATH: '/bin', OUT_DIR: 'x' });
    // The tests' own builds strip the same list (this file runs under Vitest, which sets them).
    for (const key of TEST_RUNNER_VARIABLES) expect(buildEnv()).not.toHaveProperty(key);
    expect(buildEnv({ OUT_DIR: 'y' }).OUT_DIR).toBe('y');
  });
});
