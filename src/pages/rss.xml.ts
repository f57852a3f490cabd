import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadContent } from '../content';
import { renderInlineMarkdown } from '../lib/render/markdown';
import { withBase } from '../lib/render/urls';
import { SITE } from '../site.config';

const FEED_SIZE = 50;

export async function GET(context: APIContext) {
  const { papers } = await loadContent();
  return rss({
    title: SITE.title,
    description: 'Papers recently added to the reading list.',
    site: context.site!,
    items: papers.slice(0, FEED_SIZE).map((paper) => ({
      title: paper.data.title,
      link: withBase(paper.path),
      pubDate: new Date(`${paper.data.added}T00:00:00Z`),
      // Feed readers render the description as HTML: give them the note as the site renders it.
      description: paper.data.note ? renderInlineMarkdown(paper.data.note) : '',
      categories: [paper.section.title, ...(paper.data.tags ?? [])],
    })),
    customData: '<language>en</language>',
  });
}
