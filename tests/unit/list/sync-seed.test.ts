import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEntrySource, serializeEntry } from '../../../src/lib/content/entry-files';
import {
  applySyncPlan,
  formatSyncReport,
  parseAddedDates,
  planSyncFromDisk,
  planIsClean,
  type SyncPlan,
} from '../../../scripts/lib/list/sync';
import { readFixes } from '../../../scripts/lib/list/sync/state';
import { REPO_ROOT } from '../../../src/lib/paths';
import { loadSections } from '../../../src/lib/content/sections';
import { paperSchema } from '../../../src/schemas/paper';
import { fileSnapshot } from '../../helpers/content';
import { runScript } from '../../helpers/run';

const FIXTURES = path.join(REPO_ROOT, 'tests/unit/fixtures/lists');
const readFixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const SEED = readFixture('seed-awesome-list.md');
const SEED_DATES = parseAddedDates(readFixture('seed-added-dates.tsv'));
const DEFAULT_ADDED = '2030-01-01';

let root: string;
beforeEach(() => {
  root = path.join(mkdtempSync(path.join(tmpdir(), 'list-sync-seed-')), 'content');
  mkdirSync(root);
});
afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

const useRepositoryRegistry = () => copyFileSync(path.join(REPO_ROOT, 'content/sections.yaml'), path.join(root, 'sections.yaml'));
const plan = (text: string, options: { dates?: typeof SEED_DATES; defaultAdded?: string } = {}) =>
  planSyncFromDisk(text, { contentDir: root, defaultAdded: DEFAULT_ADDED, ...options });
const syncList = (text: string, options?: Parameters<typeof plan>[1]): SyncPlan => {
  const result = plan(text, options);
  applySyncPlan(result);
  return result;
};
const readEntry = (section: string, id: string) => parse(readFileSync(path.join(root, section, `${id}.yaml`), 'utf8'));

/** Every file under the content dir with its bytes, to prove a run changed nothing. */
const snapshot = (dir: string = root) => fileSnapshot(dir);

describe('parseAddedDates', () => {
  const dates = parseAddedDates(
    'section\tnumber\tadded\ttitle\nModels\t1\t2024-05-01\tAlpha: One\nModels\t7\t2024-03-01\tAlpha: One\n',
  );

  it('looks up by section, number and title, else by section and title key (earliest)', () => {
    expect(dates.lookup('Models', { number: 7, title: 'Alpha: One' })).toBe('2024-03-01');
    expect(dates.lookup('Models', { number: 9, title: 'ALPHA：one' })).toBe('2024-03-01');
    expect(dates.lookup('Other', { number: 1, title: 'Alpha: One' })).toBeUndefined();
  });

  it('rejects a malformed row with its line number', () => {
    expect(() => parseAddedDates('section\tnumber\tadded\ttitle\nModels\t1\t2024-02-30\tAlpha')).toThrow(
      'line 2: "2024-02-30" is not a date',
    );
    expect(() => parseAddedDates('Models\t1\t2024-02-01')).toThrow('line 1: expected 4 tab-separated columns');
  });
});

