// src/lib/entries/: the papers as pages see them: PaperEntry built from the collections, what is derived from it, and the queries over it.

import type { CollectionEntry, CollectionKey } from 'astro:content';
import type { Paper } from '../../schemas/paper';
import type { PaperRecord } from '../../schemas/record';
import { loadGlossary } from '../content/glossary-file';
import { cacheKey } from '../data/cache-key';
import { withPaperRefTitles } from '../data/paper-ref';
import { recordByline, recordView } from '../data/paper-record';
import { relatedPapers } from '../data/related';
import { paperKeys } from '../data/same-paper';
import { sortEntries } from '../data/sort';
import { routes } from '../routes';
import { chineseFoldTable } from '../search/chinese-fold-table';
import { compileGlossary, conceptsIn, indexKeywords } from '../search/glossary';
import { tagSlug } from '../tags';
import type { Content, NoteTree, PaperEntry, SectionInfo } from './paper-entry';

/** What the collections hold, as src/content.ts reads them. */
export interface CollectionsRead {
  /** The registry's sections, in order. */
  registry: readonly SectionInfo[];
  /** Every entry of every section's collection, with its section. */
  entries: readonly { section: SectionInfo; entry: CollectionEntry<CollectionKey> }[];
  /** The records collection, by `<section id>/<entry id>`. */
  records: ReadonlyMap<string, PaperRecord>;
  /** The site's settings, which every page shows (part of each page's incremental-build key). */
  site: unknown;
}

/** Every PaperEntry with what the build derives from it (keywords, related papers, digests), and the sections. */
export function buildContent({ registry, entries: raw, records, site }: CollectionsRead): Content {
  const keys = paperKeys(raw.map(({ entry }) => entry.data as Paper));
  const glossary = compileGlossary(loadGlossary());
  const titles = raw.map(({ section, entry }) => ({ id: entry.id, section, title: (entry.data as Paper).title }));
  const papers: PaperEntry[] = raw.map(({ section, entry }, index) => {
    const data = entry.data as Paper;
    const body = withPaperRefTitles(entry.body ?? '', titles, registry);
    const text = [data.title, data.note ?? '', ...(data.tags ?? []), body].join('\n');
    const concepts = new Map([...conceptsIn(text, glossary)].map(([id, forms]) => [id, forms[0]!]));
    const record = records.get(`${section.id}/${entry.id}`);
    let digest: string | undefined;
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
      noteTree: entry.rendered?.metadata?.noteTree as NoteTree | undefined,
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
      // Read only for the incremental build's page keys: a clean build (BUILD_CACHE=off) never hashes it.
      get digest() {
        return (digest ??= cacheKey(data, entry.body ?? '', record ?? null));
      },
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
    site,
    sections.map((section) => [section.id, section.title, section.short, section.path]),
    glossary.map(({ concept }) => concept),
  );
  return { sections, papers: sortEntries(papers), glossary, siteKey };
}
