import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSyncReport, planSyncFromDisk, planWarnings } from '../../../scripts/lib/list/sync';
import { exportListFromDisk } from '../../../scripts/lib/list/write';
import { REPO_ROOT } from '../../../src/lib/paths';
import { loadSections } from '../../../src/lib/content/sections';
import { fileSnapshot as snapshot } from '../../helpers/content';
import {
  contentFolder,
  copyOf,
  notEntries,
  papers,
  readFixture,
  removeContentFolders,
  sync,
  UPSTREAM,
  UPSTREAM_DATES,
} from '../../helpers/list-sync';
import { addGeneratedPapers } from '../../helpers/newcomer';
import { runScript } from '../../helpers/run';

/**
 * The list's history, synced unattended: headings renamed, papers that leave a section or move to
 * another, and export → sync round trips.
 */

afterAll(removeContentFolders);

let upstreamRoot: string;
beforeAll(() => {
  upstreamRoot = contentFolder();
  sync(upstreamRoot, UPSTREAM, { dates: UPSTREAM_DATES });
});

const BENCHMARKS = 'BenchMark and Dataset';
/** The upstream list with the benchmarks section's heading line replaced by `lines`. */
const withBenchmarksHeading = (replace: (block: string[]) => string[]) => {
  const lines = UPSTREAM.split('\n');
  const start = lines.indexOf(`# ${BENCHMARKS}`);
  const end = lines.findIndex((line, index) => index > start && line.startsWith('# '));
  return [...lines.slice(0, start), ...replace(lines.slice(start, end)), ...lines.slice(end)].join('\n');
};
const relativeTo = (root: string) => (file: string) => path.relative(root, file);

