import type { PaperFilter, PaperOrder, PaperQuery, PaperResults } from './types';
import { resultsView, showMore, shownTotal } from './results-view';
import { setStatus } from './render';
import { SEARCH_FILTERS } from '../../lib/routes';

/**
 * The search page: the same search as the header box, with the query, facets and sort kept in
 * the URL (/search/?q=…&section=…&tag=a&tag=b&venue=…&sort=added), which is also where the header
 * box's form lands without JavaScript. Facets combine with AND, values within one with OR; each
 * option shows how many of the current results hold it.
 */
const PAGE_SIZE = 20;
const TYPING_PAUSE_MS = 200;
const FILTERS = Object.keys(SEARCH_FILTERS) as PaperFilter[];

const form = document.querySelector<HTMLFormElement>('[data-search-page]');
if (form) setUpSearchPage(form);

function setUpSearchPage(form: HTMLFormElement): void {
  const status = document.querySelector<HTMLElement>('[data-search-page-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-search-page-results]')!;
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const exact = form.querySelector<HTMLInputElement>('[data-search-exact]')!;
  const show = resultsView(status, list, (typed) => {
    const params = searchParams(form);
    params.set('q', typed);
    params.set('exact', '1');
    return `?${params}`;
  });
  let results: PaperResults | undefined;
  let pause: ReturnType<typeof setTimeout> | undefined;

  const run = async () => {
    const params = searchParams(form);
    history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
    const query = queryOf(params);
    if (!query.text && !FILTERS.some((name) => query.filters?.[name]?.length)) {
      results = undefined;
      list.replaceChildren();
      more.hidden = true;
      showCounts(form, undefined);
      setStatus(status, 'Type a word, or pick a section, topic, venue or year.');
      return;
    }
    results = await show(query, PAGE_SIZE);
    if (results) showCounts(form, results);
    more.hidden = !results || shownTotal(results) <= PAGE_SIZE;
  };

  fillForm(form, new URLSearchParams(location.search));
  exact.disabled = exact.value !== '1';
  // The page sends the facets folded (see search.astro); beside the results, they are open.
  const facets = form.querySelector<HTMLDetailsElement>('[data-search-facets]');
  if (facets && matchMedia('(min-width: 60rem)').matches) facets.open = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  form.addEventListener('change', () => void run());
  form.addEventListener('input', (event) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.type === 'checkbox') return;
    exact.disabled = true;
    clearTimeout(pause);
    pause = setTimeout(run, TYPING_PAUSE_MS);
  });
  more.addEventListener('click', async () => {
    if (results) more.hidden = !(await showMore(results, list, PAGE_SIZE));
  });
  void run();
}

/** The form as URL parameters, without empty fields or the default sort; a facet repeats per value. */
function searchParams(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    const text = String(value).trim();
    if (text && !(name === 'sort' && text === 'relevance')) params.append(name, text);
  }
  return params;
}

function queryOf(params: URLSearchParams): PaperQuery {
  return {
    text: params.get('q') ?? '',
    filters: Object.fromEntries(FILTERS.map((name) => [name, params.getAll(name)])),
    order: (params.get('sort') === 'added' ? 'added' : 'relevance') satisfies PaperOrder,
    withFacets: true,
    exact: params.get('exact') === '1',
  };
}

function fillForm(form: HTMLFormElement, params: URLSearchParams): void {
  for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
    if (field instanceof HTMLInputElement && field.type === 'checkbox')
      field.checked = params.getAll(field.name).includes(field.value);
    else if (params.has(field.name)) field.value = params.get(field.name)!;
  }
}

/** Each option's count among the current results (the whole list's when nothing is asked), and how many are chosen. */
function showCounts(form: HTMLFormElement, results: PaperResults | undefined): void {
  const chosen = form.querySelectorAll('.facet input:checked').length;
  form.querySelector('[data-facets-chosen]')!.textContent = chosen ? `(${chosen} chosen)` : '';
  for (const box of form.querySelectorAll<HTMLInputElement>('.facet input[type="checkbox"]')) {
    const count = results ? (results.facets[box.name as PaperFilter]?.[box.value] ?? 0) : Number(box.dataset.total);
    const label = box.closest('label')!;
    label.querySelector('[data-facet-count]')!.textContent = String(count);
    label.classList.toggle('facet-empty', count === 0 && !box.checked);
  }
}
