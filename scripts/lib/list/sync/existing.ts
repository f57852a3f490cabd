import type { Link } from '../../../../src/schemas/paper';
import type { EntrySource } from '../../../../src/lib/content/entry-files';

/** An existing entry file, read leniently: schema problems are the validator's job, not the sync's. */
export interface ExistingEntry {
  source: EntrySource;
  data: Record<string, unknown>;
  title: string;
  links: Link[];
  arxiv?: string;
}

/** The entries of content/ by section id, and `file:line: …` for each the sync cannot match. */
export function readExistingEntries(sources: readonly EntrySource[]): {
  bySection: Map<string, ExistingEntry[]>;
  problems: string[];
} {
  const bySection = new Map<string, ExistingEntry[]>();
  const problems: string[] = [];
  for (const source of sources) {
    const existing = readExisting(source);
    if (typeof existing === 'string') problems.push(existing);
    else bySection.set(source.section, [...(bySection.get(source.section) ?? []), existing]);
  }
  return { bySection, problems };
}

function readExisting(source: EntrySource): ExistingEntry | string {
  const unreadable = (line: number, message: string) =>
    `${source.file}:${line}: ${message}: cannot match this entry against the list; fix it first`;
  const [syntaxError] = source.syntaxErrors;
  if (syntaxError) return unreadable(syntaxError.line, syntaxError.message);
  const data = source.data;
  if (!isRecord(data)) return unreadable(1, 'the entry is not a YAML mapping');
  if (typeof data.title !== 'string') return unreadable(source.lineOf(['title']), 'title: is required');
  const links = Array.isArray(data.links)
    ? data.links.filter((link): link is Link => isRecord(link) && typeof link.url === 'string')
    : [];
  const arxiv = typeof data.arxiv === 'string' ? data.arxiv : undefined;
  return { source, data, title: data.title, links, ...(arxiv !== undefined && { arxiv }) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
