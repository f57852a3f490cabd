/**
 * The facets a reader narrows papers by, and how a paper's venue and organisation are grouped:
 * the entry keeps what the list says ("Neurips2024"), the facet shows one value per venue and
 * year ("NeurIPS 2024") and per organisation. Pure: the paper page declares these values to
 * Pagefind, the section pages count them, the tests compare both with content/.
 */
import type { Paper } from '../../schemas/paper';
import { SEARCH_FILTERS } from '../routes';
import { tagSlug } from '../tags';

export type FacetName = keyof typeof SEARCH_FILTERS;

/** Facets in the order the search page shows them, with their labels. */
export const FACETS: readonly { name: FacetName; label: string }[] = [
  { name: 'section', label: 'Section' },
  { name: 'tag', label: 'Topic' },
  { name: 'published', label: 'Year published' },
  { name: 'venue', label: 'Venue' },
  { name: 'org', label: 'Organisation' },
  { name: 'year', label: 'Year added' },
];

/** Venue names by their letters, lower-case (a key), as the facet spells them. */
const VENUE_NAMES: Record<string, string> = {
  neurips: 'NeurIPS',
  nips: 'NeurIPS',
  iclr: 'ICLR',
  icml: 'ICML',
  cvpr: 'CVPR',
  iccv: 'ICCV',
  eccv: 'ECCV',
  acl: 'ACL',
  emnlp: 'EMNLP',
  naacl: 'NAACL',
  coling: 'COLING',
  aaai: 'AAAI',
  ijcai: 'IJCAI',
  mm: 'ACM MM',
  acmmm: 'ACM MM',
  kdd: 'KDD',
  www: 'WWW',
  colm: 'COLM',
  wacv: 'WACV',
  bmvc: 'BMVC',
  tpami: 'TPAMI',
  tmlr: 'TMLR',
  jmlr: 'JMLR',
  ijcv: 'IJCV',
  tip: 'TIP',
  arxiv: 'arXiv',
};

/** Conferences (for `@inproceedings` in BibTeX); the rest are journals or preprint servers. */
const CONFERENCES = new Set([
  'NeurIPS',
  'ICLR',
  'ICML',
  'CVPR',
  'ICCV',
  'ECCV',
  'ACL',
  'EMNLP',
  'NAACL',
  'COLING',
  'AAAI',
  'IJCAI',
  'ACM MM',
  'KDD',
  'WWW',
  'COLM',
  'WACV',
  'BMVC',
]);

export interface Venue {
  /** The venue's name as the facet spells it ("NeurIPS"). */
  name: string;
  year?: string;
  /** Name and year, the facet value ("NeurIPS 2024"). */
  label: string;
  conference: boolean;
}

/**
 * "NeurIPS 2024", "Neurips2024", "NIPS24", "NeurIPS'24" → NeurIPS 2024. A venue this does not know
 * keeps its own spelling (spaces tidied), so it still groups with itself.
 */
export function normaliseVenue(venue: string): Venue {
  const text = venue.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const match = /^(.*?)[\s'’\-_]*((?:19|20)\d{2}|\d{2})\s*$/u.exec(text);
  const rawName = (match && /\p{L}/u.test(match[1]!) ? match[1]! : text).trim();
  const year = match && /\p{L}/u.test(match[1]!) ? (match[2]!.length === 2 ? `20${match[2]}` : match[2]) : undefined;
  const key = rawName.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const name = VENUE_NAMES[key] ?? rawName;
  return { name, year, label: year ? `${name} ${year}` : name, conference: CONFERENCES.has(name) };
}

/** Organisations by their letters, lower-case, where the list spells one several ways. */
const ORG_NAMES: Record<string, string> = {
  nvidia: 'NVIDIA',
  meta: 'Meta',
  metaai: 'Meta',
  metafair: 'Meta',
  google: 'Google',
  googledeepmind: 'Google DeepMind',
  deepmind: 'Google DeepMind',
  microsoft: 'Microsoft',
  apple: 'Apple',
  alibaba: 'Alibaba',
  bytedance: 'ByteDance',
  tencent: 'Tencent',
  tencentailab: 'Tencent AI Lab',
  shanghaiailab: 'Shanghai AI Lab',
  shanghaiailaboratory: 'Shanghai AI Lab',
  huggingface: 'Hugging Face',
  openai: 'OpenAI',
  deepseek: 'DeepSeek',
  deepseekai: 'DeepSeek',
  casia: 'CASIA',
  ustc: 'USTC',
  mixtralai: 'Mistral AI',
  mistralai: 'Mistral AI',
};

/** "Meta,Stanford" → Meta, Stanford: one facet value per organisation named. */
export function normaliseOrgs(org: string): string[] {
  const names = org
    .normalize('NFKC')
    .split(/\s*(?:[,&/、，;；+]|\band\b)\s*/u)
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .map((part) => ORG_NAMES[part.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')] ?? part);
  return [...new Set(names)];
}

/** A paper's value(s) for each facet ([] when it has none), as its page declares them to Pagefind. */
export function facetValues(sectionId: string, paper: Paper): Record<FacetName, string[]> {
  return {
    section: [sectionId],
    tag: [...new Set((paper.tags ?? []).map(tagSlug))],
    published: paper.published ? [paper.published.slice(0, 4)] : [],
    venue: paper.venue ? [normaliseVenue(paper.venue).label] : [],
    org: paper.org ? normaliseOrgs(paper.org) : [],
    year: [paper.added.slice(0, 4)],
  };
}

export interface FacetOption {
  value: string;
  count: number;
}

/**
 * Every value of every facet with how many papers hold it, most held first (years newest
 * first), for listing options; `label` turns a value into its text (a tag slug into its tag).
 */
export function facetCounts(papers: readonly { sectionId: string; data: Paper }[]): Record<FacetName, FacetOption[]> {
  const counts = Object.fromEntries(FACETS.map(({ name }) => [name, new Map<string, number>()])) as Record<
    FacetName,
    Map<string, number>
  >;
  for (const paper of papers) {
    const values = facetValues(paper.sectionId, paper.data);
    for (const { name } of FACETS) for (const value of values[name]) counts[name].set(value, (counts[name].get(value) ?? 0) + 1);
  }
  return Object.fromEntries(
    FACETS.map(({ name }) => {
      const options = [...counts[name]].map(([value, count]) => ({ value, count }));
      options.sort(
        name === 'year' || name === 'published'
          ? (a, b) => b.value.localeCompare(a.value)
          : (a, b) => b.count - a.count || a.value.localeCompare(b.value),
      );
      return [name, options];
    }),
  ) as Record<FacetName, FacetOption[]>;
}
