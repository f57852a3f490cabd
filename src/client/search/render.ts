import { languageOf } from '../../lib/language';
import type { PaperHit, ResultGroup } from './pagefind';
import { cleanExcerpt } from './excerpt';

/** One result: a link to the paper page with its title, section and the matching part of its note. */
export function renderHit(hit: PaperHit): HTMLLIElement {
  const item = element('li', 'search-hit');
  const link = element('a', 'search-hit-link');
  link.href = hit.url;
  const title = element('span', 'search-hit-title', hit.title);
  title.lang = languageOf(hit.title);
  const facts = element('span', 'search-hit-facts', [hit.byline, hit.section].filter(Boolean).join(' · '));
  if (hit.added) {
    // A date never breaks inside (2024-10-<wrap>12 on a phone).
    const added = element('time', 'search-hit-date', hit.added);
    added.dateTime = hit.added;
    facts.append(hit.section ? ' · ' : '', added);
  }
  const excerpt = element('span', 'search-hit-excerpt');
  excerpt.append(...excerptNodes(cleanExcerpt(hit.excerpt, hit.title)));
  excerpt.lang = languageOf(excerpt.textContent ?? '');
  link.append(title, facts, excerpt);
  if (hit.holds) {
    const holds = element('span', 'search-hit-via', `has: ${hit.holds.join(', ')}`);
    holds.dataset.searchHolds = hit.holds.join('|');
    link.append(holds);
  }
  if (hit.via.length) {
    // Found through the glossary: say which form of the query's concept the paper uses.
    const via = element('span', 'search-hit-via', `via glossary: ${hit.via.join(', ')}`);
    via.dataset.searchVia = hit.via.join('|');
    link.append(via);
  }
  item.append(link);
  return item;
}

/**
 * The label above a group of further results: "Showing results for *hallucination*" with a link
 * that searches the query exactly as typed (`exactHref`), or "Papers with some of these words".
 */
export function renderGroupLabel(group: ResultGroup, exactHref: string): HTMLLIElement {
  const item = element('li', 'search-group');
  item.dataset.searchGroup = group.kind;
  if (group.kind === 'corrected') {
    const corrected = element('em', '', group.text);
    corrected.lang = languageOf(group.text);
    const exact = element('a', 'search-group-exact', 'search exactly as typed');
    exact.href = exactHref;
    item.append('Showing results for ', corrected, ` (${group.total}) · `, exact);
  } else {
    item.append(`Papers with some of these words (${group.total}), the most words first`);
  }
  return item;
}

/**
 * Pagefind's excerpt is text with `<` and `>` escaped and matches wrapped in `<mark>`; it is
 * rebuilt here as text nodes and <mark> elements, so nothing from the index is parsed as HTML.
 */
export function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>' || part === '</mark>') {
      marked = part === '<mark>';
      continue;
    }
    const text = part.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    if (text) nodes.push(marked ? element('mark', '', text) : document.createTextNode(text));
  }
  return nodes;
}

/** A status line; `code` is shown as code after the text (the dev-server hint names a command). */
export function setStatus(status: HTMLElement, text: string, code?: string): void {
  status.replaceChildren(text, ...(code ? [element('code', '', code)] : []));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