describe('syncing the seed list', () => {
  beforeEach(useRepositoryRegistry);

  it('creates 3, 34, 7, 29, 18, 16 entries from 3, 34, 7, 29, 18, 17 lines, reporting the one merge', () => {
    const result = syncList(SEED, { dates: SEED_DATES });
    expect(
      result.sections.summaries.map((section) => [section.id, section.entryLines, section.entries, section.created]),
    ).toEqual([
      ['survey', 3, 3, 3],
      ['mllm', 34, 34, 34],
      ['benchmarks', 7, 7, 7],
      ['unified', 29, 29, 29],
      ['mllm-alignment', 18, 18, 18],
      ['llm-alignment', 17, 16, 16],
    ]);
    expect(result.entries.merges).toHaveLength(1);
    expect(result.entries.merges[0]!.titles).toEqual([
      'ChatGLM-Math：Improving Math Problem-Solving in Large Language Models with a Self-Critique Pipeline',
      'ChatGLM-Math: Improving Math Problem-Solving in Large Language Models with a Self-Critique Pipeline',
    ]);
    expect(formatSyncReport(result)).toMatch(
      /merged duplicates: 1\n {2}Alignment With Human Preference \(LLM\), lines \d+ \+ \d+: "ChatGLM-Math：/,
    );
    // The table: text columns left-aligned, counts right-aligned under their headings.
    const table = formatSyncReport(result).split('\n').slice(0, 8);
    expect(table[0]).toMatch(
      /^section +id +lines +entries +created +moved in +updated +unchanged +moved out +removed +not in list$/,
    );
    expect(table[2]).toMatch(/^Multimodal Large Language Models +mllm +34 +34 +34( +0){6}$/);
    expect(table[7]).toMatch(/^total +108 +107 +107( +0){6}$/);
    expect(new Set(table.map((row) => row.length)).size).toBe(1);
    expect(
      Object.keys(snapshot()).filter((file) => file.endsWith('.yaml') && file !== 'sections.yaml' && !file.startsWith('.')),
    ).toHaveLength(107);
  });

  it('merges the duplicate ChatGLM-Math lines: first title, both links, both notes joined by ；', () => {
    syncList(SEED, { dates: SEED_DATES });
    const files = readdirSync(path.join(root, 'llm-alignment')).filter((name) => name.startsWith('chatglm-math'));
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(parse(readFileSync(path.join(root, 'llm-alignment', file!), 'utf8'))).toEqual({
      title: 'ChatGLM-Math：Improving Math Problem-Solving in Large Language Models with a Self-Critique Pipeline',
      links: [
        { kind: 'notes', url: 'https://zhuanlan.zhihu.com/p/698983475' },
        { kind: 'notes', url: 'https://mp.weixin.qq.com/s/lg7ueR9b-om0ecUEoT4x8w' },
      ],
      note: 'ChatGLM-Math: Self-Critique迭代对齐显著提升数学能力；reward model, Rejective Fine-tuning, then DPO迭代提升模型数学性能',
      added: '2024-10-28',
      // The first of the section's 16 papers, counted from the bottom.
      listPosition: 16,
    });
  });

  it('writes schema-valid files with quoted arXiv ids, dates from the dates file and the header in about.md', () => {
    syncList(SEED, { dates: SEED_DATES });
    const files = snapshot();
    for (const [file, text] of Object.entries(files)) {
      if (!/^[a-z-]+\/.+\.yaml$/.test(file)) continue;
      const source = parseEntrySource(path.join(root, file), text);
      expect(paperSchema.safeParse(source.data).success, file).toBe(true);
      expect((source.data as { added: string }).added, file).not.toBe(DEFAULT_ADDED);
    }
    expect(files['benchmarks/2406.10328.yaml']).toContain('arxiv: "2406.10328"');
    expect(readEntry('mllm', 'yi-vl').added).toBe('2024-03-30');
    expect(files['about.md']!.startsWith('# Awesome-Multimodal-Large-Language-Models\n')).toBe(true);
  });

  it('keeps the same paper in different sections as one entry per section', () => {
    syncList(SEED, { dates: SEED_DATES });
    const chameleon = (section: string) => readdirSync(path.join(root, section)).filter((name) => name.startsWith('chameleon'));
    expect([chameleon('mllm'), chameleon('unified')]).toEqual([
      ['chameleon-mixed-modal-early-fusion-foundation-models.yaml'],
      ['chameleon-mixed-modal-early-fusion-foundation-models.yaml'],
    ]);
  });

  it('is idempotent: a second run plans no change and leaves every byte as it was', () => {
    syncList(SEED, { dates: SEED_DATES });
    const before = snapshot();
    const second = syncList(SEED, { dates: SEED_DATES });
    expect(second.entries.planned.every((entry) => entry.action === 'unchanged')).toBe(true);
    expect([second.state.about, second.sections.added, second.entries.merges.length]).toEqual([undefined, [], 1]);
    expect(snapshot()).toEqual(before);
  });
});

