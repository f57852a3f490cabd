import { stringify } from 'yaml';
import { RECORD_FIELD_ORDER, type PaperRecord } from '../../../src/schemas/record';
import type { PaperInput } from '../../../src/schemas/paper';
import type { Picker } from './synthetic-random';
import { VENUES } from './synthetic-words';
import {
  BASELINES,
  CATEGORIES,
  CATEGORY_WEIGHTS,
  CLOSINGS,
  COMPONENTS,
  CONTRIBUTIONS,
  DATA_UNITS,
  FAMILY_NAMES,
  GITHUB_OWNERS,
  INSIGHTS,
  LIMITATIONS,
  METHOD_STEPS,
  PINYIN_SYLLABLES,
  PROBLEMS,
  WESTERN_GIVEN_NAMES,
} from './synthetic-record-words';

/**
 * Synthetic scholarly records (src/schemas/record.ts) for the synthetic entries, of the size real
 * ones have: 1 to 30 authors (most 3 to 12), an abstract of 150 to 250 words, dates, a primary
 * category, the PDF, sometimes a venue and a code repository.
 *
 * Which papers have one: on the real list 46 of 161 entries name an arXiv id and 12 an OpenReview
 * forum; nearly all of the other 103 are arXiv papers too, which `npm run records` finds by title,
 * less the near matches it leaves for the maintainer. So: every entry with an arXiv id (65 % of
 * synthetic entries) or an OpenReview link (about 12 %) has a record, and TITLE_MATCH_SHARE of the
 * rest (23 %) one found by title: about 91 % in all.
 */

/** Of the entries with neither an arXiv id nor an OpenReview link, those whose record a title search finds. */
export const TITLE_MATCH_SHARE = 0.6;
export const AUTHOR_COUNT = { min: 1, max: 30 } as const;
export const ABSTRACT_WORDS = { min: 150, max: 250 } as const;
/** Author counts by bucket, as on arXiv's multimodal papers: few alone, most 3-12, some large teams. */
const AUTHOR_BUCKETS = [
  { min: 1, max: 1, weight: 3 },
  { min: 2, max: 2, weight: 7 },
  { min: 3, max: 12, weight: 76 },
  { min: 13, max: 20, weight: 9 },
  { min: 21, max: AUTHOR_COUNT.max, weight: 5 },
] as const;
/** The day the synthetic records say they were fetched (a fixed day: the same seed, the same files). */
export const SYNTHETIC_FETCH_DAY = '2026-12-01';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const pad2 = (n: number) => String(n).padStart(2, '0');

function authorName(pick: Picker): string {
  if (pick.chance(0.65))
    return `${capitalize(pick.one(PINYIN_SYLLABLES) + pick.one(PINYIN_SYLLABLES))} ${pick.one(FAMILY_NAMES)}`;
  const initial = pick.chance(0.15) ? ` ${String.fromCharCode(65 + pick.int(0, 25))}.` : '';
  return `${pick.one(WESTERN_GIVEN_NAMES)}${initial} ${pick.one(FAMILY_NAMES)}`;
}

function authors(pick: Picker): string[] {
  const bucket = AUTHOR_BUCKETS[pick.weighted(AUTHOR_BUCKETS.map((b) => b.weight))]!;
  const count = pick.int(bucket.min, bucket.max);
  const names = new Set<string>();
  while (names.size < count) names.add(authorName(pick));
  return [...names];
}

/**
 * An abstract of ABSTRACT_WORDS: a problem, the method, its data and results, from slots. Each
 * sentence has at most 30 words, so sentences are added until the chosen length is reached
 * without passing the maximum.
 */