describe('a renamed heading', () => {
  const RENAMED = 'BenchMark, Dataset and Evaluation';
  const renamedList = withBenchmarksHeading(([, ...entries]) => [`# ${RENAMED}`, ...entries]);

  it('is the same section: its title follows, id, folder and nav label stay, no paper moves, and it is a warning', () => {
    const root = copyOf(upstreamRoot);
    const before = snapshot(root);
    const plan = sync(root, renamedList, { dates: UPSTREAM_DATES });
    expect(plan.sections.renames).toEqual([{ id: 'benchmarks', from: BENCHMARKS, to: RENAMED }]);
    expect(planWarnings(plan)).toContain(`heading renamed: "${BENCHMARKS}" → "${RENAMED}" (section benchmarks)`);
    expect(formatSyncReport(plan, relativeTo(root))).toContain(
      `heading renamed: "${BENCHMARKS}" → "${RENAMED}" (section benchmarks: its id, folder and nav label kept; title updated in sections.yaml)`,
    );
    expect(plan.entries.planned.every((entry) => entry.action === 'unchanged')).toBe(true);
    const registry = loadSections(path.join(root, 'sections.yaml'));
    expect(registry.find((section) => section.id === 'benchmarks')).toMatchObject({ title: RENAMED, short: 'Benchmarks' });
    const after = snapshot(root);
    const entryFiles = (files: Record<string, string>) => papers(files, []);
    expect(entryFiles(after)).toEqual(entryFiles(before));
    // The next version, with the new heading, is an ordinary sync.
    const again = planSyncFromDisk(renamedList, { contentDir: root, defaultAdded: '2030-01-01' });
    expect([
      again.sections.renames,
      again.sections.registryText,
      planWarnings(again).filter((line) => /renamed/.test(line)),
    ]).toEqual([[], undefined, []]);
  });

  it('is told by the papers the list had there: more papers of contributors in the section do not hide it', () => {
    const root = copyOf(upstreamRoot);
    for (let n = 1; n <= 9; n++)
      writeFileSync(
        path.join(root, 'benchmarks', `own-${n}.yaml`),
        `title: Own Benchmark ${n}\nlinks:\n  - kind: paper\n    url: https://example.org/own-${n}\nadded: 2025-01-01\n`,
      );
    const plan = sync(root, renamedList, { dates: UPSTREAM_DATES });
    expect(plan.sections.renames).toEqual([{ id: 'benchmarks', from: BENCHMARKS, to: RENAMED }]);
    expect(readdirSync(path.join(root, 'benchmarks'))).toHaveLength(17);
  });

  it('fails --strict, writing nothing', async () => {
    const root = copyOf(upstreamRoot);
    const before = snapshot(root);
    const list = path.join(path.dirname(root), 'renamed.md');
    writeFileSync(list, renamedList);
    const run = await runScript('scripts/sync.ts', [list, '--content', root, '--strict']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${list}: warning: heading renamed: "${BENCHMARKS}" → "${RENAMED}" (section benchmarks)\n`);
    expect(run.stderr).toMatch(/nothing written: --strict and \d+ warning/);
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    [
      'split between two new headings',
      withBenchmarksHeading(([, ...entries]) => ['# Benchmarks', ...entries.slice(0, 4), '', '# Datasets', ...entries.slice(4)]),
      /heading "BenchMark and Dataset" \(section benchmarks, 8 papers in content\/\) is not in the list; not clearly renamed: weighed "Benchmarks" \(4 of its 8 papers\), "Datasets" \(4 of its 8 papers\)/,
    ],
    [
      'a new heading holding a few of its papers',
      withBenchmarksHeading(([, ...entries]) => ['# Evaluation', ...entries.slice(0, 2)]),
      /heading "BenchMark and Dataset" .* not clearly renamed: weighed "Evaluation" \(2 of its 8 papers\)/,
    ],
  ])('refuses when not clear-cut (%s), naming the headings weighed, writing nothing', async (_, text, message) => {
    const root = copyOf(upstreamRoot);
    const before = snapshot(root);
    const list = path.join(path.dirname(root), 'ambiguous.md');
    writeFileSync(list, text);
    const run = await runScript('scripts/sync.ts', [list, '--content', root]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('the list’s history, rebuilt from its first-appearance dates', () => {
  // The upstream list as it stood on each date its dates file names: the lines it had by then. The
  // reasoning section first appears under a shorter heading, renamed later (as upstream once did).
  const REASONING = 'Multimodal Reasoning And Think With Images (o3)';
  const RENAMED_ON = '2025-09-14';
  const rows = readFixture('upstream-added-dates.tsv')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((row) => row.split('\t'));
  const addedOf = new Map(rows.map(([section, number, added]) => [`${section}\t${number}`, added!]));
  const dates = [...new Set(rows.map((row) => row[2]!))].sort();
  function versionOn(date: string): string {
    let section = '';
    const lines = UPSTREAM.split('\n').flatMap((line) => {
      const heading = /^# (.+)$/.exec(line)?.[1];
      if (heading) section = heading;
      const number = /^(\d+)\./.exec(line)?.[1];
      if (number && addedOf.get(`${section}\t${number}`)! > date) return [];
      return [heading === REASONING && date < RENAMED_ON ? '# Multimodal Reasoning' : line];
    });
    return lines.join('\n');
  }
  // The registry as it was before the reasoning section: the repository's, without it.
  const registry = () => {
    const sections = loadSections(path.join(REPO_ROOT, 'content/sections.yaml')).filter((section) => section.id !== 'reasoning');
    return sections.map((section, index) => `- ${JSON.stringify({ ...section, order: index + 1 })}`).join('\n');
  };
  const view = (root: string) => {
    const files = snapshot(root);
    return loadSections(path.join(root, 'sections.yaml'))
      .sort((a, b) => a.order - b.order)
      .map((section) => ({
        title: section.title,
        // Without the folder: a new section's id is provisional, chosen from the heading it first had.
        papers: papers(Object.fromEntries(Object.entries(files).filter(([file]) => file.startsWith(`${section.id}/`))), []).map(
          (paper) => paper.slice(paper.indexOf('\t') + 1),
        ),
      }));
  };

  it('syncs version by version, each on its own date, with no hand step, to what a direct sync of today’s list gives', () => {
    expect(dates.length).toBeGreaterThan(30);
    const stepwise = contentFolder(registry());
    const plans = dates.map((date) => sync(stepwise, versionOn(date), { defaultAdded: date }));
    expect(plans.flatMap((plan) => plan.sections.renames)).toEqual([
      { id: 'multimodal-reasoning', from: 'Multimodal Reasoning', to: REASONING },
    ]);
    expect(
      plans.flatMap((plan) => [...plan.entries.removed, ...plan.conflicts.droppedCurated, ...plan.entries.notInList]),
    ).toEqual([]);
    const direct = contentFolder(registry());
    sync(direct, UPSTREAM, { dates: UPSTREAM_DATES });
    expect(view(stepwise)).toEqual(view(direct));
  });
});

describe('papers that leave a section', () => {
  const REGISTRY =
    '- { id: models, title: Models, description: Models., order: 1 }\n- { id: datasets, title: Data, description: Data., order: 2 }\n';
  const line = (n: number, name: string, id: string) =>
    `${n}. [${name} Paper](https://arxiv.org/abs/2401.0000${id})(${name} note)`;
  // Each paper keeps its arXiv id wherever it is listed.
  const lines = (names: string[], firstId: number) => names.map((name, index) => line(index + 1, name, String(firstId + index)));
  const v1 = ['# A List', '', '# Models', ...lines(['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'], 1), '']
    .concat(['# Data', ...lines(['Zeta', 'Eta', 'Theta', 'Iota'], 6), ''])
    .join('\n');
  const file = (root: string, section: string, id: string) => path.join(root, section, `${id}.yaml`);
  const edit = (target: string, from: string, to: string) =>
    writeFileSync(target, readFileSync(target, 'utf8').replace(from, to));

  let root: string;
  beforeAll(() => {
    root = contentFolder(REGISTRY);
    sync(root, v1);
  });

  it('removes one untouched since the last sync, keeps a curated one as a conflict, and says so', () => {
    const copy = copyOf(root);
    edit(file(copy, 'models', '2401.00002'), 'added:', 'tags:\n  - curated\nadded:');
    const v2 = v1.replace(/^2\. \[Beta.*\n/m, '').replace(/^3\. \[Theta.*\n/m, '');
    const plan = sync(copy, v2);
    expect(plan.entries.removed.map((paper) => paper.id)).toEqual(['2401.00008']);
    expect(plan.conflicts.droppedCurated.map((paper) => paper.id)).toEqual(['2401.00002']);
    expect(existsSync(file(copy, 'datasets', '2401.00008'))).toBe(false);
    expect(parse(readFileSync(file(copy, 'models', '2401.00002'), 'utf8'))).toMatchObject({ tags: ['curated'] });
    const report = formatSyncReport(plan, relativeTo(copy));
    expect(report).toContain(
      'removed (the list dropped them; unchanged here since the last sync): 1\n  datasets/2401.00008.yaml: "Theta Paper"\n',
    );
    expect(report).toMatch(
      /conflicts \(.*\): 1\n {2}models\/2401\.00002\.yaml: "Beta Paper": the list dropped it, but it was changed here since the last sync: kept/,
    );
    expect(planWarnings(plan)).toContain(
      `conflict: ${file(copy, 'models', '2401.00002')}: the list dropped it, changed here since the last sync`,
    );
    expect(plan.sections.summaries.map(({ id, removed, notInList }) => [id, removed, notInList])).toEqual([
      ['models', 0, 1],
      ['datasets', 1, 0],
    ]);
    // Kept and reported once: the next sync of the same list leaves it alone, quietly.
    const again = planSyncFromDisk(v2, { contentDir: copy, defaultAdded: '2030-01-01' });
    expect([again.entries.removed, again.conflicts.droppedCurated]).toEqual([[], []]);
  });

  it('moves a paper the list moved to another section, with its tags, added date and other local fields', () => {
    const copy = copyOf(root);
    edit(file(copy, 'models', '2401.00003'), 'added: 2030-01-01', 'added: 2024-02-03\npublished: 2024-01\ntags:\n  - curated');
    const gamma = line(3, 'Gamma', '3');
    const v2 = v1.replace(`${gamma}\n`, '').replace('# Data\n', `# Data\n${gamma.replace('Gamma note', 'Gamma note, new')}\n`);
    const plan = sync(copy, v2, { defaultAdded: '2031-01-01' });
    expect(existsSync(file(copy, 'models', '2401.00003'))).toBe(false);
    expect(parse(readFileSync(file(copy, 'datasets', '2401.00003'), 'utf8'))).toMatchObject({
      title: 'Gamma Paper',
      note: 'Gamma note, new',
      added: '2024-02-03',
      published: '2024-01',
      tags: ['curated'],
    });
    expect(plan.entries.removed).toEqual([]);
    const report = formatSyncReport(plan, relativeTo(copy));
    expect(report).toContain(
      'moved (the list moved them to another section; local curation kept): 1\n  models/2401.00003.yaml → datasets/2401.00003.yaml: "Gamma Paper"',
    );
    expect(report).toContain('datasets/2401.00003.yaml: note: "Gamma note" → "Gamma note, new"');
    expect(plan.sections.summaries.map(({ id, movedIn, movedOut, created }) => [id, movedIn, movedOut, created])).toEqual([
      ['models', 0, 1, 0],
      ['datasets', 1, 0, 0],
    ]);
  });

  it('keeps a contributor’s own paper without comment, and merges it when the list adds it to the same section', () => {
    const copy = copyOf(root);
    const own = path.join(copy, 'datasets', 'kappa-paper.yaml');
    writeFileSync(
      own,
      'title: Kappa Paper\nlinks:\n  - kind: paper\n    url: https://arxiv.org/abs/2401.00010\nnote: my note\nadded: 2024-05-05\norg: Kappa Lab\n',
    );
    const quiet = planSyncFromDisk(v1, { contentDir: copy, defaultAdded: '2030-01-01' });
    expect([quiet.entries.removed, quiet.conflicts.droppedCurated, quiet.entries.notInList]).toEqual([[], [], []]);
    expect(formatSyncReport(quiet)).not.toContain('kappa');

    const v2 = v1.replace('# Data\n', '# Data\n1. [Kappa Paper](https://arxiv.org/abs/2401.00010)(my note)\n');
    const plan = sync(copy, v2);
    expect(plan.entries.planned.filter((entry) => entry.action === 'create')).toEqual([]);
    expect(
      readdirSync(path.join(copy, 'datasets')).filter((name) => name.includes('2401.00010') || name.startsWith('kappa')),
    ).toEqual(['kappa-paper.yaml']);
    expect(parse(readFileSync(own, 'utf8'))).toMatchObject({ org: 'Kappa Lab', added: '2024-05-05', listPosition: 5 });
  });
});

describe('export → sync', () => {
  it('changes no file: today’s content plus papers added with npm run new and a local edit', () => {
    const root = copyOf(path.join(REPO_ROOT, 'content'));
    expect(addGeneratedPapers(root, 12).length).toBeGreaterThan(6);
    const yi = path.join(root, 'mllm', 'yi-vl.yaml');
    writeFileSync(yi, readFileSync(yi, 'utf8').replace(/^note: .*$/m, 'note: a note fixed here'));
    const before = snapshot(root);
    const exported = exportListFromDisk(root);
    expect(exported.problems).toEqual([]);
    // The merged BaseReward lines carried two list tags: the one line written keeps both.
    expect(exported.text).toMatch(/\(Reward Model, MLLM Reward\) ?\[basereward: a strong baseline/);
    const plan = sync(root, exported.text);
    expect(plan.ownExport).toBe(true);
    expect(formatSyncReport(plan)).toBe("the list is content/'s own export (npm run export:readme): nothing to sync");
    expect(snapshot(root)).toEqual(before);
  });

  it('reads every field back: the export synced into an empty folder gives the same papers, merged duplicates included', () => {
    const exported = exportListFromDisk(upstreamRoot);
    expect(exported.problems).toEqual([]);
    const fresh = contentFolder();
    sync(fresh, exported.text, { dates: UPSTREAM_DATES });
    const [a, b] = [snapshot(fresh), snapshot(upstreamRoot)];
    // `added` aside: the dates file names the mended DAMA line by its text, which the export mends.
    expect(papers(a, ['added'])).toEqual(papers(b, ['added']));
    expect(notEntries(a)['sections.yaml']).toBe(notEntries(b)['sections.yaml']);
  });
});
