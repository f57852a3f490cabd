import type { PaperEntry } from '../entries/paper-entry';
import { arxivAbsUrl } from '../arxiv';
import { facetValues } from '../data/facets';
import { FOLDED_MARK } from '../search/chinese-fold';
import { html, raw, type Html } from './html';
import { languageOf } from '../language';
import { renderInlineMarkdown } from './markdown';
import type { RecordView } from '../data/paper-record';
import { routes, SEARCH_FILTERS, SEARCH_META } from '../routes';
import { tagSlug } from '../tags';
import { withBase } from './urls';

/**
 * The paper page's article, piece by piece, as HTML strings. There are as many paper pages as
 * papers, and writing their many small parts as Astro expressions cost a large share of the build;
 * strings cost a fraction of that (bench/results.md has the figures). The page keeps what needs
 * Astro: the layout, the long note's MDX and the copy button's script. The `html` template escapes
 * text and attributes as Astro does; notes are the one HTML, from the safe Markdown. Each part is
 * a list of pieces, joined with nothing between them, so the source can break lines freely.
 */

/**
 * Breadcrumbs, title and one-line note: what the article opens with. With a scholarly record, the
 * title is followed by the byline (lib/render/paper-byline: authors, dates, venue).
 */
export function paperHeadHtml(paper: PaperEntry, byline?: Html): Html {
  const { data, section } = paper;
  return html`${[
    html`<nav class="breadcrumbs" aria-label="Breadcrumb" data-pagefind-ignore><a href="${withBase('')}">Home</a> › `,
    html`<a href="${withBase(section.path)}">${section.title}</a></nav>`,
    html`<header><h1 lang="${languageOf(data.title)}" data-pagefind-meta="${SEARCH_META.title}" data-pagefind-weight="10">${data.title}</h1>${byline}</header>`,
    data.note && html`<p class="note-block" lang="${languageOf(data.note)}">${raw(renderInlineMarkdown(data.note))}</p>`,
  ]}`;
}

/**
 * The facts list: section and date (filters and metadata for search), then what the entry says.
 * With a record, its byline shows the authors, the date and the venue, so the list leaves them out.
 */
export function paperFactsHtml(
  paper: PaperEntry,
  { arxiv, also, record }: { arxiv?: string; also: readonly PaperEntry[]; record?: RecordView },
): Html {
  const { data, section } = paper;
  const fact = (label: string, value: Html | string | undefined, ddAttributes?: Html) =>
    value !== undefined && html`<dt>${label}</dt><dd${ddAttributes}>${value}</dd>`;
  const ignored = html` data-pagefind-ignore`;
  const tags = (data.tags ?? []).map(
    (tag) =>
      html`<li><a class="pill" href="${withBase(routes.tag(tag))}" data-pagefind-filter="${SEARCH_FILTERS.tag}:${tagSlug(tag)}">#${tag}</a></li>`,
  );
  const alsoItems = also.map((other) => [
    html`<li><a href="${withBase(other.path)}" data-also-listed>${other.section.title}</a>`,
    other.data.note && html` — <span lang="${languageOf(other.data.note)}">${raw(renderInlineMarkdown(other.data.note))}</span>`,
    html`</li>`,
  ]);
  return html`<dl class="facts">${[
    fact(
      'Section',
      html`<a href="${withBase(section.path)}" data-pagefind-filter="${SEARCH_FILTERS.section}:${section.id}" data-pagefind-meta="${SEARCH_META.section}">${section.title}</a>`,
      ignored,
    ),
    fact(
      'Added',
      html`<time datetime="${data.added}" data-pagefind-meta="${SEARCH_META.added}[datetime]" data-pagefind-filter="${SEARCH_FILTERS.year}:${data.added.slice(0, 4)}">${data.added}</time>`,
      ignored,
    ),
    fact(
      'Published',
      record ? undefined : data.published && html`<time datetime="${data.published}">${data.published}</time>`,
      ignored,
    ),
    fact('Venue', record ? undefined : data.venue),
    fact('Organisation', data.org),
    fact('Authors', record ? undefined : data.authors?.join(', ')),
    fact('arXiv', arxiv && html`<a href="${arxivAbsUrl(arxiv)}" rel="noopener noreferrer"><code>${arxiv}</code></a>`),
    fact('Tags', tags.length ? html`<ul class="pill-row">${tags}</ul>` : undefined),
    fact('Also listed in', alsoItems.length ? html`<ul class="also-listed">${alsoItems}</ul>` : undefined, ignored),
  ]}</dl>`;
}

/**
 * What follows the citation: the edit link, related papers, the words and facet values only
 * search reads, and the way to the next and previous papers of the section.
 */
export function paperFootHtml(
  paper: PaperEntry,
  { editHref, previous, next }: { editHref: string; previous?: PaperEntry; next?: PaperEntry },
): Html {
  const { data, section } = paper;
  const related = paper.related.map(({ paper: other, shared }) => [
    html`<li><a href="${withBase(other.path)}" lang="${languageOf(other.data.title)}" data-related>${other.data.title}</a> `,
    html`<span class="count">(${other.section.short ?? other.section.title})</span> `,
    html`<span class="related-why" data-related-why>also about: ${shared.slice(0, 4).join(', ')}</span></li>`,
  ]);
  // Concept tokens (glossary expansion) and acronyms hidden in compounds (FDPO → DPO), for search only.
  const keywords = [...paper.keywords.acronyms, ...paper.keywords.tokens];
  // Facet values Pagefind records for filtering; the facts list shows what the entry says.
  const facets = facetValues(section.id, data);
  const filters = (['published', 'venue', 'org'] as const).flatMap((name) =>
    facets[name].map((value) => html`<span data-pagefind-filter="${SEARCH_FILTERS[name]}:${value}"></span>`),
  );
  const neighbour = (other: PaperEntry | undefined, rel: 'prev' | 'next', label: string) =>
    other && [
      html`<a class="${rel}" rel="${rel}" href="${withBase(other.path)}"><span class="dir">${label}</span> `,
      html`<span lang="${languageOf(other.data.title)}">${other.data.title}</span></a>`,
    ];
  return html`${[
    html`<p data-pagefind-ignore><a href="${editHref}" rel="noopener noreferrer" data-edit-link>Edit this entry</a> `,
    html`<span class="count">(${paper.file})</span></p>`,
    related.length > 0 && [
      html`<section class="related" aria-labelledby="related-heading" data-pagefind-ignore>`,
      html`<h2 id="related-heading">Related papers</h2><ul class="related-list">${related}</ul></section>`,
    ],
    keywords.length > 0 && html`<p hidden data-search-keywords>${keywords.join(' ')}</p>`,
    // Its Traditional Chinese folded to Simplified, last, after a mark the search client cuts at.
    paper.keywords.folded.length > 0 && html`<p hidden data-search-folded>${FOLDED_MARK} ${paper.keywords.folded.join(' ')}</p>`,
    // And the listing's byline of a paper with a record, which a search result shows (as metadata,
    // not indexed text: "et al." would otherwise be a word of every such page).
    (filters.length > 0 || paper.byline) &&
      html`<span hidden data-pagefind-ignore>${filters}${paper.byline && html`<span data-pagefind-meta="${SEARCH_META.byline}">${paper.byline}</span>`}</span>`,
    html`<nav class="prev-next" aria-label="More in ${section.title}" data-pagefind-ignore>`,
    neighbour(previous, 'prev', '← Newer'),
    neighbour(next, 'next', 'Older →'),
    html`</nav>`,
  ]}`;
}
