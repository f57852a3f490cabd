import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeEntry } from '../../../src/lib/content/entry-files';
import { entrySlug, uniqueSlug } from '../list/slug';
import { titleKey } from '../../../src/lib/title-key';
import type { LinkKind, PaperInput } from '../../../src/schemas/paper';
import {
  NAME_STARTS,
  NAME_ENDS,
  OPENERS,
  SUBJECTS,
  QUALIFIERS,
  CONNECTORS,
  CLAUSES,
  NOTE_PHRASES,
  BODY_PARAGRAPHS,
  BODY_POINTS,
  ORGS,
  VENUES,
  GIVEN_NAMES,
  FAMILY_NAMES,
  BENCHMARKS,
} from './synthetic-words';
import { Picker, seededRandom } from './synthetic-random';
import { serializeRecord, syntheticRecord } from './synthetic-records';
import { openContentRoot, type ContentRoot } from '../../../src/lib/content/content-root';
import type { PaperRecord } from '../../../src/schemas/record';

export { seededRandom };

/**
 * Synthetic entries for benchmarks: shaped like the real list (English titles, Chinese notes,
 * arXiv ids, zhihu notes, a few MDX long notes with components, papers listed in two sections) and the same for
 * the same seed, so runs on different days build the same site.
 */
export interface SyntheticEntry {
  section: string;
  id: string;
  format: 'yaml' | 'mdx';
  paper: PaperInput;
  /** The long note of an MDX entry; '' for YAML. */
  body: string;
  /** Its scholarly record, as `npm run records` would keep it (./synthetic-records), when it would find one. */
  record?: PaperRecord;
}

export interface SyntheticOptions {
  /** Section ids, in registry order; entries are spread over them by `sectionWeights`. */
  sections: readonly string[];
  /** Relative sizes of the sections (default: all equal). */
  sectionWeights?: readonly number[];
  seed?: number;
}

/** Share of MDX entries (a long note in the body), as in lists that grow reading notes. */
export const MDX_SHARE = 0.05;
/** Share of entries that re-list a paper of another section, as the real list does a few times. */
const CROSS_LISTED_SHARE = 0.02;
const ARXIV_SHARE = 0.65;
/** Mixed into the seed of the records' stream. */
const RECORD_STREAM = 0x5eed7ec0;
export const TITLE_WORDS = { min: 8, max: 20 } as const;
export const NOTE_CHARS = { min: 20, max: 80 } as const;
export const TAG_VOCABULARY = [
  'video',
  'hallucination',
  'DPO',
  'RLHF',
  'high-resolution',
  'OCR',
  'audio',
  'agent',
  'reasoning',
  'efficiency',
  '3D',
  'grounding',
] as const;
/** `added` dates fall in these years, as a list kept for a few years. */
const FIRST_YEAR = 2022;
const LAST_YEAR = 2025;

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
/** Characters as readers count them: code points, so one Chinese character is one. */
export const charCount = (text: string) => Array.from(text).length;
const pad2 = (n: number) => String(n).padStart(2, '0');

function modelName(pick: Picker): string {
  return `${pick.one(NAME_STARTS)}${pick.one(NAME_ENDS)}`;
}

/** "Name: Opener Qualifier Subject for Clause with Clause…", 8 to 20 words. */
function title(pick: Picker): string {
  const target = pick.int(TITLE_WORDS.min, TITLE_WORDS.max);
  const head = pick.chance(0.7) ? `${modelName(pick)}: ` : '';
  const parts = [`${head}${pick.one(OPENERS)} ${pick.one(QUALIFIERS)} ${pick.one(SUBJECTS)}`];
  // No connector or clause twice in one title ("for … for …" reads as generated).
  const connectors = pick.some(CONNECTORS, CONNECTORS.length);
  const clauses = pick.some(CLAUSES, CLAUSES.length);
  while (wordCount(parts.join(' ')) < target) {
    parts.push(`${connectors.pop()} ${pick.chance(0.4) ? `${pick.one(QUALIFIERS)} ` : ''}${clauses.pop()}`);
  }
  // The last clause can overshoot; without it the title had at least 16 words, so it stays valid.
  while (wordCount(parts.join(' ')) > TITLE_WORDS.max) parts.pop();
  return parts.join(' ');
}

/** A figure, as notes often quote one; it also keeps notes apart (the validator warns on a repeated note). */
function figurePhrase(pick: Picker): string {
  const points = `${pick.int(1, 15)}.${pick.int(0, 9)}`;
  return pick.one([
    () => `在${pick.one(BENCHMARKS)}上提升${points}个点`,
    () => `训练数据约${pick.int(10, 990)}万条`,
    () => `${pick.one(BENCHMARKS)}得分${pick.int(40, 90)}.${pick.int(0, 9)}`,
    () => `只用了${pick.int(8, 512)}张GPU训练${pick.int(1, 30)}天`,
  ])();
}

