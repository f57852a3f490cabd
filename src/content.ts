import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { openContentRoot } from './lib/content/content-root';
import { memoize } from './lib/memo';
import { paperKeys } from './lib/data/same-paper';
import { sortEntries } from './lib/data/sort';
import { tagSlug } from './lib/tags';
import type { Paper } from './schemas/paper';
import type { PaperRecord } from './schemas/record';
import type { Section } from './schemas/section';
import { routes } from './lib/routes';
import { withPaperRefTitles } from './lib/data/paper-ref';
import { compileGlossary, conceptsIn, indexKeywords, type CompiledConcept, type IndexKeywords } from './lib/search/glossary';
import { chineseFoldTable } from './lib/search/chinese-fold-table';
import { loadGlossary } from './lib/content/glossary-file';
import { relatedPapers } from './lib/data/related';
import { facetCounts, type FacetName, type FacetOption } from './lib/data/facets';
import { cacheKey } from './lib/data/cache-key';
import { recordByline, recordView } from './lib/data/paper-record';
import { SITE } from './site.config';

/** A paper as pages see it: its entry, its section and the other sections' entries for the same paper. */
/** A registry section with the site path of its listing. */
export interface SectionInfo extends Section {
  path: string;
}

export interface PaperEntry {
  id: string;
  section: SectionInfo;
  data: Paper;
  /**
   * Its scholarly record (authors, abstract, dates, PDF) when `npm run records` found one: the
   * service's words, kept apart from the entry's; where both say something, `data` wins.
   */
  record?: PaperRecord;
  /** "Wang et al., 2024", from its record, for listings (lib/data/paper-record). */
  byline?: string;
  /** Shared by entries of the same paper across sections (see lib/data/same-paper). */
  key: string;
  /** The collection entry, for `render()` of an MDX entry's long note. */
  entry: CollectionEntry<CollectionKey>;
  hasBody: boolean;
  /** Repository path of the entry file, for "Edit this entry". */
  file: string;
  /** Site-relative path of the paper page, without the base. */
  path: string;
  /** Glossary concept ids its title, note, tags and long note use, with the first form used. */
  concepts: Map<string, string>;
  /** What its page indexes besides its text (see lib/search/glossary). */
  keywords: IndexKeywords;
  /** Other papers of the list close to this one (not the same paper in another section). */
  related: { paper: PaperEntry; shared: string[] }[];
  /** A digest of the entry file's fields and body and its record: changes whenever what a page shows of it can. */
  digest: string;
}

export interface SectionWithPapers extends SectionInfo {
  /** Newest added first. */
  papers: PaperEntry[];
}

export interface Content {
  sections: SectionWithPapers[];
  /** Newest added first. */
  papers: PaperEntry[];
  glossary: CompiledConcept[];
  /**
   * A digest of what every page shows besides its own content (the site's settings, the header's
   * sections with their counts, the glossary): part of each page's incremental-build key.
   */
  siteKey: string;
}

let cache: Promise<Content> | undefined;

