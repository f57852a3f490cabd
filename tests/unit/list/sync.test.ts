import { execFile } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAddedDates, planSyncFromDisk, type SyncPlan } from '../../../scripts/lib/list/sync';
import { parseList } from '../../../scripts/lib/list/parse';
import { exportListFromDisk } from '../../../scripts/lib/list/write';
import { contentIds } from '../../../scripts/lib/checks/check-counts';
import { REPO_ROOT } from '../../../src/lib/paths';
import { loadSections } from '../../../src/lib/content/sections';
import { validateContent } from '../../../src/lib/validate/validate';
import { fileSnapshot } from '../../helpers/content';
import {
  contentFolder,
  copyOf,
  FIXTURES,
  notEntries,
  papers,
  readFixture,
  removeContentFolders,
  sync,
  UPSTREAM,
  UPSTREAM_DATES,
} from '../../helpers/list-sync';

/**
 * The living list: syncing list versions in order, against local curation, and refusing input
 * that is not a list. The upstream fixture is the list as published (defects included).
 */

const SEED = readFixture('seed-awesome-list.md');
const SEED_DATES = parseAddedDates(readFixture('seed-added-dates.tsv'));
const UPSTREAM_FILE = path.join(FIXTURES, 'upstream-awesome-list.md');
const UPSTREAM_DATES_FILE = path.join(FIXTURES, 'upstream-added-dates.tsv');
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const snapshot = fileSnapshot;

afterAll(removeContentFolders);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
async function run(script: string, args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [TSX_CLI, path.join(REPO_ROOT, script), ...args], {
      cwd: REPO_ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as Run;
    return { code, stdout, stderr };
  }
}

/** The entry lines of a list (after the Table of Contents), with their line numbers. */
function entryLines(text: string): { line: number; text: string }[] {
  const lines = text.split('\n');
  const toc = lines.findIndex((line) => /^# Table of Contents/.test(line));
  return lines.flatMap((line, index) => (index > toc && /^\s*\d+\.(?!\d)/.test(line) ? [{ line: index + 1, text: line }] : []));
}

let upstreamRoot: string;
let upstreamPlan: SyncPlan;
beforeAll(() => {
  upstreamRoot = contentFolder();
  upstreamPlan = sync(upstreamRoot, UPSTREAM, { dates: UPSTREAM_DATES });
});

describe('syncing the list as it grows', () => {
  it('gives the same content synced version by version (seed, then upstream) as synced straight to upstream', () => {
    const stepwise = contentFolder();
    sync(stepwise, SEED, { dates: SEED_DATES });
    sync(stepwise, UPSTREAM, { dates: UPSTREAM_DATES });
    const [a, b] = [snapshot(stepwise), snapshot(upstreamRoot)];
    expect(notEntries(a)).toEqual(notEntries(b));
    expect(papers(a)).toEqual(papers(b));
  });

  it('holds every paper of the upstream list in its registry section, the reasoning section second', () => {
    const list = parseList(UPSTREAM, []);
    const sections = loadSections(path.join(upstreamRoot, 'sections.yaml'));
    expect(sections.map((section) => section.title)).toEqual(list.sections.map((section) => section.title));
    const ids = contentIds(upstreamRoot, sections);
    const merged = new Map(upstreamPlan.entries.merges.map((merge) => [merge.sectionTitle, merge.lines.length - 1]));
    for (const section of list.sections) {
      const id = sections.find((candidate) => candidate.title === section.title)!.id;
      expect(ids.get(id)?.length, section.title).toBe(section.entryLines - (merged.get(section.title) ?? 0));
    }
    expect(upstreamPlan.report.unreadable).toEqual([]);
    expect(upstreamPlan.report.mended.map((line) => line.line)).toEqual([34, 43, 169]);
  });

  it('changes nothing when the same list is synced again', () => {
    const before = snapshot(upstreamRoot);
    const again = sync(upstreamRoot, UPSTREAM, { dates: UPSTREAM_DATES, defaultAdded: '2099-01-01' });
    expect(again.entries.planned.every((entry) => entry.action === 'unchanged')).toBe(true);
    expect([
      again.entries.changes,
      again.conflicts.fields,
      again.state.about,
      again.sections.registryText,
      again.state.lastSync,
      again.state.fixesText,
    ]).toEqual([[], [], undefined, undefined, undefined, undefined]);
    expect(snapshot(upstreamRoot)).toEqual(before);
  });
});

describe('export of a synced list', () => {
  it('reproduces every upstream entry line byte for byte, in order, except the mended lines and the merged duplicates', () => {
    const { text, problems } = exportListFromDisk(upstreamRoot);
    expect(problems).toEqual([]);
    const excluded = new Set([
      ...upstreamPlan.report.mended.map((line) => line.line),
      ...upstreamPlan.entries.merges.flatMap((merge) => merge.lines),
    ]);
    const expected = entryLines(UPSTREAM).filter((line) => !excluded.has(line.line));
    const upstreamLines = new Set(expected.map((line) => line.text));
    const exported = entryLines(text);
    expect(exported.map((line) => line.text).filter((line) => upstreamLines.has(line))).toEqual(
      expected.map((line) => line.text),
    );
    // 163 lines: 3 mended, 2 pairs of duplicates merged into 2 papers.
    expect(exported).toHaveLength(161);
    expect(expected).toHaveLength(156);
  });

  it('keeps curated tags out of the lines unless asked for', () => {
    const root = copyOf(upstreamRoot);
    const name = readdirSync(path.join(root, 'mllm')).find((candidate) =>
      readFileSync(path.join(root, 'mllm', candidate), 'utf8').includes('Qwen2-VL: Enhancing'),
    );
    const file = path.join(root, 'mllm', name!);
    const data = parse(readFileSync(file, 'utf8')) as { tags?: string[] };
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^tags:\n/m, 'tags:\n  - curated topic\n'));
    expect(data.tags).toContain('Alibaba');
    const line = UPSTREAM.split('\n').find((candidate) => candidate.includes('[Qwen2-VL: Enhancing'))!;
    expect(exportListFromDisk(root).text.split('\n')).toContain(line);
    expect(exportListFromDisk(root, { tags: true }).text).toMatch(/\(curated topic, Alibaba\)\[Qwen2-VL: Enhancing/);
  });
});

