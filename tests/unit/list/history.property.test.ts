import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSyncReport, planSyncFromDisk } from '../../../scripts/lib/list/sync';
import { headingAnchor } from '../../../scripts/lib/list/write';
import { loadSections } from '../../../src/lib/content/sections';
import { fileSnapshot as snapshot } from '../../helpers/content';
import { contentFolder, copyOf, removeContentFolders, sync } from '../../helpers/list-sync';

/**
 * The list's history, generated: sequences of versions (papers added at the top, removed, moved
 * between sections, retitled, re-noted, relinked, reordered; a heading renamed; a section added;
 * defects made and mended; the list's dialect switched) synced version by version, unattended, end in the same content as
 * syncing the first version and then the last one directly (`added` aside: each step has its own
 * date). Every step syncs without a hand step, and its report names every file it changed.
 * A failure prints fast-check's seed and path: HISTORY_SEED=<seed> HISTORY_PATH=<path> reruns that
 * history alone (HISTORY_RUNS=<n> runs more).
 */

afterAll(removeContentFolders);

const RUNS = Number(process.env.HISTORY_RUNS ?? 12);
const SEED = Number(process.env.HISTORY_SEED ?? 20260315);

interface Paper {
  n: number;
  title: string;
  note?: string;
  code?: string;
  tags?: string[];
  /** How the line is broken this version (read after mending, or merged with its twin). */
  defect?: 'bracket' | 'stray-quote' | 'twin' | 'url-as-link';
}
interface Section {
  /** Stable across renames: which registry section it is. */
  key: number;
  title: string;
  papers: Paper[];
}
interface ListModel {
  news: number;
  /** Bulleted entries, `##` headings: a list may switch. */
  bullets?: boolean;
  level2?: boolean;
  sections: Section[];
  next: number;
}

const arxiv = (n: number) => `https://arxiv.org/abs/2401.${String(n).padStart(5, '0')}`;

function line(marker: string, paper: Paper, tags = paper.tags): string {
  const tagGroup = tags?.length ? `(${tags.join(', ')})` : '';
  const close = paper.defect === 'bracket' ? ')' : ']';
  const note = paper.note ? `(${paper.note})` : '';
  const code = paper.code ? ` [[Code]](${paper.code})` : '';
  const quote = paper.defect === 'stray-quote' ? '"' : '';
  const url = paper.defect === 'url-as-link' ? `[${arxiv(paper.n)}](${arxiv(paper.n)})` : arxiv(paper.n);
  return `${marker} ${tagGroup}[${paper.title}${close}(${url})${note}${code}${quote}`;
}

function render(model: ListModel): string {
  const heading = model.level2 ? '##' : '#';
  const sections = model.sections.map((section) => {
    let number = 0;
    const marker = () => (model.bullets ? '-' : `${++number}.`);
    const lines = section.papers.flatMap((paper) =>
      // A twin: the same paper twice in a section, with another list tag (as BaseReward once was).
      paper.defect === 'twin' ? [line(marker(), paper), line(marker(), paper, ['Twin'])] : [line(marker(), paper)],
    );
    return [`${heading} ${section.title}`, ...lines].join('\n');
  });
  const toc = model.sections.map((section) => `- [${section.title}](#${headingAnchor(section.title)})`);
  const header = `# History List\nPapers, as they come.\n\n- news ${model.news}`;
  return `${[header, [`${heading} Table of Contents`, ...toc].join('\n'), ...sections].join('\n\n')}\n`;
}

const WORDS = ['Vision', 'Omni', 'Token', 'Reward', 'Video', 'Long'];
function initial(): ListModel {
  const model: ListModel = { news: 0, sections: [], next: 1 };
  for (const [key, title] of ['Survey and Outlook', 'Models', 'Alignment'].entries()) {
    const papers = Array.from({ length: 4 + key }, () => newPaper(model));
    model.sections.push({ key, title, papers });
  }
  model.sections[1]!.papers[0]!.tags = ['Lab'];
  return model;
}
function newPaper(model: ListModel): Paper {
  const n = model.next++;
  return { n, title: `P${n}: ${WORDS[n % WORDS.length]} Paper`, note: `note ${n}` };
}

const OPS = [
  ...(['add', 'remove', 'move', 'retitle', 'renote', 'relink', 'reorder', 'rename', 'section'] as const),
  ...(['break', 'mend', 'dialect'] as const),
];
type Op = { kind: (typeof OPS)[number]; a: number; b: number; c: number };
const op: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom(...OPS), a: fc.nat(99), b: fc.nat(99), c: fc.nat(99) });
/** Versions after the first, each one to three changes. */
const history = fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 7 });

/**
 * The next version. Changes that would need a hand step are not made: a section keeps three
 * papers (a removal then stays within the sync's 25% guard, one per version, and a rename has
 * papers to be told by); a renamed heading is the version's only change.
 */
