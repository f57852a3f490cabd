import type { PaperEntry } from '../content';
import { facetValues } from './facets';
import { escapeHtml as e } from './html';
import { FOLDED_MARK } from './chinese-fold';
import { languageOf } from './language';
import { renderInlineMarkdown } from './markdown';
import { routes, SEARCH_FILTERS, SEARCH_META } from './routes';
import { tagSlug } from './tags';
import { withBase } from './urls';

/**
 * The paper page's article, piece by piece, as HTML strings. There are as many paper pages as
 * papers, and writing their many small parts as Astro expressions cost a tenth of the build at
 * 10,000 papers (bench/results.md); strings cost a fraction of that. The page keeps what needs
 * Astro: the layout, the long note's MDX and the copy button's script. Text and attributes are
 * escaped as Astro escapes them; notes are the one HTML, from the safe Markdown.
 */

/** Breadcrumbs, title and one-line note: what the article opens with. */
export function paperHeadHtml(paper: PaperEntry): string {
  const { data, section } = paper;
  return (
    `<nav class="breadcrumbs" aria-label="Breadcrumb" data-pagefind-ignore><a href="${e(withBase(''))}">Home</a> › ` +
    `<a href="${e(withBase(section.path))}">${e(section.title)}</a></nav>` +
    `<header><h1 lang="${languageOf(data.title)}" data-pagefind-meta="${SEARCH_META.title}" data-pagefind-weight="10">${e(data.title)}</h1></header>` +
    (data.note ? `<p class="note-block" lang="${languageOf(data.note)}">${renderInlineMarkdown(data.note)}</p>` : '')
  );
}

/** The facts list: section and date (filters and metadata for search), then what the entry says. */
export function paperFactsHtml(paper: PaperEntry, { arxiv, also }: { arxiv?: string; also: readonly PaperEntry[] }): string {
  const { data, section } = paper;
  const fact = (label: string, value: string | undefined, ddAttributes = '') =>
    value === undefined ? '' : `<dt>${label}</dt><dd${ddAttributes}>${value}</dd>`;
  const tags = (data.tags ?? [])
    .map(
      (tag) =>
        `<li><a class="pill" href="${e(withBase(routes.tag(tag)))}" data-pagefind-filter="${e(`${SEARCH_FILTERS.tag}:${tagSlug(tag)}`)}">#${e(tag)}</a></li>`,
    )
    .join('');
  const alsoItems = also
    .map(
      (other) =>
        `<li><a href="${e(withBase(other.path))}" data-also-listed>${e(other.section.title)}</a>` +
        (other.data.note
          ? ` — <span lang="${languageOf(other.data.note)}">${renderInlineMarkdown(other.data.note)}</span>`
          : '') +
        `</li>`,
    )
    .join('');
  return (
    `<dl class="facts">` +
    fact(
      'Section',
      `<a href="${e(withBase(section.path))}" data-pagefind-filter="${SEARCH_FILTERS.section}:${e(section.id)}" data-pagefind-meta="${SEARCH_META.section}">${e(section.title)}</a>`,
      ' data-pagefind-ignore',
    ) +
    fact(
      'Added',
      `<time datetime="${e(data.added)}" data-pagefind-meta="${SEARCH_META.added}[datetime]" data-pagefind-filter="${SEARCH_FILTERS.year}:${e(data.added.slice(0, 4))}">${e(data.added)}</time>`,
      ' data-pagefind-ignore',
    ) +
    fact(
      'Published',
      data.published && `<time datetime="${e(data.published)}">${e(data.published)}</time>`,
      ' data-pagefind-ignore',
    ) +
    fact('Venue', data.venue && e(data.venue)) +
    fact('Organisation', data.org && e(data.org)) +
    fact('Authors', data.authors && e(data.authors.join(', '))) +
    fact('arXiv', arxiv && `<a href="https://arxiv.org/abs/${e(arxiv)}" rel="noopener noreferrer"><code>${e(arxiv)}</code></a>`) +
    fact('Tags', tags ? `<ul class="pill-row">${tags}</ul>` : undefined) +
    fact('Also listed in', alsoItems ? `<ul class="also-listed">${alsoItems}</ul>` : undefined, ' data-pagefind-ignore') +
    `</dl>`
  );
}

/**
 * What follows the citation: the edit link, related papers, the words and facet values only
 * search reads, and the way to the next and previous papers of the section.
 */
export function paperFootHtml(
  paper: PaperEntry,
  { editHref, previous, next }: { editHref: string; previous?: PaperEntry; next?: PaperEntry },
): string {
  const { data, section } = paper;
  const related = paper.related
    .map(
      ({ paper: other, shared }) =>
        `<li><a href="${e(withBase(other.path))}" lang="${languageOf(other.data.title)}" data-related>${e(other.data.title)}</a> ` +
        `<span class="count">(${e(other.section.short ?? other.section.title)})</span> ` +
        `<span class="related-why" data-related-why>also about: ${e(shared.slice(0, 4).join(', '))}</span></li>`,
    )
    .join('');
  // Concept tokens (glossary expansion) and acronyms hidden in compounds (FDPO → DPO), for search only.
  const keywords = [...paper.keywords.acronyms, ...paper.keywords.tokens];
  // Facet values Pagefind records for filtering; the facts list shows what the entry says.
  const facets = facetValues(section.id, data);
  const filters = (['published', 'venue', 'org'] as const).flatMap((name) =>
    facets[name].map((value) => `<span data-pagefind-filter="${e(`${SEARCH_FILTERS[name]}:${value}`)}"></span>`),
  );
  const neighbour = (other: PaperEntry | undefined, rel: 'prev' | 'next', label: string) =>
    other
      ? `<a class="${rel}" rel="${rel}" href="${e(withBase(other.path))}"><span class="dir">${label}</span> ` +
        `<span lang="${languageOf(other.data.title)}">${e(other.data.title)}</span></a>`
      : '';
  return (
    `<p data-pagefind-ignore><a href="${e(editHref)}" rel="noopener noreferrer" data-edit-link>Edit this entry</a> ` +
    `<span class="count">(${e(paper.file)})</span></p>` +
    (related
      ? `<section class="related" aria-labelledby="related-heading" data-pagefind-ignore>` +
        `<h2 id="related-heading">Related papers</h2><ul class="related-list">${related}</ul></section>`
      : '') +
    (keywords.length ? `<p hidden data-search-keywords>${e(keywords.join(' '))}</p>` : '') +
    // Its Traditional Chinese folded to Simplified, last, after a mark the search client cuts at.
    (paper.keywords.folded.length
      ? `<p hidden data-search-folded>${FOLDED_MARK} ${e(paper.keywords.folded.join(' '))}</p>`
      : '') +
    (filters.length ? `<span hidden data-pagefind-ignore>${filters.join('')}</span>` : '') +
    `<nav class="prev-next" aria-label="${e(`More in ${section.title}`)}" data-pagefind-ignore>` +
    neighbour(previous, 'prev', '← Newer') +
    neighbour(next, 'next', 'Older →') +
    `</nav>`
  );
}
