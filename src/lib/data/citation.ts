/**
 * What the site says when a reader cites a paper: one model per paper (a CSL-JSON item, the
 * format reference managers share), built from the entry's own fields first and its scholarly
 * record second; lib/data/citation-formats writes it as BibTeX, RIS and CSL-JSON.
 */
import type { Link } from '../../schemas/link';
import type { Paper } from '../../schemas/paper';
import type { PaperRecord } from '../../schemas/record';
import { arxivAbsUrl, stripArxivVersion } from '../arxiv';
import { arxivIdsOf } from './same-paper';
import { normaliseVenue } from './facets';
import { asciiFold, parsePersonName, type CslName } from './person-name';

/** What a citation is made of: the entry's fields and, when `npm run records` found one, its record. */
export interface CitationSource {
  title: string;
  authors?: readonly string[];
  venue?: string;
  /** The entry's `published`, `YYYY-MM`. */
  published?: string;
  /** The entry's arXiv id (its field, else one of its links), without version. */
  arxiv?: string;
  links: readonly Link[];
  record?: PaperRecord;
}

/** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), the fields used here. */
export interface CslItem {
  id: string;
  type: 'article' | 'paper-conference' | 'article-journal';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [number[]] };
  'container-title'?: string;
  publisher?: string;
  /** arXiv's id as Zotero writes a preprint's archive id: `arXiv:2409.12191`. */
  number?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
}

export interface Citation {
  /** The BibTeX key, also the CSL item's id (see citationKeys). */
  key: string;
  csl: CslItem;
  /** BibTeX's year: the conference's when the venue names one, else the paper's date's. */
  year?: number;
  /** BibTeX's month, 1-12, when known and in the same year as `year`. */
  month?: number;
  /** The arXiv id (no version) and primary category, for BibTeX's eprint fields. */
  arxiv?: { id: string; category?: string };
  /** Whether any author is known: a citation without one is incomplete, and the page says so. */
  hasAuthors: boolean;
}

/** The year and month an arXiv id was submitted in (2409.12191 → 2024-09, hep-th/9901001 → 1999-01). */
export function arxivDate(id: string): { year: number; month: number } {
  const [, yy, mm] = /(\d{2})(\d{2})[.\d]/.exec(id.includes('/') ? id.split('/')[1]! : id) ?? [];
  return { year: Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy), month: Number(mm) };
}

/** The year an arXiv id was submitted in. */
export function arxivYear(id: string): number {
  return arxivDate(id).year;
}

/** Venues that say where a paper is not (yet) published, or that it is not a publication. */
const NO_VENUE =
  /^(?:arxiv|corr|preprint|under review|submitted\b|withdrawn|rejected|tech(?:nical)? report|blog|github|website|project page)/i;
const PRESENTATION = /[\s,(-]*(?:\(?\s*(?:poster|oral|spotlight|highlight|main(?: conference| track)?)\s*\)?[\s,]*)+$/i;

/** Where a venue says a paper appeared: a conference's proceedings, a journal, or nowhere citable. */
export function citedVenue(venue: string): { booktitle: string; year?: number } | { journal: string } | undefined {
  const text = venue
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(?:accepted|to appear|published|appears?)\s+(?:to|in|at|by|as)\s+/i, '')
    .replace(/[.;]+$/, '');
  if (!text || NO_VENUE.test(text)) return undefined;
  for (const match of text.matchAll(/(\p{L}+)[\s'’_-]*((?:19|20)\d{2}|'?\d{2})\b/gu)) {
    const named = normaliseVenue(`${match[1]} ${match[2]!.replace("'", '')}`);
    if (!named.conference) continue;
    const whole = normaliseVenue(text);
    const plain = text.replace(PRESENTATION, '');
    // "Neurips2024", "ICLR 2025 Poster" are just the conference; "CVPR 2024 Workshop on …" is more.
    const booktitle = whole.conference || plain === match[0] ? named.label : plain;
    return { booktitle, year: named.year ? Number(named.year) : undefined };
  }
  return { journal: text };
}

/** The date a paper came out: the entry's month, else the record's first version, else the arXiv id's month. */
function dateOf(source: CitationSource, arxiv: string | undefined): number[] | undefined {
  if (source.published) return source.published.split('-').map(Number);
  if (source.record?.published) return source.record.published.split('-').map(Number);
  if (arxiv) {
    const { year, month } = arxivDate(arxiv);
    return [year, month];
  }
  return undefined;
}

/** The paper's citable address: arXiv's abstract page, the record's page, else the entry's paper link. */
function urlOf(source: CitationSource, arxiv: string | undefined): string | undefined {
  if (arxiv) return arxivAbsUrl(arxiv);
  if (source.record) return source.record.url;
  return source.links.find((link) => link.kind === 'paper' || link.kind === 'openreview')?.url;
}

/**
 * The citation of one paper, keyed `key` (see citationsOf for how keys are made unique). Authors,
 * venue and date come from the entry when it has them, else from the record.
 */