/** Phrases joined by Chinese commas, one of them a figure, 20 to 80 characters. */
function note(pick: Picker): string {
  const target = pick.int(NOTE_CHARS.min, NOTE_CHARS.max);
  const pool = pick.some(NOTE_PHRASES, NOTE_PHRASES.length);
  const phrases = pick.chance(0.5) ? [figurePhrase(pick), pool.pop()!] : [pool.pop()!, figurePhrase(pick)];
  const text = () => `${phrases.join('，')}。`;
  while (charCount(text()) < target) phrases.push(pool.pop()!);
  while (charCount(text()) > NOTE_CHARS.max) phrases.pop();
  return text();
}

/** A note no earlier entry has, within a few tries. */
function freshNote(pick: Picker, used: Set<string>): string {
  let text = note(pick);
  for (let tries = 0; used.has(text) && tries < 20; tries++) text = note(pick);
  used.add(text);
  return text;
}

/**
 * A long note that uses the entry components (an `.mdx` entry without one should be `.md`): a
 * callout, a results table, a reference to an earlier paper and, in some, a figure (the site's
 * icon: the one image every checkout's public/ has).
 */
function longNote(pick: Picker, earlier: readonly SyntheticEntry[]): string {
  const paragraphs = pick.some(BODY_PARAGRAPHS, pick.int(2, 4));
  const points = pick.some(BODY_POINTS, pick.int(2, 4)).map((point) => `- ${point}`);
  const benchmarks = pick.some(BENCHMARKS, 3);
  const score = () => `${pick.int(40, 90)}.${pick.int(0, 9)}`;
  const rows = [modelName(pick), modelName(pick)].map((model) => `| ${model} | ${benchmarks.map(score).join(' | ')} |`);
  const cited = earlier.length ? pick.one(earlier) : undefined;
  return [
    `**要点**：${paragraphs[0]}`,
    `<Callout kind="${pick.one(['takeaway', 'caveat', 'note'])}">\n\n${paragraphs[1]}\n\n</Callout>`,
    ...paragraphs.slice(2),
    points.join('\n'),
    `<Results caption="${benchmarks.join(' / ')}" source="Table ${pick.int(1, 6)}">\n\n| Model | ${benchmarks.join(' | ')} |\n| --- |${' ---: |'.repeat(benchmarks.length)}\n${rows.join('\n')}\n\n</Results>`,
    ...(cited ? [`对比 <PaperRef id="${cited.section}/${cited.id}" />。`] : []),
    ...(pick.chance(0.3) ? ['<Figure src="/favicon.svg" alt="示意图" caption="方法示意图。" />'] : []),
  ].join('\n\n');
}

interface Dates {
  added: string;
  /** YYYY-MM, never after `added`. */
  published: string;
}

function dates(pick: Picker): Dates {
  const year = pick.int(FIRST_YEAR, LAST_YEAR);
  const month = pick.int(1, year === LAST_YEAR ? 6 : 12);
  const day = pick.int(1, 28);
  const back = pick.int(0, 8);
  const publishedMonthIndex = year * 12 + (month - 1) - back;
  return {
    added: `${year}-${pad2(month)}-${pad2(day)}`,
    published: `${Math.floor(publishedMonthIndex / 12)}-${pad2((publishedMonthIndex % 12) + 1)}`,
  };
}

/** A new-style arXiv id in the publication month; the running number keeps ids unique. */
function arxivIdFor(published: string, serial: number): string {
  return `${published.slice(2, 4)}${published.slice(5, 7)}.${String(10000 + serial).padStart(5, '0')}`;
}

function links(pick: Picker, arxiv: string | undefined, name: string): PaperInput['links'] {
  const repo =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'model';
  const owner = pick.one([
    'OpenGVLab',
    'QwenLM',
    'haotian-liu',
    'THUDM',
    'deepseek-ai',
    'apple',
    'facebookresearch',
    'NVlabs',
    'yfzhang114',
  ]);
  const paper = arxiv
    ? pick.one([`https://arxiv.org/abs/${arxiv}`, `https://arxiv.org/pdf/${arxiv}`, `https://huggingface.co/papers/${arxiv}`])
    : pick.one([
        `https://openreview.net/forum?id=${pick.text(ALPHANUMERIC, 10)}`,
        `https://aclanthology.org/2024.acl-long.${pick.int(1, 900)}/`,
        `https://openaccess.thecvf.com/content/CVPR2024/html/${repo}_CVPR_2024_paper.html`,
      ]);
  const others: Record<Exclude<LinkKind, 'paper' | 'openreview' | 'other'>, () => string> = {
    notes: () =>
      pick.chance(0.8)
        ? `https://zhuanlan.zhihu.com/p/${pick.int(600000000, 999999999)}`
        : `https://mp.weixin.qq.com/s/${pick.text(ALPHANUMERIC, 22)}`,
    code: () => `https://github.com/${owner}/${repo}`,
    project: () => `https://${owner.toLowerCase()}.github.io/${repo}/`,
    blog: () => `https://${owner.toLowerCase()}.ai/blog/${repo}/`,
  };
  const first = { kind: paper.includes('openreview.net') ? 'openreview' : 'paper', url: paper } as const;
  const extraKinds = pick.some(['notes', 'notes', 'code', 'project', 'blog'] as const, pick.int(0, 2));
  const extras = [...new Set(extraKinds)].map((kind) => ({ kind, url: others[kind]() }));
  return [first, ...extras];
}