describe('local curation survives a sync', () => {
  const REGISTRY = '- id: models\n  title: Models\n  description: Models.\n  order: 1\n';
  const list = (lines: string[], news: string) =>
    ['# A List', 'his is a list of papers.', '', `- ${news}`, '', '# Models', ...lines, ''].join('\n');
  const OLD = list(
    [
      '1. [Alpha Paper](https://arxiv.org/abs/2401.00001)(alpha note with a tpyo)',
      '2. [Beta Paper](https://arxiv.org/abs/2401.00002)(beta note)',
      '3. [Gamma Paper](https://arxiv.org/abs/2401.00003)(gamma note)',
      '4. [Delta Paper](https://arxiv.org/abs/2401.00004)(delta note)',
      '5. [Epsilon Paper](https://arxiv.org/abs/2401.00005)(eps note) [[Code]](https://github.com/a/eps)',
    ],
    'old news',
  );
  const NEW = list(
    [
      '1. [Zeta Paper](https://arxiv.org/abs/2401.00006)(new at the top)',
      '2. [Alpha Paper](https://arxiv.org/abs/2401.00001)(alpha note with a tpyo)',
      '3. [Beta Paper](https://arxiv.org/abs/2401.00002)(beta note, upstream)',
      '4. [Gamma Paper](https://arxiv.org/abs/2401.00003)',
      '5. [Delta Paper, Retitled](https://arxiv.org/abs/2401.00004)(delta note)',
      '6. [Epsilon Paper](https://arxiv.org/abs/2401.00005)(eps note) [[Code]](https://github.com/b/eps)',
    ],
    'new news',
  );

  it('keeps local fixes the list did not touch, reports each list change and each conflict', () => {
    const root = contentFolder(REGISTRY);
    sync(root, OLD);
    const edit = (id: string, from: string, to: string) => {
      const file = path.join(root, 'models', `${id}.yaml`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
    };
    edit('2401.00001', 'tpyo', 'typo');
    edit('2401.00001', 'added:', 'tags:\n  - curated\nadded:');
    edit('2401.00002', 'beta note', 'beta note, local');
    writeFileSync(path.join(root, 'about.md'), readFileSync(path.join(root, 'about.md'), 'utf8').replace('his is', 'This is'));

    const plan = sync(root, NEW);
    const read = (id: string) => parse(readFileSync(path.join(root, 'models', `${id}.yaml`), 'utf8')) as Record<string, unknown>;
    expect(read('2401.00001')).toMatchObject({ note: 'alpha note with a typo', tags: ['curated'], listPosition: 5 });
    expect(read('2401.00002')).toMatchObject({ note: 'beta note, local' });
    expect(read('2401.00003').note).toBeUndefined();
    expect(read('2401.00004').title).toBe('Delta Paper, Retitled');
    expect(read('2401.00006')).toMatchObject({ title: 'Zeta Paper', listPosition: 6 });
    expect(readFileSync(path.join(root, 'about.md'), 'utf8')).toBe('# A List\nThis is a list of papers.\n\n- new news\n');

    const file = (id: string) => path.join(root, 'models', `${id}.yaml`);
    expect(plan.conflicts.fields).toEqual([
      { file: file('2401.00002'), field: 'note', local: '"beta note, local"', list: '"beta note, upstream"', kept: 'local' },
    ]);
    expect(plan.entries.changes).toEqual([
      { file: file('2401.00003'), field: 'note', from: '"gamma note"', to: '(none)' },
      { file: file('2401.00004'), field: 'title', from: '"Delta Paper"', to: '"Delta Paper, Retitled"' },
      {
        file: file('2401.00005'),
        field: 'links',
        from: 'https://arxiv.org/abs/2401.00005 https://github.com/a/eps',
        to: 'https://arxiv.org/abs/2401.00005 https://github.com/b/eps',
      },
    ]);
    // The conflict resolved by keeping the local note: the next sync of the same list is quiet.
    const again = planSyncFromDisk(NEW, { contentDir: root, defaultAdded: '2030-01-01' });
    expect([again.conflicts.fields, again.entries.changes]).toEqual([[], []]);
  });
});

describe('refusing input that is not a list, or a change that looks like an accident', () => {
  const lines = UPSTREAM.split('\n');
  const benchmarksHeading = lines.indexOf('# BenchMark and Dataset');
  // Cut right after the URL of an entry in the middle of the MLLM section.
  const cutLine = UPSTREAM.split('\n').findIndex((line) => line.startsWith('10. (Alibaba) [Qwen2-VL'));
  const cutAt = lines.slice(0, cutLine).join('\n').length + 1 + lines[cutLine]!.indexOf(')(') + 1;
  const withoutSomeBenchmarks = lines
    .filter((_, index) => !(index > benchmarksHeading && index <= benchmarksHeading + 3))
    .join('\n');
  const cases: [string, Buffer | string, RegExp][] = [
    ['a gzip file', gzipSync(UPSTREAM), /not UTF-8 text/],
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /not UTF-8 text/],
    ['text with a NUL byte', `${UPSTREAM.slice(0, 500)}\0${UPSTREAM.slice(500)}`, /NUL byte \(line \d+\)/],
    ['no section heading', 'Some notes.\n1. [A](https://example.org/a)\n', /no section heading/],
    ['no entry line', '# A List\n\n# Survey and Outlook\nNothing yet.\n', /no entry line/],
    [
      'a registry heading removed',
      lines.filter((_, index) => index !== benchmarksHeading).join('\n'),
      /heading "BenchMark and Dataset".*not in the list/,
    ],
    ['a list cut after a URL', UPSTREAM.slice(0, cutAt), /is not in the list/],
    ['three of eight benchmarks gone', withoutSomeBenchmarks, /section benchmarks: 3 of its 8 papers are no longer in the list/],
  ];

  let runs: Run[];
  let roots: string[];
  let before: Record<string, string>[];
  let allowed: { root: string; run: Run };
  let upstreamRun: { body: string; run: Run; root: string };
  beforeAll(async () => {
    roots = cases.map(() => copyOf(upstreamRoot));
    before = roots.map(snapshot);
    const files = cases.map(([, input], index) => {
      const file = path.join(path.dirname(roots[index]!), 'list.md');
      writeFileSync(file, input);
      return file;
    });
    const allowRoot = copyOf(upstreamRoot);
    const syncRoot = contentFolder();
    const body = path.join(path.dirname(syncRoot), 'body.md');
    const [allowRun, syncRun, ...caseRuns] = await Promise.all([
      run('scripts/sync.ts', [files[7]!, '--content', allowRoot, '--allow-removals']),
      run('scripts/sync-upstream.ts', [
        '--file',
        UPSTREAM_FILE,
        '--dates',
        UPSTREAM_DATES_FILE,
        '--content',
        syncRoot,
        '--body',
        body,
      ]),
      ...files.map((file, index) => run('scripts/sync.ts', [file, '--content', roots[index]!])),
    ]);
    runs = caseRuns;
    allowed = { root: allowRoot, run: allowRun! };
    upstreamRun = { body: readFileSync(body, 'utf8'), run: syncRun!, root: syncRoot };
  }, 300_000);

  it.each(cases.map(([name, , message], index) => [name, message, index] as const))(
    '%s: one line, exit 1, nothing written',
    (_name, message, index) => {
      const result = runs[index]!;
      expect(result.code, result.stderr).toBe(1);
      const refusals = result.stderr.split('\n').filter((line) => /refused/.test(line));
      expect(refusals.length).toBeGreaterThanOrEqual(1);
      expect(refusals.join('\n')).toMatch(message);
      expect(snapshot(roots[index]!)).toEqual(before[index]);
    },
  );

  it('--allow-removals accepts a real removal: the three papers, untouched since the last sync, are removed and reported', () => {
    expect(allowed.run.code, allowed.run.stderr).toBe(0);
    const reported = /removed \(the list dropped them; unchanged here since the last sync\): 3\n((?: {2}.*\n){3})/.exec(
      allowed.run.stdout,
    );
    expect(reported, allowed.run.stdout).not.toBeNull();
    const files = [...reported![1]!.matchAll(/ {2}(?:.*\/)?(benchmarks\/[^:]+):/g)].map((match) => match[1]!);
    expect(files).toHaveLength(3);
    const after = snapshot(allowed.root);
    const benchmarks = (files: Record<string, string>) => Object.keys(files).filter((file) => file.startsWith('benchmarks/'));
    expect(benchmarks(after)).toEqual(benchmarks(before[7]!).filter((file) => !files.includes(file)));
  });

  it('npm run sync:upstream runs the workflow’s sync against a file and writes the report as the PR body', () => {
    expect(upstreamRun.run.code, upstreamRun.run.stderr).toBe(0);
    expect(upstreamRun.body).toContain(`Source: ${UPSTREAM_FILE}`);
    expect(upstreamRun.body).toContain('Outcome: synced');
    expect(upstreamRun.body).toMatch(/new papers: 161\n/);
    expect(upstreamRun.body).toMatch(/mended lines \(read as the list meant them\): 3\n/);
    expect(upstreamRun.body).toContain('line 169: the title\'s "[" is closed by ")"');
    expect(snapshot(upstreamRun.root)).toEqual(snapshot(upstreamRoot));
  });
});

