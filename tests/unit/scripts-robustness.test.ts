import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/lib/content/entry-files';
import { applySyncPlan, planSyncFromDisk, planIsClean } from '../../scripts/lib/list/sync';
import { assertInRepository, REPO_ROOT } from '../../src/lib/paths';
import { loadSections } from '../../src/lib/content/sections';
import { runScript, type ScriptRun } from '../helpers/run';

/** The commands that read user input and write content; each is checked the same way. */
const SCRIPTS = ['sync', 'validate', 'new', 'export-readme'] as const;
type Script = (typeof SCRIPTS)[number];
const SCRIPT_SOURCES: Record<Script, string[]> = {
  sync: [
    'scripts/sync.ts',
    ...readdirSync(path.join(REPO_ROOT, 'scripts/lib/list/sync')).map((name) => `scripts/lib/list/sync/${name}`),
  ],
  validate: ['scripts/validate.ts', 'src/lib/validate/validate.ts'],
  new: ['scripts/new.ts', 'scripts/lib/list/new-entry.ts'],
  'export-readme': ['scripts/export-readme.ts', 'scripts/lib/list/write.ts'],
};
const MLLM_TITLE = 'Multimodal Large Language Models';

const scriptPath = (script: Script, root = REPO_ROOT) => path.join(root, 'scripts', `${script}.ts`);

/** A failure a user can act on: a non-zero exit and one line on stderr, no stack trace. */
function expectOneLineFailure(run: ScriptRun, mentions: string | RegExp): void {
  expect(run.status, run.stderr).not.toBe(0);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(lines[0]).toMatch(mentions);
}

const scratch: string[] = [];
function scratchDir(prefix: string, parent = tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, prefix));
  scratch.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir` (relative paths), to see what a failed write left behind. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

function contentWithRegistry(): string {
  const content = scratchDir('robust-content-');
  copyFileSync(path.join(REPO_ROOT, 'content/sections.yaml'), path.join(content, 'sections.yaml'));
  return content;
}

describe('writes are whole or absent', () => {
  it('the sync, validate, new and export commands write files only through writeFileAtomic', () => {
    for (const [script, files] of Object.entries(SCRIPT_SOURCES)) {
      for (const file of files) {
        const source = readFileSync(path.join(REPO_ROOT, file), 'utf8');
        expect(source, `${script}: ${file}`).not.toMatch(
          /\b(?:writeFileSync|writeFile|appendFileSync|createWriteStream|openSync)\s*\(/,
        );
      }
    }
  });

  it('writeFileAtomic replaces a file whole and leaves no temporary file', () => {
    const dir = scratchDir('atomic-');
    writeFileAtomic(path.join(dir, 'entry.yaml'), 'old text that is longer than the new one\n');
    writeFileAtomic(path.join(dir, 'entry.yaml'), 'new\n');
    expect(readFileSync(path.join(dir, 'entry.yaml'), 'utf8')).toBe('new\n');
    expect(filesUnder(dir)).toEqual(['entry.yaml']);
  });

  it('writeFileAtomic that fails at the rename leaves neither the file nor its temporary file', () => {
    const dir = scratchDir('atomic-');
    const target = path.join(dir, 'entry.yaml');
    mkdirSync(path.join(target, 'occupied'), { recursive: true }); // a folder where the file should go: rename fails
    expect(() => writeFileAtomic(target, 'text')).toThrow();
    expect(filesUnder(dir)).toEqual([]);
  });

  it('writeFileAtomic that fails before writing leaves the old file as it was', () => {
    const dir = scratchDir('atomic-');
    writeFileSync(path.join(dir, 'blocker'), 'a file, so no folder can be made here');
    expect(() => writeFileAtomic(path.join(dir, 'blocker', 'entry.yaml'), 'text')).toThrow();
    expect(filesUnder(dir)).toEqual(['blocker']);
    expect(readFileSync(path.join(dir, 'blocker'), 'utf8')).toBe('a file, so no folder can be made here');
  });

  it('a sync that fails in the middle of its plan leaves every file whole or absent, and no temporary file', () => {
    const content = contentWithRegistry();
    const list = `# ${MLLM_TITLE}\n1. [Alpha](https://arxiv.org/abs/2401.00001)(a)\n2. [Beta](https://arxiv.org/abs/2401.00002)(b)\n3. [Gamma](https://arxiv.org/abs/2401.00003)(c)\n`;
    const plan = planSyncFromDisk(list, { contentDir: content, defaultAdded: '2024-01-01' });
    expect(planIsClean(plan)).toBe(true);
    const written = plan.entries.planned.filter((entry) => entry.text !== undefined);
    expect(written).toHaveLength(3);
    mkdirSync(path.join(written[1]!.file, 'occupied'), { recursive: true }); // the second write fails

    expect(() => applySyncPlan(plan)).toThrow();
    // Written before the failure: whole. The failed one: not there (the folder is untouched). After it: never started.
    expect(readFileSync(written[0]!.file, 'utf8')).toBe(written[0]!.text);
    expect(filesUnder(written[1]!.file)).toEqual([]);
    expect(existsSync(written[2]!.file)).toBe(false);
    expect(filesUnder(content)).toEqual([path.relative(content, written[0]!.file), 'sections.yaml'].sort());
  });

  it('a --strict sync with an unreadable line writes nothing at all', async () => {
    const content = contentWithRegistry();
    const list = path.join(content, 'list.md');
    writeFileSync(list, `# ${MLLM_TITLE}\n1. [Alpha](https://arxiv.org/abs/2401.00001)(a)\n2. Beta without a link\n`);
    const run = await runScript(scriptPath('sync'), [list, '--content', content, '--added', '2024-01-01', '--strict']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nothing written');
    expect(filesUnder(content)).toEqual(['list.md', 'sections.yaml']);
  });
});

