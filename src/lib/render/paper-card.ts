import type { Link } from '../../schemas/link';
import type { Paper } from '../../schemas/paper';
import { html, raw, type Html } from './html';
import { languageOf } from '../language';
import { memoize } from '../memo';
import { linkChipsHtml } from './links';
import { renderInlineMarkdown } from './markdown';
import { routes } from '../routes';
import { withBase } from './urls';

/** What a card shows of a paper. */
export interface CardPaper {
  id: string;
  /** Site-relative path of the paper page. */
  path: string;
  data: Pick<Paper, 'title' | 'note' | 'venue' | 'org' | 'tags' | 'added'> & { links: Link[] };
  section: { path: string; title: string; short?: string };
  /** "Wang et al., 2024" when the paper has a scholarly record (lib/data/paper-record). */
  byline?: string;
}

export interface CardOptions {
  /** Name the section (lists that mix sections). */
  showSection?: boolean;
  headingLevel?: 2 | 3;
}

/**
 * A paper's card as HTML. A paper's card is the same on each of its section's sorted, tag and
 * paginated views, its tag pages and the home page, so it is written once per paper and options
 * and reused: the listing pages hold many cards per paper, and rendering each as an Astro component
 * cost as much as all the paper pages (bench/results.md has the figures). The `html` template
 * escapes text and attributes as Astro does; the note is the one piece of HTML, from the safe Markdown.
 */
export const paperCardHtml: (paper: CardPaper, options?: CardOptions) => Html = memoize(
  writeCard,
  (options: CardOptions = {}) => `${options.showSection ? 's' : ''}${options.headingLevel ?? 2}`,
);

function writeCard(paper: CardPaper, { showSection = false, headingLevel = 2 }: CardOptions = {}): Html {
  const { data } = paper;
  const h = `h${headingLevel}`;
  const meta = [
    paper.byline && html`<li class="byline">${paper.byline}</li>`,
    showSection && html`<li><a href="${withBase(paper.section.path)}">${paper.section.short ?? paper.section.title}</a></li>`,
    data.venue && html`<li class="venue">${data.venue}</li>`,
    data.org && html`<li>${data.org}</li>`,
    ...(data.tags ?? []).map((tag) => html`<li><a class="tag" href="${withBase(routes.tag(tag))}">#${tag}</a></li>`),
    html`<li><span class="visually-hidden">Added </span><time datetime="${data.added}">${data.added}</time></li>`,
  ];
  return html`<article class="paper-card" data-id="${paper.id}"><${h} class="paper-title" lang="${languageOf(data.title)}"><a href="${withBase(paper.path)}">${data.title}</a></${h}>${
    data.note && html`<p class="note" lang="${languageOf(data.note)}">${raw(renderInlineMarkdown(data.note))}</p>`
  }<div class="card-foot">${linkChipsHtml(data.links)}<ul class="meta" aria-label="Details">${meta}</ul></div></article>`;
}

/** The `<li>` items of a list of cards, for a page's `<ol class="paper-list">`. */
export function paperListItems(papers: readonly CardPaper[], options: CardOptions = {}): Html {
  return html`${papers.map((paper) => html`<li>${paperCardHtml(paper, options)}</li>`)}`;
}
