import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadContent, type SectionWithPapers } from '../../../content';
import { feedItems } from '../../../lib/render/site-data';
import { SITE } from '../../../site.config';

export async function getStaticPaths() {
  const { sections } = await loadContent();
  return sections.map((section) => ({ params: { section: section.id }, props: { section } }));
}

/** A section's RSS feed, as the site-wide rss.xml for one section. */
export function GET(context: APIContext) {
  const { section } = context.props as { section: SectionWithPapers };
  return rss({
    title: `${SITE.title}: ${section.title}`,
    description: section.description,
    site: context.site!,
    items: feedItems(section.papers, context.site!).map((item) => ({
      title: item.data.title,
      link: item.url,
      pubDate: new Date(`${item.data.added}T00:00:00Z`),
      description: item.html,
      categories: [item.sectionTitle, ...(item.data.tags ?? [])],
    })),
    customData: '<language>en</language>',
  });
}
