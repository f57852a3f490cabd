import { LINK_LABELS, type Link } from '../../schemas/link';
import { html, type Html } from './html';

/** The host a reader will land on, shown beside the label. */
export function linkHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * A paper's link chips, on its card and (with each link's host) on its page. A link may carry its
 * own label (a record's "PDF"); otherwise its kind names it.
 */
export function linkChipsHtml(links: readonly (Link & { label?: string })[], { hosts = false }: { hosts?: boolean } = {}): Html {
  const chips = links.map(
    (link) =>
      html`<li><a class="link-chip kind-${link.kind}" href="${link.url}" rel="noopener noreferrer">${link.label ?? LINK_LABELS[link.kind]}${
        hosts && html` <span class="host">${linkHost(link.url)}</span>`
      }</a></li>`,
  );
  return html`<ul class="links" aria-label="Links">${chips}</ul>`;
}
