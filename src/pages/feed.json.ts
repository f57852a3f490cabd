import type { APIContext } from 'astro';
import { loadContent } from '../content';
import { jsonFeed } from '../lib/data/data-export';
import { routes } from '../lib/routes';
import { absolute, feedItems } from '../lib/render/site-data';
import { SITE } from '../site.config';

/** The site-wide JSON Feed: papers recently added, as rss.xml. */
export async function GET(context: APIContext) {
  const { papers } = await loadContent();
  const feed = jsonFeed({
    title: SITE.title,
    description: 'Papers recently added to the reading list.',
    homePageUrl: absolute(routes.home(), context.site!),
    feedUrl: absolute(routes.jsonFeed(), context.site!),
    items: feedItems(papers, context.site!),
  });
  return new Response(`${JSON.stringify(feed, null, 1)}\n`, { headers: { 'Content-Type': 'application/feed+json' } });
}