describe('syncing an older list with a newer one', () => {
  beforeEach(() => {
    writeFileSync(
      path.join(root, 'sections.yaml'),
      '# The registry; this comment must survive the sync.\n- { id: models, title: Models, description: Models., order: 1 }\n- { id: benchmarks, title: Benchmarks, description: Benchmarks., order: 2 }\n',
    );
    syncList(readFixture('sync-old.md'), { defaultAdded: '2024-01-01' });
    // Hand edits the list does not carry: a published month on Alpha, Epsilon's note turned into MDX.
    const alpha = path.join(root, 'models', 'alpha-first-paper.yaml');
    writeFileSync(
      alpha,
      readFileSync(alpha, 'utf8').replace('added: 2024-01-01\n', 'added: 2024-01-01\npublished: 2023-12\norg: Alpha Lab\n'),
    );
    const epsilon = readEntry('models', 'epsilon-long-note');
    rmSync(path.join(root, 'models', 'epsilon-long-note.yaml'));
    writeFileSync(
      path.join(root, 'models', 'epsilon-long-note.mdx'),
      serializeEntry(epsilon, 'mdx', 'A long **Markdown** note.'),
    );
  });

  it('creates, updates, keeps and reports, and adds the new heading to the registry', () => {
    const result = syncList(readFixture('sync-new.md'), { defaultAdded: '2024-06-01' });
    expect(
      result.sections.summaries.map(({ id, isNew, created, updated, unchanged, removed, notInList }) => [
        id,
        isNew,
        created,
        updated,
        unchanged,
        removed,
        notInList,
      ]),
    ).toEqual([
      ['models', false, 1, 3, 0, 1, 0],
      ['benchmarks', false, 0, 0, 1, 0, 0],
      ['agents', true, 1, 0, 0, 0, 0],
    ]);

    // Alpha matched by title key despite case and a full-width colon; hand-added fields and `added` kept.
    expect(readEntry('models', 'alpha-first-paper')).toEqual({
      title: 'ALPHA：first paper',
      links: [{ kind: 'notes', url: 'https://zhuanlan.zhihu.com/p/100' }],
      note: 'new note',
      added: '2024-01-01',
      published: '2023-12',
      venue: 'CVPR 2024',
      org: 'Alpha Lab',
      listPosition: 3,
    });
    // Beta matched by its arXiv id after a retitle.
    expect(readEntry('models', '2401.00002')).toMatchObject({ title: 'Beta: Second Paper, Retitled', added: '2024-01-01' });
    expect(readEntry('models', '2402.00006')).toMatchObject({
      title: 'Zeta: Brand New Paper',
      added: '2024-06-01',
      arxiv: '2402.00006',
    });
    // The MDX entry is updated in its frontmatter; its body stays.
    const epsilon = parseEntrySource(
      path.join(root, 'models', 'epsilon-long-note.mdx'),
      readFileSync(path.join(root, 'models', 'epsilon-long-note.mdx'), 'utf8'),
    );
    expect(epsilon.data).toMatchObject({
      note: 'short note, edited',
      links: [{ kind: 'notes' }, { kind: 'code', url: 'https://github.com/x/epsilon' }],
    });
    expect(epsilon.body.trim()).toBe('A long **Markdown** note.');

    // Gamma left the list, untouched here since the last sync: removed, and reported.
    expect(result.entries.removed.map((entry) => entry.id)).toEqual(['gamma-third-paper']);
    expect(formatSyncReport(result, (file) => path.relative(root, file))).toMatch(
      /removed \(the list dropped them; unchanged here since the last sync\): 1\n {2}models\/gamma-third-paper\.yaml: "Gamma: Third Paper"\n/,
    );
    expect(existsSync(path.join(root, 'models', 'gamma-third-paper.yaml'))).toBe(false);

    const registry = readFileSync(path.join(root, 'sections.yaml'), 'utf8');
    expect(registry.startsWith('# The registry; this comment must survive the sync.\n')).toBe(true);
    expect(loadSections(path.join(root, 'sections.yaml')).map(({ id, title, order }) => [id, title, order])).toEqual([
      ['models', 'Models', 1],
      ['benchmarks', 'Benchmarks', 2],
      ['agents', 'Agents', 3],
    ]);
    expect(readEntry('agents', 'eta-an-agent-paper')).toMatchObject({ title: 'Eta: An Agent Paper', added: '2024-06-01' });
    expect(readFileSync(path.join(root, 'about.md'), 'utf8')).toBe('# Sync List\nNew header.\n');

    // And the newer list synced again changes nothing.
    const before = snapshot();
    const again = syncList(readFixture('sync-new.md'), { defaultAdded: '2099-01-01' });
    expect(again.entries.planned.every((entry) => entry.action === 'unchanged')).toBe(true);
    expect(snapshot()).toEqual(before);
  });

  it('keeps a hand-corrected link kind when the URL is unchanged', () => {
    const delta = path.join(root, 'benchmarks', 'delta-bench.yaml');
    writeFileSync(delta, readFileSync(delta, 'utf8').replace('kind: notes', 'kind: blog'));
    const result = plan(readFixture('sync-new.md'));
    expect(result.entries.planned.find((entry) => entry.id === 'delta-bench')!.action).toBe('unchanged');
  });

  it('keeps curated tags and venue the list does not carry, and adds the list’s own', () => {
    const delta = path.join(root, 'benchmarks', 'delta-bench.yaml');
    writeFileSync(delta, `${readFileSync(delta, 'utf8')}venue: ICLR 2025\ntags:\n  - benchmark\n`);
    expect(plan(readFixture('sync-new.md')).entries.planned.find((entry) => entry.id === 'delta-bench')!.action).toBe(
      'unchanged',
    );
    const tagged = readFixture('sync-new.md').replace(/^(\d+\. )(\[Delta)/m, '$1(video)$2');
    syncList(tagged);
    expect(readEntry('benchmarks', 'delta-bench')).toMatchObject({ venue: 'ICLR 2025', tags: ['benchmark', 'video'] });
  });

  it('stops on an entry file it cannot read, and on an update that would drop unknown fields', () => {
    writeFileSync(path.join(root, 'benchmarks', 'broken.yaml'), 'title: [unclosed\n');
    const alpha = path.join(root, 'models', 'alpha-first-paper.yaml');
    writeFileSync(alpha, `${readFileSync(alpha, 'utf8')}autors: [Someone]\n`);
    const result = plan(readFixture('sync-new.md'));
    expect(planIsClean(result)).toBe(false);
    expect(result.report.contentProblems).toEqual([
      expect.stringMatching(/broken\.yaml:\d+: .*cannot match this entry against the list; fix it first$/),
      expect.stringMatching(/alpha-first-paper\.yaml:\d+: cannot update: fields outside the schema would be lost \(autors\)/),
    ]);
    expect(() => applySyncPlan(result)).toThrow('nothing written');
  });
});

describe('npm run sync (CLI)', () => {
  const runSync = (...args: string[]) => runScript('scripts/sync.ts', args);

  it('says in one line that a missing list cannot be read, and exits 2', async () => {
    const result = await runSync('/nope');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('error: cannot read /nope: no such file or directory\n');
    expect(result.stdout).toBe('');
  });

  it('keeps each unreadable line: list.md:LINE and its text, recorded in fixes.yaml, the rest synced; --strict writes nothing', async () => {
    copyFileSync(path.join(REPO_ROOT, 'content/sections.yaml'), path.join(root, 'sections.yaml'));
    const list = path.join(path.dirname(root), 'list.md');
    writeFileSync(list, `# Multimodal Large Language Models\n${readFixture('broken.md').split('\n').slice(1).join('\n')}`);
    const before = snapshot();
    const strict = await runSync(list, '--content', root, '--added', '2024-01-01', '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/nothing written: --strict and 5 warning\(s\)/);
    expect(snapshot()).toEqual(before);

    const result = await runSync(list, '--content', root, '--added', '2024-01-01');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(
      `${list}:3: warning: cannot read this line, kept for a fix: expected [Title](url): 2. Missing the link entirely\n`,
    );
    expect(result.stderr.match(/cannot read this line/g)).toHaveLength(5);
    expect(readdirSync(path.join(root, 'mllm'))).toEqual(['good-entry.yaml']);
    const fixes = readFixes(root);
    expect(fixes.map((fix) => fix.fix)).toEqual(['', '', '', '', '']);
    expect(fixes[0]!.line).toBe('2. Missing the link entirely');

    // A fix written once is read by every later sync, until the line changes upstream.
    const fixesFile = path.join(root, '.list-sync', 'fixes.yaml');
    writeFileSync(
      fixesFile,
      readFileSync(fixesFile, 'utf8').replace(
        /(line: 2\. Missing the link entirely\n\s+fix: )""/,
        '$1"2. [Missing the link entirely](https://example.com/found)"',
      ),
    );
    const fixed = plan(readFileSync(list, 'utf8'));
    expect(fixed.report.unreadable).toHaveLength(4);
    expect(fixed.report.fixed).toEqual([{ line: 3, text: '2. Missing the link entirely' }]);
    expect(fixed.entries.planned.find((entry) => entry.title === 'Missing the link entirely')?.action).toBe('create');
    const changedUpstream = plan(
      readFileSync(list, 'utf8').replace('2. Missing the link entirely', '2. Missing the link, still'),
    );
    expect(changedUpstream.report.staleFixes.map((fix) => fix.line)).toEqual(['2. Missing the link entirely']);
  });
});