function paper(pick: Picker, serial: number, notes: Set<string>): { paper: PaperInput; name: string; published: string } {
  const name = title(pick);
  const { added, published } = dates(pick);
  const arxiv = pick.chance(ARXIV_SHARE) ? arxivIdFor(published, serial) : undefined;
  const tags = pick.chance(0.8) ? pick.some(TAG_VOCABULARY, pick.int(1, 3)) : [];
  return {
    name,
    published,
    paper: {
      title: name,
      links: links(pick, arxiv, name.split(':')[0]!),
      note: freshNote(pick, notes),
      added,
      arxiv,
      published: pick.chance(0.7) ? published : undefined,
      venue: pick.chance(0.25) ? `${pick.one(VENUES)} ${published.slice(0, 4)}` : undefined,
      org: pick.chance(0.3) ? pick.one(ORGS) : undefined,
      tags,
      authors: pick.chance(0.2)
        ? Array.from({ length: pick.int(2, 6) }, () => `${pick.one(GIVEN_NAMES)} ${pick.one(FAMILY_NAMES)}`)
        : undefined,
    },
  };
}

/**
 * `count` entries spread over the sections. Titles are unique (the validator rejects a repeated
 * title within a section, and a repeat across sections would merge two papers), ids are unique
 * per section, and about 2% of entries re-list another section's paper with their own note.
 * Records are drawn from a stream of their own, so the entries are the same as before records
 * were added, and the first N of a longer run are the same N with the same records.
 */
export function syntheticEntries(count: number, { sections, sectionWeights, seed = 1 }: SyntheticOptions): SyntheticEntry[] {
  if (sections.length === 0) throw new Error('syntheticEntries needs at least one section');
  const pick = new Picker(seededRandom(seed));
  const recordPick = new Picker(seededRandom(seed ^ RECORD_STREAM));
  const weights = sectionWeights ?? sections.map(() => 1);
  const idsBySection = new Map(sections.map((section) => [section, new Set<string>()]));
  const titleKeys = new Set<string>();
  const notes = new Set<string>();
  const entries: SyntheticEntry[] = [];

  for (let serial = 0; entries.length < count; serial++) {
    const section = sections[pick.weighted(weights)]!;
    const ids = idsBySection.get(section)!;
    const original = entries.length > 0 && pick.chance(CROSS_LISTED_SHARE) ? pick.one(entries) : undefined;
    if (original && original.section !== section && !ids.has(original.id)) {
      ids.add(original.id);
      entries.push({
        section,
        id: original.id,
        format: 'yaml',
        body: '',
        paper: { ...original.paper, note: freshNote(pick, notes) },
        record: original.record,
      });
      continue;
    }
    const generated = paper(pick, serial, notes);
    const key = titleKey(generated.name);
    if (titleKeys.has(key)) continue;
    titleKeys.add(key);
    const id = uniqueSlug(entrySlug(generated.name, generated.paper.arxiv), ids);
    ids.add(id);
    const mdx = pick.chance(MDX_SHARE);
    const record = syntheticRecord(recordPick, {
      paper: generated.paper,
      published: generated.published,
      unusedArxivId: arxivIdFor(generated.published, serial),
    });
    entries.push({
      section,
      id,
      format: mdx ? 'mdx' : 'yaml',
      body: mdx ? longNote(pick, entries) : '',
      paper: generated.paper,
      ...(record && { record }),
    });
  }
  return entries;
}

/**
 * Writes a content root of `count` synthetic entries into `dir` (emptied first): the given
 * sections.yaml and about.md, and one file per entry, written as the sync writes them, with its
 * record beside it (records/<section>/<id>.yaml) when it has one.
 */
export function writeSyntheticContent(
  dir: string,
  count: number,
  options: SyntheticOptions & { registryFile: string; aboutFile: string },
): SyntheticEntry[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(options.registryFile, path.join(dir, 'sections.yaml'));
  copyFileSync(options.aboutFile, path.join(dir, 'about.md'));
  const content = openContentRoot(dir);
  for (const section of options.sections) {
    mkdirSync(path.join(dir, section), { recursive: true });
    mkdirSync(path.join(content.recordsDir, section), { recursive: true });
  }
  const entries = syntheticEntries(count, options);
  for (const entry of entries) writeSyntheticEntry(content, entry);
  return entries;
}

/** One entry's file, and its record's when it has one (into existing section folders). */
export function writeSyntheticEntry(content: ContentRoot, entry: SyntheticEntry): void {
  writeFileSync(syntheticEntryPath(content.dir, entry), serializeEntry(entry.paper, entry.format, entry.body));
  if (entry.record) writeFileSync(content.recordFile(entry.section, entry.id), serializeRecord(entry.record));
}

export function syntheticEntryPath(dir: string, entry: Pick<SyntheticEntry, 'section' | 'id' | 'format'>): string {
  return path.join(dir, entry.section, `${entry.id}.${entry.format}`);
}
