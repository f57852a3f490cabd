/**
 * Every path of the site, in one place: pages, the indexer, the search client, the checks and
 * validation all build paths and read reserved names from here, so a new page kind or a renamed
 * folder is one edit. Paths are site-relative (no leading slash, no base); `withBase()` in
 * `./render/urls` adds the deployment base for links.
 */
import { tagSlug } from './tags';

/**
 * Fixed top-level pages and folders of the build, and `records` (the content folder of scholarly
 * records, beside the section folders); a section id must not take one of these.
 */
export const RESERVED_SECTION_IDS = [
  'about',
  'search',
  'stats',
  'tags',
  'data',
  'glossary',
  'contributing',
  'pagefind',
  'search-data',
  'records',
  '_astro',
  'rss.xml',
  'feed.json',
  'sitemap-index.xml',
  'sitemap-0.xml',
  'favicon.svg',
  'theme.js',
  '404.html',
  'robots.txt',
] as const;

/** Path segments a section listing uses after the section id; an entry id must not take these. */
export const RESERVED_ENTRY_IDS = ['sort', 'tag', 'page'] as const;

/**
 * What an entry's file name (its id, and its address on the site) may be: lower-case words of
 * letters and digits joined by hyphens, or a new-style arXiv id (`2409.12191`, `2401.10208v2`),
 * optionally with a `-2` that tells two files of one paper apart.
 */
export const ENTRY_ID_PATTERN = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|\d{4}\.\d{4,5}(?:v\d+)?(?:-\d+)?)$/;

/** The id a file name that breaks ENTRY_ID_PATTERN probably meant: `Qwen 2.5 copy` → `qwen-2-5-copy`. */
export function suggestEntryId(id: string): string {
  const words = id
    .normalize('NFKD')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  return words?.join('-') ?? 'paper';
}

/** True when an entry id (or a section id, below) would collide with a fixed page or folder. */
export function reservedEntryId(id: string): boolean {
  return (RESERVED_ENTRY_IDS as readonly string[]).includes(id);
}
export function reservedSectionId(id: string): boolean {
  return (RESERVED_SECTION_IDS as readonly string[]).includes(id);
}

/** Path builders for every page kind. */
export const routes = {
  home: () => '',
  about: () => 'about/',
  /** The contributing guide (fields, sections, components), rendered from the schema and registry. */
  contributing: () => 'contributing/',
  search: (query?: string) => (query ? `search/?q=${encodeURIComponent(query)}` : 'search/'),
  stats: () => 'stats/',
  tags: () => 'tags/',
  tag: (tag: string, rest = '') => `tags/${tagSlug(tag)}/${rest}`,
  /** A tag page from its slug (already a URL segment). */
  tagSlug: (slug: string, rest = '') => `tags/${slug}/${rest}`,
  section: (sectionId: string, rest = '') => `${sectionId}/${rest}`,
  paper: (sectionId: string, entryId: string) => `${sectionId}/${entryId}/`,
  rss: () => 'rss.xml',
  /** The site-wide JSON Feed. */
  jsonFeed: () => 'feed.json',
  glossary: (conceptId?: string) => (conceptId ? `glossary/#${conceptId}` : 'glossary/'),
  /** The downloadable data (see README "Data"): `papers.json`, `.schema.json`, `.csv`, `.bib`, `.ris`, `.csl.json`. */
  data: (file = '') => `data/${file}`,
  /** A section's feeds, under data/ so no entry id can collide with them. */
  sectionRss: (sectionId: string) => `data/feeds/${sectionId}.xml`,
  sectionJsonFeed: (sectionId: string) => `data/feeds/${sectionId}.json`,
  sitemap: () => 'sitemap-index.xml',
} as const;

/** Where paper pages are in the build (`<section>/<id>/index.html`), as a glob for the indexer. */
export const PAPER_PAGES_GLOB = '*/*/index.html';

/** The Pagefind bundle's folder in the build. */
export const PAGEFIND_DIR = 'pagefind';

/** "Newest first" for search results, a file of its own (see ./search/search-order). */
export const NEWEST_FIRST_PATH = 'search/newest-first.json';

/** The glossary as the search client reads it (concepts and their forms), see lib/search/glossary. */
export const SEARCH_GLOSSARY_PATH = 'search/glossary.json';

/** The index's words and how many papers hold each, for spelling corrections (see lib/search/spelling). */
export const SEARCH_VOCABULARY_PATH = 'search/vocabulary.json';

/** Traditional → Simplified characters the index needs, for queries with Chinese (see lib/search/chinese-fold). */
export const FOLD_TABLE_PATH = 'search/fold-zh.json';

/** Names of the Pagefind filters and metadata that paper pages declare and the search client reads. */
export const SEARCH_FILTERS = {
  section: 'section',
  tag: 'tag',
  /** Year published (from `published`). */
  published: 'published',
  /** Normalised venue with its year ("NeurIPS 2024"), see lib/data/facets. */
  venue: 'venue',
  /** Normalised organisation, one value per organisation named. */
  org: 'org',
  /** Year added to the list. */
  year: 'year',
} as const;
/** What a result shows besides its excerpt; `byline` ("Wang et al., 2024") only for a paper with a record. */
export const SEARCH_META = { title: 'title', section: 'section', added: 'added', byline: 'byline' } as const;
