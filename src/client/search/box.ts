/**
 * The search code (query handling, the glossary, rendering) is a chunk of its own, loaded when a
 * reader heads for the box: every page carries this file, most readers never search.
 */
const searchCode = () => import('./results-view');

/** The header search box: results drop down under it as you type. */
const PREVIEW_COUNT = 8;
const TYPING_PAUSE_MS = 120;

const root = document.querySelector<HTMLElement>('[data-site-search]');
if (root) setUpSearchBox(root);

function setUpSearchBox(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = root.querySelector<HTMLElement>('[data-search-panel]')!;
  const list = panel.querySelector<HTMLOListElement>('[data-search-results]')!;
  const allResults = panel.querySelector<HTMLAnchorElement>('[data-search-all]')!;
  const status = panel.querySelector<HTMLElement>('[data-search-status]')!;
  // The search page's address as the page wrote it (base path included): no route code loads here.
  const searchPage = allResults.getAttribute('href')!;
  let show: Promise<ReturnType<Awaited<ReturnType<typeof searchCode>>['resultsView']>> | undefined;
  const exactHref = (typed: string) => `${searchPage}?q=${encodeURIComponent(typed)}&exact=1`;
  const showResults = () => (show ??= searchCode().then(({ resultsView }) => resultsView(status, list, exactHref)));
  let pause: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    panel.hidden = true;
  };
  const update = async () => {
    const text = input.value.trim();
    if (!text) {
      close();
      return;
    }
    allResults.href = `${searchPage}?q=${encodeURIComponent(text)}`;
    panel.hidden = false;
    const results = await (await showResults())({ text }, PREVIEW_COUNT);
    allResults.hidden = !results || (await searchCode()).shownTotal(results) <= PREVIEW_COUNT;
  };

  // Fetch Pagefind when the reader heads for the box, so the first results come quickly.
  input.addEventListener('focus', () => {
    // A failure here is reported when a search runs.
    searchCode()
      .then(({ preloadSearch }) => preloadSearch())
      .catch(() => undefined);
    if (input.value.trim()) panel.hidden = false;
  });
  input.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(update, TYPING_PAUSE_MS);
  });
  root.addEventListener('keydown', (event) => moveThroughResults(event, input, panel, close));
  // Close when focus or a click goes elsewhere (a click on a result keeps focus inside first).
  root.addEventListener('focusout', (event) => {
    if (event.relatedTarget instanceof Node && !root.contains(event.relatedTarget)) close();
  });
  document.addEventListener('pointerdown', (event) => {
    if (event.target instanceof Node && !root.contains(event.target)) close();
  });
  document.addEventListener('keydown', (event) => focusSearchOnSlash(event, input));
}

/** Arrow keys walk from the box through the result links; Esc closes and returns to the box. */
function moveThroughResults(event: KeyboardEvent, input: HTMLInputElement, panel: HTMLElement, close: () => void): void {
  if (event.key === 'Escape') {
    if (panel.hidden) return;
    event.preventDefault();
    close();
    input.focus();
    return;
  }
  if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || panel.hidden) return;
  const stops = [input, ...panel.querySelectorAll<HTMLAnchorElement>('a:not([hidden])')];
  const here = stops.indexOf(document.activeElement as HTMLInputElement);
  const next = Math.min(Math.max(here + (event.key === 'ArrowDown' ? 1 : -1), 0), stops.length - 1);
  event.preventDefault();
  stops[next]!.focus();
}

/** `/` jumps to search from anywhere, unless the reader is typing in a field. */
function focusSearchOnSlash(event: KeyboardEvent, headerInput: HTMLInputElement): void {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingIn(event.target)) return;
  event.preventDefault();
  // The search page has its own, larger box.
  const target = document.querySelector<HTMLInputElement>('[data-search-page-input]') ?? headerInput;
  target.focus();
  target.select();
}

function isTypingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
