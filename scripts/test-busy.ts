/** npm run test:busy: `npm test` while a bounded busy loop holds every core, then the load it held. */
import os from 'node:os';
import { describeLoadedRun, endedEarly, runUnderLoad } from './lib/busy/loaded-run';
import { CliError, EXIT, runCommand } from './lib/cli';

await runCommand(
  {
    usage: 'npm run test:busy [-- [--max-minutes N] [--loops N] [test files or vitest filters…]]',
    help: `Runs \`npm test\` (with any arguments given, e.g. one test file) while a CPU load holds every
core: one busy loop per core (--loops), each a process of its own that the script starts and ends,
and that ends by itself after --max-minutes (default 30) or as soon as this script is gone. Then it
prints the load it held: each loop's share of a core and the load average before and after.
It shows the suite holds on a busy machine (CONTRIBUTING.md says why timings live in the bench).
Exit: npm test's own code; 1 also when the load ran out before npm test ended.`,
    options: { 'max-minutes': { type: 'string', default: '30' }, loops: { type: 'string' } },
    positionals: true,
  },
  async ({ values, positionals }) => {
    const maxMinutes = Number(values['max-minutes']);
    if (!(maxMinutes > 0)) throw new CliError(`--max-minutes ${values['max-minutes']}: give a positive number of minutes`);
    const loops = values.loops === undefined ? os.availableParallelism() : Number(values.loops);
    if (!Number.isInteger(loops) || loops < 1) throw new CliError(`--loops ${values.loops}: give a whole number of loops`);
    const run = await runUnderLoad({
      command: 'npm',
      args: ['test', ...(positionals.length ? ['--', ...positionals] : [])],
      maxMs: maxMinutes * 60_000,
      loops,
    });
    console.log(`\n${describeLoadedRun(run, 'npm test')}`);
    return run.exitCode !== 0 ? run.exitCode : endedEarly(run).length ? EXIT.problems : EXIT.ok;
  },
);