function abstract(pick: Picker, name: string, code: string | undefined): string {
  const [b1, b2, b3] = pick.some(['MMBench', 'MME', 'MMMU', 'SEED-Bench', 'TextVQA', 'DocVQA', 'POPE', 'MathVista'], 3);
  const points = () => `${pick.int(1, 15)}.${pick.int(0, 9)}`;
  const opening = [
    `Multimodal large language models have made rapid progress, yet they still struggle with ${pick.one(PROBLEMS)}.`,
    `Existing work on ${pick.one(PROBLEMS)} ${pick.one(LIMITATIONS)}.`,
    `In this paper, we present ${name}, a model that ${pick.one(CONTRIBUTIONS)}.`,
    `Our key insight is that ${pick.one(INSIGHTS)}.`,
  ];
  // Each kind of sentence once, in a random order, before any comes again.
  const kinds = [
    () => `Specifically, we ${pick.one(METHOD_STEPS)} and then ${pick.one(METHOD_STEPS)}.`,
    () => `To this end, we ${pick.one(METHOD_STEPS)}.`,
    () =>
      `We further build a dataset of ${pick.int(10, 990)}K ${pick.one(DATA_UNITS)} covering ${pick.one(PROBLEMS)} and ${pick.one(PROBLEMS)}.`,
    () =>
      `Extensive experiments on ${b1}, ${b2} and ${b3} show that ${name} outperforms ${pick.one(BASELINES)} by ${points()} points on average.`,
    () => `Ablation studies confirm that ${pick.one(COMPONENTS)} contributes most of the gain, about ${points()} points.`,
    () => `Notably, ${name} with only ${pick.int(1, 72)}B parameters matches ${pick.one(BASELINES)} on ${b1}.`,
    () => `Unlike prior work that ${pick.one(LIMITATIONS)}, our approach ${pick.one(CONTRIBUTIONS)}.`,
    () => `We also observe that ${pick.one(INSIGHTS)}.`,
    () => pick.one(CLOSINGS),
  ];
  let queue: (() => string)[] = [];
  const middle = () => {
    if (queue.length === 0) queue = pick.some(kinds, kinds.length);
    return queue.pop()!();
  };
  const sentences = [...opening];
  const target = pick.int(ABSTRACT_WORDS.min, ABSTRACT_WORDS.max);
  const ending = code ? `Code and models are available at ${code}.` : '';
  let words = wordCount(sentences.join(' ')) + wordCount(ending);
  while (words < target) {
    const next = middle();
    const added = wordCount(next);
    // Past the minimum, a sentence that would pass the maximum ends the abstract instead.
    if (words + added > ABSTRACT_WORDS.max) {
      if (words >= ABSTRACT_WORDS.min) break;
      continue;
    }
    sentences.push(next);
    words += added;
  }
  if (ending) sentences.push(ending);
  return sentences.join(' ');
}

/** `day` plus `days`, as YYYY-MM-DD. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface RecordSeed {
  paper: PaperInput;
  /** The month the paper came out (YYYY-MM), whether or not the entry says it. */
  published: string;
  /** An arXiv id no entry uses, for a record found by title. */
  unusedArxivId: string;
}

/** The record `npm run records` would keep for a synthetic entry, or undefined when it would find none. */
export function syntheticRecord(pick: Picker, { paper, published, unusedArxivId }: RecordSeed): PaperRecord | undefined {
  const forum = paper.links
    .map((link) => /^https:\/\/openreview\.net\/forum\?id=([A-Za-z0-9_-]+)$/.exec(link.url)?.[1])
    .find(Boolean);
  const arxiv = paper.arxiv ?? (forum === undefined && pick.chance(TITLE_MATCH_SHARE) ? unusedArxivId : undefined);
  if (forum === undefined && arxiv === undefined) return undefined;

  const name = paper.title.includes(':') ? paper.title.split(':')[0]! : 'our model';
  const repo =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'model';
  const code = pick.chance(forum ? 0.2 : 0.35) ? `https://github.com/${pick.one(GITHUB_OWNERS)}/${repo}` : undefined;
  const year = published.slice(0, 4);
  const firstDay = `${published}-${pad2(pick.int(1, 28))}`;
  const shared = {
    fetched: SYNTHETIC_FETCH_DAY,
    title: paper.title,
    authors: authors(pick),
    abstract: abstract(pick, name, code),
    published: firstDay,
  };
  if (forum !== undefined) {
    return {
      source: 'openreview',
      ...shared,
      openreview: forum,
      venue: `${pick.one(['ICLR', 'NeurIPS', 'ICML'])} ${year}`,
      url: `https://openreview.net/forum?id=${forum}`,
      pdf: `https://openreview.net/pdf?id=${forum}`,
      code,
    };
  }
  const version = pick.weighted([50, 35, 15]) + 1;
  return {
    source: 'arxiv',
    ...shared,
    arxiv: `${arxiv}v${version}`,
    doi: pick.chance(0.08) ? `10.48550/arXiv.${arxiv}` : undefined,
    updated: version > 1 ? addDays(firstDay, pick.int(5, 120)) : undefined,
    category: CATEGORIES[pick.weighted(CATEGORY_WEIGHTS)]!,
    venue: pick.chance(0.25) ? `${pick.one(VENUES)} ${year}` : undefined,
    url: `https://arxiv.org/abs/${arxiv}`,
    pdf: `https://arxiv.org/pdf/${arxiv}v${version}`,
    code,
  };
}

/**
 * A record's file text: fields in RECORD_FIELD_ORDER, absent ones left out, and whatever a YAML 1.1
 * reader would retype quoted (dates, which Astro's YAML reader makes Dates). The bench's own
 * writer, until the records command's can be shared.
 */
export function serializeRecord(record: PaperRecord): string {
  const ordered: Record<string, unknown> = {};
  for (const key of RECORD_FIELD_ORDER) if (record[key] !== undefined) ordered[key] = record[key];
  return stringify(ordered, { lineWidth: 0, version: '1.1' });
}