describe('outside the repository', () => {
  it('assertInRepository accepts the checkout and names the folder it looked in otherwise', () => {
    expect(() => assertInRepository(REPO_ROOT)).not.toThrow();
    const elsewhere = scratchDir('not-a-repo-');
    expect(() => assertInRepository(elsewhere)).toThrow(`not inside the awesome-mllm repository (looked in ${elsewhere})`);
  });

  it('each command refuses to run from a copy of the scripts outside a checkout, in one line', async () => {
    // Inside the checkout's folder, so packages still resolve from its node_modules; dist-* is gitignored.
    const copy = scratchDir('dist-robustness-', REPO_ROOT);
    for (const folder of ['scripts', 'src']) cpSync(path.join(REPO_ROOT, folder), path.join(copy, folder), { recursive: true });
    const list = path.join(copy, 'list.md');
    writeFileSync(list, `# ${MLLM_TITLE}\n1. [Alpha](https://arxiv.org/abs/2401.00001)\n`);
    const args: Record<Script, string[]> = {
      sync: [list],
      validate: [],
      new: ['--section', 'mllm', '--url', 'https://arxiv.org/abs/2401.00001', '--title', 'Alpha'],
      'export-readme': [],
    };
    const runs = await Promise.all(SCRIPTS.map((script) => runScript(scriptPath(script, copy), args[script])));
    runs.forEach((run) => expectOneLineFailure(run, `not inside the awesome-mllm repository (looked in ${copy})`));
    expect(filesUnder(copy).filter((file) => !file.startsWith('scripts/') && !file.startsWith('src/'))).toEqual(['list.md']);
  });

  it('paths come from the scripts’ own location, not the working directory', async () => {
    const elsewhere = scratchDir('cwd-');
    const [validate, exported] = await Promise.all([
      runScript(scriptPath('validate'), [], {}, { cwd: elsewhere }),
      runScript(scriptPath('export-readme'), [], {}, { cwd: elsewhere }),
    ]);
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(new RegExp(`\\d{3} entries in ${loadSections().length} sections: 0 errors`));
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`# ${MLLM_TITLE}`);
  });
});

describe('a missing or unreadable input gets one clear line, not a stack trace', () => {
  const missing = path.join(tmpdir(), 'no-such-dir-for-robustness', 'missing.md');
  const missingDir = path.dirname(missing);

  it.each([
    ['sync: the list is missing', 'sync', [missing], {}, `cannot read ${missing}: no such file or directory`],
    ['sync: the list is a folder', 'sync', [tmpdir()], {}, `cannot read ${tmpdir()}: it is a directory`],
    [
      'sync: the dates file is missing',
      'sync',
      [path.join(REPO_ROOT, 'README.md'), '--dates', missing],
      {},
      `cannot read ${missing}`,
    ],
    [
      'sync: the content folder is missing',
      'sync',
      [path.join(REPO_ROOT, 'README.md'), '--content', missingDir],
      {},
      `cannot read ${missingDir}/sections.yaml`,
    ],
    [
      'validate: the content folder is missing',
      'validate',
      ['--content', missingDir],
      {},
      `the content root ${missingDir} does not exist`,
    ],
    [
      'validate: the content folder is a file',
      'validate',
      ['--content', path.join(REPO_ROOT, 'README.md')],
      {},
      'is not a folder',
    ],
    [
      'new: the content folder is missing',
      'new',
      ['--section', 'mllm', '--url', 'https://a.org/x', '--title', 'X'],
      { CONTENT_DIR: missingDir },
      `${missingDir}/sections.yaml`,
    ],
    [
      'export: the content folder is missing',
      'export-readme',
      ['--content', missingDir],
      {},
      `cannot read ${missingDir}/sections.yaml`,
    ],
  ] as const)('%s', async (_, script, args, env, mentions) => {
    expectOneLineFailure(await runScript(scriptPath(script), [...args], env), mentions);
  });

  it('export: an --out that cannot be written (a folder) fails in one line and leaves no temporary file', async () => {
    const dir = scratchDir('export-out-');
    mkdirSync(path.join(dir, 'README.md', 'occupied'), { recursive: true });
    expectOneLineFailure(await runScript(scriptPath('export-readme'), ['--out', path.join(dir, 'README.md')]), /README\.md/);
    expect(filesUnder(dir)).toEqual([]);
  });

  it('a registry that does not parse is reported per problem, without a stack trace', async () => {
    const content = scratchDir('bad-registry-');
    writeFileSync(path.join(content, 'sections.yaml'), '- id: mllm\n  title: [unclosed\n');
    const runs = await Promise.all([
      runScript(scriptPath('validate'), ['--content', content]),
      runScript(scriptPath('export-readme'), ['--content', content]),
      runScript(scriptPath('sync'), [path.join(REPO_ROOT, 'README.md'), '--content', content]),
      runScript(scriptPath('new'), ['--section', 'mllm', '--url', 'https://a.org/x', '--title', 'X'], {
        CONTENT_DIR: content,
      }),
    ]);
    for (const run of runs) {
      expect(run.status, run.stderr).not.toBe(0);
      expect(`${run.stdout}${run.stderr}`).toContain('sections.yaml');
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it.skipIf(process.getuid?.() === 0)('sync: an unreadable list (no read permission) fails in one line', async () => {
    const dir = scratchDir('unreadable-');
    const list = path.join(dir, 'list.md');
    writeFileSync(list, `# ${MLLM_TITLE}\n`);
    chmodSync(list, 0o000);
    expectOneLineFailure(await runScript(scriptPath('sync'), [list]), `cannot read ${list}: permission denied`);
  });
});
