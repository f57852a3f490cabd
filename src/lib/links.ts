import type { LinkKind } from '../schemas/link';

/** How each kind of link is labelled on the site. */
export const LINK_LABELS: Record<LinkKind, string> = {
  paper: 'Paper',
  notes: 'Notes',
  code: 'Code',
  project: 'Project',
  openreview: 'OpenReview',
  blog: 'Blog',
  other: 'Link',
};

/** The host a reader will land on, shown beside the label. */
export function linkHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
