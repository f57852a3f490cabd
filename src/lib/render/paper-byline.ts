import { html, type Html } from './html';
import type { RecordView } from '../data/paper-record';

/** Authors shown before a long list folds: enough to name the first few, the rest one click away. */
export const AUTHORS_SHOWN = 6;
/** A list only folds when it would hide more than a couple of names. */
const FOLD_ABOVE = AUTHORS_SHOWN + 2;

/**
 * Search weight of a record's authors and abstract: below a note's (1) and far below a title's
 * (10), so that a title or note word ranks its papers as before records, while an author's name
 * or a phrase of an abstract still finds the paper. Pagefind squares weights: 0.5 counts a quarter.
 */
export const RECORD_SEARCH_WEIGHT = '0.5';

/**
 * Under a paper's title when it has a scholarly record (lib/data/paper-record): every author (a long
 * list folded after the first few in a <details>, so no script is needed), the first version's
 * date and the last one's when later, and the venue (nothing when it knows none of these). Names
 * are the service's text, escaped.
 */
export function paperBylineHtml(view: RecordView): Html | undefined {
  const { authors } = view;
  if (!authors.length && !view.published && !view.venue) return undefined;
  const folds = authors.length > FOLD_ABOVE;
  const shown = folds ? authors.slice(0, AUTHORS_SHOWN) : authors;
  const rest = folds ? authors.slice(AUTHORS_SHOWN) : [];
  const dates = [
    view.published && html`Published <time datetime="${view.published}">${view.published}</time>`,
    view.updated && html`, last revised <time datetime="${view.updated}">${view.updated}</time>`,
  ];
  return html`<div class="byline">${[
    authors.length > 0 &&
      html`<div class="authors" data-pagefind-weight="${RECORD_SEARCH_WEIGHT}">${[
        shown.join(', '),
        folds &&
          html`, <details class="more-authors"><summary data-pagefind-ignore>and ${rest.length} more</summary>${rest.join(', ')}</details>`,
      ]}</div>`,
    (view.published || view.venue) &&
      html`<p class="paper-meta">${[
        view.published && html`<span data-pagefind-ignore>${dates}</span>`,
        view.published && view.venue && html`<span aria-hidden="true" data-pagefind-ignore> · </span>`,
        view.venue && html`<span class="venue">${view.venue}</span>`,
      ]}</p>`,
  ]}</div>`;
}

/** The abstract, in English as the services give it; LaTeX is left as written (plain text, escaped). */
export function paperAbstractHtml(view: RecordView): Html | undefined {
  if (!view.abstract) return undefined;
  return html`<section class="abstract" aria-labelledby="abstract-heading"><h2 id="abstract-heading" data-pagefind-ignore>Abstract</h2><p lang="en" data-pagefind-weight="${RECORD_SEARCH_WEIGHT}">${view.abstract}</p></section>`;
}
