import { escapeHtml as e } from './html';
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
export function siteNavItemsHtml(sections: readonly NavSection[], current?: string): string {
  let byCurrent = written.get(sections);
  if (!byCurrent) written.set(sections, (byCurrent = new Map()));
  let html = byCurrent.get(current);
  if (html === undefined) byCurrent.set(current, (html = writeItems(sections, current)));
  return html;
}
const written = new WeakMap<readonly NavSection[], Map<string | undefined, string>>();

function writeItems(sections: readonly NavSection[], current?: string): string {
  const item = (id: string, path: string, label: string) =>
    `<li><a href="${e(withBase(path))}"${id === current ? ' aria-current="page"' : ''}>${label}</a></li>`;
  return [
    ...sections.map((section) =>
      item(section.id, section.path, `${e(section.short ?? section.title)} <span class="count">${section.papers.length}</span>`),
    ),
    item('tags', routes.tags(), 'Tags'),
    item('glossary', routes.glossary(), 'Glossary'),
    item('stats', routes.stats(), 'Stats'),
    item('about', routes.about(), 'About'),
  ].join('');
}
