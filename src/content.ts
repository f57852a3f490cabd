import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { openContentRoot } from './lib/content-root';
import { paperKeys } from './lib/same-paper';
import { sortEntries } from './lib/sort';
import { tagSlug } from './lib/tags';
import type { Paper } from './schemas/paper';
import type { Section } from './schemas/section';
import { routes } from './lib/routes';

/** A paper as pages see it: its entry, its section and the other sections' entries for the same paper. */
/** A registry section with the site path of its listing. */
export interface SectionInfo extends Section {
  path: string;
}

export interface PaperEntry {
  id: string;
  section: SectionInfo;
  data: Paper;
  /** Shared by entries of the same paper across sections (see lib/same-paper). */
  key: string;
  /** The collection entry, for `render()` of an MDX entry's long note. */
  entry: CollectionEntry<CollectionKey>;
  hasBody: boolean;
  /** Repository path of the entry file, for "Edit this entry". */
  file: string;
  /** Site-relative path of the paper page, without the base. */
  path: string;
}

export interface SectionWithPapers extends SectionInfo {
  /** Newest added first. */
  papers: PaperEntry[];
}

let cache: Promise<{ sections: SectionWithPapers[]; papers: PaperEntry[] }> | undefined;

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
    const keys = paperKeys(raw.map(({ entry }) => entry.data as Paper));
    const papers: PaperEntry[] = raw.map(({ section, entry }, index) => ({
      id: entry.id,
      section,
      data: entry.data as Paper,
      key: keys[index]!,
      entry,
      hasBody: Boolean(entry.body?.trim()),
      file: `content/${section.id}/${entry.filePath?.split('/').pop() ?? `${entry.id}.yaml`}`,
      path: routes.paper(section.id, entry.id),
    }));
    const sections = registry.map((section) => ({
      ...section,
      papers: sortEntries(papers.filter((paper) => paper.section.id === section.id)),
    }));
    return { sections, papers: sortEntries(papers) };
  })();
  return cache;
}

/** Other sections' entries for the same paper (looked up by key: a scan per paper is quadratic). */
export function alsoListedIn(paper: PaperEntry, all: readonly PaperEntry[]): PaperEntry[] {
  let byKey = papersByKey.get(all);
  if (!byKey) {
    byKey = new Map();
    for (const entry of all) byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
    papersByKey.set(all, byKey);
  }
  return (byKey.get(paper.key) ?? []).filter((other) => other !== paper);
}
const papersByKey = new WeakMap<readonly PaperEntry[], Map<string, PaperEntry[]>>();

export interface TagCount {
  tag: string;
  slug: string;
  count: number;
}

/** Tags with how many papers carry them, most used first. Memoised: every listing page asks. */
export function tagCounts(papers: readonly PaperEntry[]): TagCount[] {
  let counted = tagCountCache.get(papers);
  if (!counted) {
    counted = countTags(papers);
    tagCountCache.set(papers, counted);
  }
  return counted;
}
const tagCountCache = new WeakMap<readonly PaperEntry[], TagCount[]>();

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