/** The one place that reads the collections; every page asks here. Cached for the build. */
export function loadContent() {
  cache ??= (async () => {
    const registry: SectionInfo[] = openContentRoot()
      .sections()
      .map((section) => ({ ...section, path: routes.section(section.id) }));
    const raw = (
      await Promise.all(
        registry.map(async (section) => (await getCollection(section.id as CollectionKey)).map((entry) => ({ section, entry }))),
      )
    ).flat();
    const records = new Map((await getCollection('records')).map((record) => [record.id, record.data as PaperRecord]));
    const keys = paperKeys(raw.map(({ entry }) => entry.data as Paper));
    const glossary = compileGlossary(loadGlossary());
    const titles = raw.map(({ section, entry }) => ({ id: entry.id, section, title: (entry.data as Paper).title }));
    const papers: PaperEntry[] = raw.map(({ section, entry }, index) => {
      const data = entry.data as Paper;
      const body = withPaperRefTitles(entry.body ?? '', titles, registry);
      const text = [data.title, data.note ?? '', ...(data.tags ?? []), body].join('\n');
      const concepts = new Map([...conceptsIn(text, glossary)].map(([id, forms]) => [id, forms[0]!]));
      const record = records.get(`${section.id}/${entry.id}`);
      const shown = record ? recordView(data, record) : undefined;
      return {
        id: entry.id,
        section,
        data: entry.data as Paper,
        record,
        byline: recordByline(data, record),
        key: keys[index]!,
        entry,
        hasBody: Boolean(entry.body?.trim()),
        file: `content/${section.id}/${entry.filePath?.split('/').pop() ?? `${entry.id}.yaml`}`,
        path: routes.paper(section.id, entry.id),
        concepts,
        // For search, everything Pagefind reads of the page counts: the section's title (metadata), so
        // a paper of "Alignment With Human Preference" is found by 对齐 as by "alignment", and the
        // facts the page lists (a venue's "Datasets and Benchmarks Track" is found by 数据集), and
        // its record's byline and abstract (an abstract's "hallucination" is found by 幻觉).
        keywords: indexKeywords(
          [
            text,
            section.title,
            shown?.venue ?? data.venue ?? '',
            data.org ?? '',
            ...(shown?.authors ?? data.authors ?? []),
            shown?.abstract ?? '',
          ].join('\n'),
          glossary,
          chineseFoldTable(),
        ),
        related: [],
        digest: cacheKey(data, entry.body ?? '', record ?? null),
      };
    });
    const related = relatedPapers(
      papers.map((paper) => ({
        id: paper.path,
        key: paper.key,
        concepts: paper.concepts,
        tags: (paper.data.tags ?? []).map((tag) => ({ tag, slug: tagSlug(tag) })),
        text: `${paper.data.title}\n${paper.data.note ?? ''}`,
        abstract: paper.record?.abstract,
      })),
    );
    papers.forEach((paper, index) => {
      paper.related = related[index]!.map(({ index: other, shared }) => ({ paper: papers[other]!, shared }));
    });
    const sections = registry.map((section) => ({
      ...section,
      papers: sortEntries(papers.filter((paper) => paper.section.id === section.id)),
    }));
    const siteKey = cacheKey(
      SITE,
      sections.map((section) => [section.id, section.title, section.short, section.path, section.papers.length]),
      glossary.map(({ concept }) => concept),
    );
    return { sections, papers: sortEntries(papers), glossary, siteKey };
  })();
  return cache;
}

/** Other sections' entries for the same paper (looked up by key: a scan per paper is quadratic). */
export function alsoListedIn(paper: PaperEntry, all: readonly PaperEntry[]): PaperEntry[] {
  return (papersByKey(all).get(paper.key) ?? []).filter((other) => other !== paper);
}
const papersByKey = memoize((all: readonly PaperEntry[]) => {
  const byKey = new Map<string, PaperEntry[]>();
  for (const entry of all) byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
  return byKey;
});

export interface TagCount {
  tag: string;
  slug: string;
  count: number;
}

/** Tags with how many papers carry them, most used first. Memoised: every listing page asks. */
export const tagCounts: (papers: readonly PaperEntry[]) => TagCount[] = memoize(countTags);

function countTags(papers: readonly PaperEntry[]): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const paper of papers) {
    for (const tag of paper.data.tags ?? []) {
      const slug = tagSlug(tag);
      const current = counts.get(slug) ?? { tag, slug, count: 0 };
      current.count++;
      counts.set(slug, current);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));
}

/** Facet values with counts over `papers` (memoised per list: every listing page of a section asks). */
export const paperFacetCounts: (papers: readonly PaperEntry[]) => Record<FacetName, FacetOption[]> = memoize((papers) =>
  facetCounts(papers.map((paper) => ({ sectionId: paper.section.id, data: paper.data }))),
);
