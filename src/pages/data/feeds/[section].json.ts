import type { APIContext } from 'astro';
import { loadContent, type SectionWithPapers } from '../../../content';
import { jsonFeed } from '../../../lib/data/data-export';
import { routes } from '../../../lib/routes';
import { absolute, feedItems } from '../../../lib/render/site-data';
import { SITE } from '../../../site.config';

export async function getStaticPaths() {
  const { sections } = await loadContent();
  return sections.map((section) => ({ params: { section: section.id }, props: { section } }));
}

/** A section's JSON Feed: its papers recently added. */
export function GET(context: APIContext) {
  const { section } = context.props as { section: SectionWithPapers };
  const feed = jsonFeed({
    title: `${SITE.title}: ${section.title}`,
    description: section.description,
    homePageUrl: absolute(section.path, context.site!),
    feedUrl: absolute(routes.sectionJsonFeed(section.id), context.site!),
    items: feedItems(section.papers, context.site!),
  });
  return new Response(`${JSON.stringify(feed, null, 1)}\n`, { headers: { 'Content-Type': 'application/feed+json' } });
}