function nextVersion(model: ListModel, ops: readonly Op[], version: number, renames: Map<number, string>): ListModel {
  const next: ListModel = structuredClone(model);
  next.news = version;
  const renameOp = ops.find((candidate) => candidate.kind === 'rename');
  let removed = false;
  // The guard counts against the papers content/ holds: the section as the last version had it.
  const sizeBefore = (section: Section) => model.sections.find((other) => other.key === section.key)?.papers.length ?? 0;
  for (const { kind, a, b, c } of renameOp ? [renameOp] : ops) {
    const section = next.sections[a % next.sections.length]!;
    const paper = section.papers[b % section.papers.length]!;
    const stamp = `${version}.${c}`;
    if (kind === 'add') section.papers.unshift(newPaper(next));
    else if (kind === 'remove' && !removed && sizeBefore(section) >= 4) {
      section.papers.splice(b % section.papers.length, 1);
      removed = true;
    } else if (kind === 'move' && section.papers.length > 3) {
      const target = next.sections[(a + 1 + (c % (next.sections.length - 1))) % next.sections.length]!;
      section.papers.splice(b % section.papers.length, 1);
      target.papers.splice(c % (target.papers.length + 1), 0, paper);
    } else if (kind === 'retitle') paper.title = `P${paper.n}: ${WORDS[c % WORDS.length]} Paper v${stamp}`;
    else if (kind === 'renote') paper.note = c % 3 === 0 ? undefined : `note ${paper.n} v${stamp}`;
    else if (kind === 'relink') paper.code = c % 3 === 0 ? undefined : `https://github.com/org/p${paper.n}-${stamp}`;
    else if (kind === 'reorder') {
      const other = c % section.papers.length;
      [section.papers[b % section.papers.length], section.papers[other]] = [section.papers[other]!, paper];
    } else if (kind === 'rename') {
      section.title = `${section.title.replace(/ \(v[\d.]+\)$/, '')} (v${stamp})`;
      renames.set(section.key, section.title);
    } else if (kind === 'section')
      next.sections.splice(c % (next.sections.length + 1), 0, {
        key: 100 + version * 10 + c,
        title: `Added Section ${version} ${c}`,
        papers: [newPaper(next), newPaper(next), newPaper(next)],
      });
    else if (kind === 'break') paper.defect = (['bracket', 'stray-quote', 'twin', 'url-as-link'] as const)[c % 4];
    else if (kind === 'mend') delete paper.defect;
    else if (kind === 'dialect') [next.bullets, next.level2] = [c % 2 === 1, c % 4 >= 2];
  }
  return next;
}

/** The content as a reader sees it: sections in order by title, each paper's data, `added` aside. */
function contentView(root: string): { title: string; papers: string[] }[] {
  const files = snapshot(root);
  return loadSections(path.join(root, 'sections.yaml'))
    .sort((a, b) => a.order - b.order)
    .map((section) => ({
      title: section.title,
      papers: Object.entries(files)
        .filter(([file]) => file.startsWith(`${section.id}/`))
        .map(([, text]) => {
          const { added: _added, ...data } = parse(text) as Record<string, unknown>;
          return JSON.stringify(data);
        })
        .sort(),
    }));
}

/** Files a sync changed (the list it records as last synced aside: that is its memory, not content). */
function changedFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (file) => before[file] !== after[file] && file !== '.list-sync/last-sync.md',
  );
}

describe('a generated history of the list', () => {
  it('synced version by version ends where a direct sync does, each step unattended and fully reported', () => {
    fc.assert(
      fc.property(history, (versions) => {
        const renames = new Map<number, string>();
        const models = [initial()];
        versions.forEach((ops, index) => models.push(nextVersion(models.at(-1)!, ops, index + 1, renames)));
        const REGISTRY = models[0]!.sections
          .map((section, order) => `- { id: s${section.key}, title: "${section.title}", description: D., order: ${order + 1} }`)
          .join('\n');

        const stepwise = contentFolder(`${REGISTRY}\n`);
        sync(stepwise, render(models[0]!), { defaultAdded: '2024-01-01' });
        const first = copyOf(stepwise);
        models.slice(1).forEach((model, index) => {
          const before = snapshot(stepwise);
          const plan = sync(stepwise, render(model), { defaultAdded: `2024-02-${String(index + 1).padStart(2, '0')}` });
          const report = formatSyncReport(plan, (file) => path.relative(stepwise, file));
          for (const file of changedFiles(before, snapshot(stepwise)))
            expect(report, `version ${index + 1} changed ${file} without naming it`).toContain(file);
        });

        // The reference: the first version, then the last one directly. A heading renamed since the
        // first version is written into the registry by hand first (what the sync asks when the
        // papers under it changed too much to tell), and removals are allowed.
        const registryFile = path.join(first, 'sections.yaml');
        let registry = readFileSync(registryFile, 'utf8');
        for (const [key, title] of renames)
          registry = registry.replace(new RegExp(`(id: s${key}, title: )"[^"]*"`), `$1"${title}"`);
        writeFileSync(registryFile, registry);
        const direct = planSyncFromDisk(render(models.at(-1)!), {
          contentDir: first,
          defaultAdded: '2025-01-01',
          allowRemovals: true,
        });
        expect(direct.report.refusals).toEqual([]);
        sync(first, render(models.at(-1)!), { defaultAdded: '2025-01-01', allowRemovals: true });

        expect(contentView(stepwise)).toEqual(contentView(first));
        const dialect = (root: string) => snapshot(root)['.list-sync/dialect.yaml'];
        expect(dialect(stepwise)).toBe(dialect(first));
      }),
      { numRuns: RUNS, seed: SEED, ...(process.env.HISTORY_PATH && { path: process.env.HISTORY_PATH }) },
    );
  });
});