export function citationOf(source: CitationSource, key: string): Citation {
  const record = source.record;
  const arxiv = source.arxiv ?? (record?.arxiv ? stripArxivVersion(record.arxiv) : undefined);
  const names = source.authors?.length ? source.authors : (record?.authors ?? []);
  // The entry's venue when it names where the paper appeared ("arXiv" does not), else the record's.
  const venue = [source.venue, record?.venue].map((text) => text && citedVenue(text)).find(Boolean) || undefined;
  const conferenceYear = venue && 'booktitle' in venue ? venue.year : undefined;
  const found = dateOf(source, arxiv);
  // A paper of ICLR 2025 that was on arXiv in 2024 is cited as of 2025.
  const date = conferenceYear && found?.[0] !== conferenceYear ? [conferenceYear] : found;
  const year = date?.[0];
  const month = date?.[1];
  const url = urlOf(source, arxiv);
  const csl: CslItem = {
    id: key,
    type: venue ? ('booktitle' in venue ? 'paper-conference' : 'article-journal') : 'article',
    title: source.title,
    ...(names.length ? { author: names.map(parsePersonName) } : {}),
    ...(date ? { issued: { 'date-parts': [date] as [number[]] } } : {}),
    ...(venue ? { 'container-title': 'booktitle' in venue ? venue.booktitle : venue.journal } : {}),
    ...(!venue && arxiv ? { publisher: 'arXiv', number: `arXiv:${arxiv}` } : {}),
    ...(record?.doi ? { DOI: record.doi } : {}),
    ...(url ? { URL: url } : {}),
    ...(record?.abstract ? { abstract: record.abstract } : {}),
  };
  return {
    key,
    csl,
    ...(year ? { year } : {}),
    ...(month ? { month } : {}),
    ...(arxiv ? { arxiv: { id: arxiv, ...(record?.category ? { category: record.category } : {}) } } : {}),
    hasAuthors: names.length > 0,
  };
}

/** Title words a key skips: "A Survey of …" is keyed by "survey". */
const KEY_SKIPS = new Set('a an the on of in for to and with towards toward is are do does how what when why can'.split(' '));

/**
 * A citation key before deduplication, arXiv's scheme shortened: the first author's family name,
 * the year and the title's first significant word, in ASCII lower case (`wang2024qwen2vl` for
 * "Qwen2-VL: …" by Peng Wang et al., 2024). Parts that cannot be written in ASCII are left out
 * (a name in Chinese characters); a key of nothing at all is `paper`.
 */
export function baseCitationKey(citation: Citation): string {
  const first = citation.csl.author?.[0];
  const author = asciiFold(first ? (first.family ?? first.literal ?? '') : '');
  const word =
    citation.csl.title
      .split(/\s+/)
      .map(asciiFold)
      .find((token) => token && !KEY_SKIPS.has(token)) ?? '';
  return `${author}${citation.year ?? ''}${word}` || 'paper';
}

/**
 * The citations of a list of papers (one per paper, not per entry) with unique keys, stable across
 * builds: a key depends on the paper's own fields, and papers that share one are told apart by a
 * suffix (`b`, `c`, …) given in order of their date, arXiv id and title, so the oldest keeps the
 * plain key and a paper added later does not take it over.
 */
export function citationsOf(sources: readonly CitationSource[]): Citation[] {
  const drafts = sources.map((source) => citationOf(source, ''));
  const bases = drafts.map(baseCitationKey);
  const groups = new Map<string, number[]>();
  bases.forEach((base, index) => groups.set(base, [...(groups.get(base) ?? []), index]));
  const used = new Set(bases);
  const keys = [...bases];
  const order = (index: number) => {
    const date = (drafts[index]!.csl.issued?.['date-parts'][0] ?? []).map((part) => String(part).padStart(2, '0')).join('-');
    return [date || '9999', drafts[index]!.arxiv?.id ?? '', drafts[index]!.csl.title];
  };
  const compare = (a: number, b: number) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return a - b;
  };
  for (const [base, members] of groups) {
    if (members.length < 2) continue;
    let rank = 0;
    for (const index of [...members].sort(compare).slice(1)) {
      do rank++;
      while (used.has(`${base}${suffix(rank)}`));
      keys[index] = `${base}${suffix(rank)}`;
      used.add(keys[index]);
    }
  }
  return drafts.map((draft, index) => ({ ...draft, key: keys[index]!, csl: { ...draft.csl, id: keys[index]! } }));
}

/** 1 → b, 2 → c, 25 → z, 26 → aa: letters after the plain key, never a lone `a`. */
function suffix(rank: number): string {
  let out = '';
  for (let n = rank + 1; n > 0; n = Math.floor(n / 26)) {
    n--;
    out = String.fromCharCode(97 + (n % 26)) + out;
  }
  return out;
}

/** An entry of the list as citations see it: its same-paper key (lib/data/same-paper), fields and record. */
export interface CitableEntry {
  key: string;
  data: Paper;
  record?: PaperRecord;
}

/**
 * The list's citations, one per paper (by same-paper key), in list order. A paper listed several
 * times is cited from its most complete entry (a record, an arXiv id, authors: the first in list
 * order of those with most), so a bare "Mini-Gemini" entry still cites the paper its other entry
 * names. Every paper gets a citation: with an arXiv id or a record it is complete; with neither
 * it holds what the entry knows (title, authors, venue, date, paper link), and `hasAuthors` tells
 * the page to say so. The page and the /data/ files both read this, so a key is the same everywhere.
 */
export function listCitations(entries: readonly CitableEntry[]): Map<string, Citation> {
  const arxivOf = (data: Paper) => (data.arxiv ? stripArxivVersion(data.arxiv) : arxivIdsOf(data)[0]);
  const completeness = ({ data, record }: CitableEntry) =>
    (record ? 4 : 0) + (arxivOf(data) ? 2 : 0) + (data.authors?.length ? 1 : 0);
  const best = new Map<string, CitableEntry>();
  for (const entry of entries) {
    const kept = best.get(entry.key);
    if (!kept || completeness(entry) > completeness(kept)) best.set(entry.key, entry);
  }
  const papers = [...best.values()];
  const citations = citationsOf(
    papers.map(({ data, record }) => ({
      title: data.title,
      authors: data.authors,
      venue: data.venue,
      published: data.published,
      arxiv: arxivOf(data),
      links: data.links,
      record,
    })),
  );
  return new Map(papers.map((paper, index) => [paper.key, citations[index]!]));
}
