import { getCollection, type CollectionKey } from 'astro:content';
import { openContentRoot } from './lib/content/content-root';
import { buildContent } from './lib/entries/build-content';
import type { Content, SectionInfo } from './lib/entries/paper-entry';
import { routes } from './lib/routes';
import type { PaperRecord } from './schemas/record';
import { SITE } from './site.config';

export type { Content, PaperEntry, SectionInfo, SectionWithPapers } from './lib/entries/paper-entry';
export { alsoListedIn, paperFacetCounts, tagCounts, type TagCount } from './lib/entries/queries';

let cache: Promise<Content> | undefined;

/** The one place that reads the collections and hands them on (lib/entries builds what pages see). Cached for the build. */
export function loadContent(): Promise<Content> {
  cache ??= (async () => {
    const registry: SectionInfo[] = openContentRoot()
      .sections()
      .map((section) => ({ ...section, path: routes.section(section.id) }));
    const entries = (
      await Promise.all(
        registry.map(async (section) => (await getCollection(section.id as CollectionKey)).map((entry) => ({ section, entry }))),
      )
    ).flat();
    const records = new Map((await getCollection('records')).map((record) => [record.id, record.data as PaperRecord]));
    return buildContent({ registry, entries, records, site: SITE });
  })();
  return cache;
}
