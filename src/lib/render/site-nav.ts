import { html, type Html } from './html';
import { memoize } from '../memo';
import { routes } from '../routes';
import { withBase } from './urls';

/** What the header's nav shows of a section. */
export interface NavSection {
  id: string;
  path: string;
  title: string;
  short?: string;
}

/**
 * The items of the header's nav (each section, then the site's own pages), the `current` one
 * marked, as HTML. No paper counts: adding a paper would change every page, so a warm build would
 * render every page again (a page's cacheKey holds what the header shows); the home page has them.
 * Every page has the nav, and it differs only by `current`, so it is written once per value and
 * reused, like the paper cards (lib/render/paper-card).
 */
export const siteNavItemsHtml: (sections: readonly NavSection[], current?: string) => Html = memoize(
  writeItems,
  (current?: string) => current,
);

function writeItems(sections: readonly NavSection[], current?: string): Html {
  const item = (id: string, path: string, label: Html | string) =>
    html`<li><a href="${withBase(path)}"${id === current && html` aria-current="page"`}>${label}</a></li>`;
  return html`${[
    ...sections.map((section) => item(section.id, section.path, section.short ?? section.title)),
    item('tags', routes.tags(), 'Tags'),
    item('glossary', routes.glossary(), 'Glossary'),
    item('stats', routes.stats(), 'Stats'),
    item('about', routes.about(), 'About'),
  ]}`;
}
