import { html, type Html } from './html';
import { routes } from './routes';
import { withBase } from './urls';

/** What the header's nav shows of a section. */
export interface NavSection {
  id: string;
  path: string;
  title: string;
  short?: string;
  papers: { length: number };
}

/**
 * The items of the header's nav (each section with its count, then the site's own pages), the
 * `current` one marked, as HTML. Every page has the nav, and it differs only by `current`, so it
 * is written once per value and reused, like the paper cards (lib/paper-card).
 */
export function siteNavItemsHtml(sections: readonly NavSection[], current?: string): Html {
  let byCurrent = written.get(sections);
  if (!byCurrent) written.set(sections, (byCurrent = new Map()));
  let items = byCurrent.get(current);
  if (items === undefined) byCurrent.set(current, (items = writeItems(sections, current)));
  return items;
}
const written = new WeakMap<readonly NavSection[], Map<string | undefined, Html>>();

function writeItems(sections: readonly NavSection[], current?: string): Html {
  const item = (id: string, path: string, label: Html | string) =>
    html`<li><a href="${withBase(path)}"${id === current && html` aria-current="page"`}>${label}</a></li>`;
  return html`${[
    ...sections.map((section) =>
      item(section.id, section.path, html`${section.short ?? section.title} <span class="count">${section.papers.length}</span>`),
    ),
    item('tags', routes.tags(), 'Tags'),
    item('glossary', routes.glossary(), 'Glossary'),
    item('stats', routes.stats(), 'Stats'),
    item('about', routes.about(), 'About'),
  ]}`;
}
