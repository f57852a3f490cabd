import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultBaseRef,
  diffEntries,
  formatChanges,
  isEntryPath,
  readEntryTextsAtRef,
  readEntryTextsInWorkingTree,
  reportChanges,
} from '../../../scripts/lib/list/changes';
import { serializeEntry } from '../../../src/lib/content/entry-files';
import { REPO_ROOT } from '../../../src/lib/paths';
import type { PaperInput } from '../../../src/schemas/paper';

const paper = (title: string, extra: Partial<PaperInput> = {}): PaperInput => ({
  title,
  links: [{ kind: 'paper', url: `https://example.org/${encodeURIComponent(title)}` }],
  added: '2024-01-01',
  ...extra,
});

describe('isEntryPath', () => {
  it.each([
    ['mllm/x.yaml', true],
    ['mllm/x.mdx', true],
    ['sections.yaml', false],
    ['paper.schema.json', false],
    ['mllm/x.yml', false],
    ['mllm/deep/x.yaml', false],
    ['mllm/.x.yaml.12.tmp', false],
    ['.hidden/x.yaml', false],
  ])('%s → %s', (relative, expected) => expect(isEntryPath(relative)).toBe(expected));
});

describe('diffEntries and formatChanges', () => {
  const base = new Map([
    ['mllm/kept.yaml', serializeEntry(paper('Kept'))],
    ['mllm/edited.yaml', serializeEntry(paper('Edited', { note: 'old', tags: ['a'] }))],
    ['mllm/gone.yaml', serializeEntry(paper('Gone *bold*'))],
    ['mllm/long.yaml', serializeEntry(paper('Long'))],
    ['survey/reformatted.yaml', serializeEntry(paper('Reformatted'))],
  ]);
  const head = new Map([
    ['mllm/kept.yaml', serializeEntry(paper('Kept'))],
    ['mllm/edited.yaml', serializeEntry(paper('Edited', { note: 'new', tags: ['a', 'b'] }))],
    ['mllm/long.mdx', serializeEntry(paper('Long'), 'mdx', 'A **long** note.')],
    ['survey/reformatted.yaml', `${serializeEntry(paper('Reformatted'))}# a comment\n`],
    ['benchmarks/new.yaml', serializeEntry(paper('New'))],
    ['benchmarks/broken.yaml', 'title: [unclosed'],
  ]);
  const changes = diffEntries(base, head);

  it('tells added, changed (with the fields) and removed entries apart; a format change is a change', () => {
    expect(changes.map(({ kind, path, title, fields }) => [kind, path, title, fields])).toEqual([
      ['added', 'benchmarks/broken.yaml', 'broken', []],
      ['added', 'benchmarks/new.yaml', 'New', []],
      ['changed', 'mllm/edited.yaml', 'Edited', ['note', 'tags']],
      ['changed', 'mllm/long.mdx', 'Long', ['body', 'format']],
      ['changed', 'survey/reformatted.yaml', 'Reformatted', []],
      ['removed', 'mllm/gone.yaml', 'Gone *bold*', []],
    ]);
    expect(changes[0]).toMatchObject({ section: 'benchmarks', id: 'broken' });
  });

  it('writes a Markdown list grouped by kind, with section, title and file', () => {
    expect(formatChanges(changes, { base: 'origin/main', contentDir: 'content' })).toBe(
      [
        '### Entry changes against `origin/main` (2 added, 3 changed, 1 removed)',
        '',
        '**Added**',
        '',
        '- benchmarks: **broken** (`content/benchmarks/broken.yaml`)',
        '- benchmarks: **New** (`content/benchmarks/new.yaml`)',
        '',
        '**Changed**',
        '',
        '- mllm: **Edited** (`content/mllm/edited.yaml`; note, tags)',
        '- mllm: **Long** (`content/mllm/long.mdx`; body, format)',
        '- survey: **Reformatted** (`content/survey/reformatted.yaml`; formatting only)',
        '',
        '**Removed**',
        '',
        '- mllm: **Gone \\*bold\\*** (`content/mllm/gone.yaml`)',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(diffEntries(base, base)).toEqual([]);
    expect(formatChanges([], { base: 'main', contentDir: 'content' })).toBe(
      'No entries added, changed or removed against `main`.\n',
    );
  });
});

describe('against a git repository', () => {
  let repo: string;
  let root: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  };

  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'changes-'));
    root = path.join(repo, 'content');
    git('init', '-q', '-b', 'main');
    write('sections.yaml', '- { id: mllm, title: MLLM, description: Models., order: 1 }\n');
    write('paper.schema.json', '{}\n');
    write('mllm/2409.12191.yaml', serializeEntry(paper('Qwen2-VL', { arxiv: '2409.12191' })));
    write('mllm/llava.yaml', serializeEntry(paper('LLaVA')));
    write('mllm/old.yaml', serializeEntry(paper('Old paper')));
    write('survey/survey.mdx', serializeEntry(paper('A Survey'), 'mdx', '第一版'));
    git('add', '.');
    git('commit', '-q', '-m', 'base');

    // Working tree edits, some staged, some not, one new file never added.
    write('mllm/llava.yaml', serializeEntry(paper('LLaVA', { note: '视觉指令微调' })));
    write('survey/survey.mdx', serializeEntry(paper('A Survey'), 'mdx', '第二版'));
    unlinkSync(path.join(root, 'mllm/old.yaml'));
    write('mllm/new.yaml', serializeEntry(paper('New: 新论文')));
    write('sections.yaml', '- { id: mllm, title: MLLMs, description: Models., order: 1 }\n');
    write('paper.schema.json', '{ "changed": true }\n');
    git('add', 'content/mllm/llava.yaml');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('reads entry files at a ref and on disk, and nothing else', () => {
    expect([...readEntryTextsAtRef('main', { repo, contentDir: 'content' }).keys()].sort()).toEqual([
      'mllm/2409.12191.yaml',
      'mllm/llava.yaml',
      'mllm/old.yaml',
      'survey/survey.mdx',
    ]);
    expect(readEntryTextsAtRef('main', { repo, contentDir: 'content' }).get('survey/survey.mdx')).toContain('第一版');
    expect([...readEntryTextsInWorkingTree(root).keys()].sort()).toEqual([
      'mllm/2409.12191.yaml',
      'mllm/llava.yaml',
      'mllm/new.yaml',
      'survey/survey.mdx',
    ]);
  });

  it('reports the working tree against main', () => {
    expect(reportChanges({ root, base: 'main' })).toBe(
      [
        '### Entry changes against `main` (1 added, 2 changed, 1 removed)',
        '',
        '**Added**',
        '',
        '- mllm: **New: 新论文** (`content/mllm/new.yaml`)',
        '',
        '**Changed**',
        '',
        '- mllm: **LLaVA** (`content/mllm/llava.yaml`; note)',
        '- survey: **A Survey** (`content/survey/survey.mdx`; body)',
        '',
        '**Removed**',
        '',
        '- mllm: **Old paper** (`content/mllm/old.yaml`)',
        '',
      ].join('\n'),
    );
  });

  it('defaults to origin/main when the clone has it, else main', () => {
    expect(defaultBaseRef(repo)).toBe('main');
    expect(reportChanges({ root })).toMatch(/^### Entry changes against `main` \(1 added, 2 changed, 1 removed\)/);
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    try {
      expect(defaultBaseRef(repo)).toBe('origin/main');
    } finally {
      git('update-ref', '-d', 'refs/remotes/origin/main');
    }
  });

  it('refuses an unknown ref', () => {
    expect(() => reportChanges({ root, base: 'no-such-branch' })).toThrow('unknown git ref "no-such-branch"');
  });

  it('runs as npm run changes', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/changes.ts', '--base', 'main'], {
      cwd: REPO_ROOT,
      env: { ...process.env, CONTENT_DIR: root },
      encoding: 'utf8',
    });
    expect(output).toBe(reportChanges({ root, base: 'main' }));
  });
});