describe('adding a section', () => {
  it('is a registry item and a folder: an eighth section syncs, validates and exports with no code change', () => {
    const root = copyOf(path.join(REPO_ROOT, 'content'));
    const order = loadSections(path.join(root, 'sections.yaml')).length + 1;
    appendFileSync(
      path.join(root, 'sections.yaml'),
      `- id: agents\n  title: Agents\n  short: Agents\n  description: Agent papers.\n  order: ${order}\n`,
    );
    const base = readFileSync(path.join(root, '.list-sync', 'last-sync.md'), 'utf8');
    const agentLines = [
      '1. [An Agent Paper](https://arxiv.org/abs/2501.00001)(an agent note)',
      '2. [Another Agent Paper](https://arxiv.org/abs/2501.00002)',
    ];
    const plan = sync(root, `${base.trimEnd()}\n\n# Agents\n${agentLines.join('\n')}\n`, { dates: UPSTREAM_DATES });
    expect(plan.sections.added).toEqual([]);
    expect(plan.sections.summaries.find((section) => section.id === 'agents')).toMatchObject({ created: 2 });
    expect(validateContent({ root }).filter((problem) => problem.severity === 'error')).toEqual([]);
    const sections = loadSections(path.join(root, 'sections.yaml'));
    expect(sections.at(-1)!.id).toBe('agents');
    expect(contentIds(root, sections).get('agents')).toHaveLength(2);
    const exported = exportListFromDisk(root).text;
    expect(exported).toContain(`# Agents\n${agentLines.join('\n')}\n`);
  });
});
