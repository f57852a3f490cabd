import { arxivIdFromUrl, stripArxivVersion } from '../arxiv';
import { shortTitleKey, titleKey } from '../title-key';
import type { Link } from '../../schemas/link';

export interface PaperIdentity {
  title: string;
  arxiv?: string;
  links: Link[];
}

/** Every arXiv id an entry names: its own field and those derived from its links. */
export function arxivIdsOf(paper: PaperIdentity): string[] {
  const ids = new Set<string>();
  if (paper.arxiv) ids.add(stripArxivVersion(paper.arxiv));
  for (const link of paper.links) {
    const id = arxivIdFromUrl(link.url);
    if (id) ids.add(id);
  }
  return [...ids];
}

/**
 * The tokens that identify a paper: `title:<title key>` and `arxiv:<id>` for every arXiv id it
 * names. Two entries sharing one are the same paper directly; `paperKeys` names a group by one.
 */
function identityTokens(paper: PaperIdentity): string[] {
  const key = titleKey(paper.title);
  return [...(key ? [`title:${key}`] : []), ...arxivIdsOf(paper).map((id) => `arxiv:${id}`)];
}

/** Why two entries are the same paper directly: the same title, one title naming the other, a shared arXiv id. */
export type SamePaperReason = { by: 'title' } | { by: 'name' } | { by: 'arxiv'; id: string };

/** A reason in words, for messages: `same title`, `one title names the other`, `same arXiv id …`. */
export function describeSamePaper(reason: SamePaperReason): string {
  if (reason.by === 'arxiv') return `same arXiv id ${reason.id}`;
  return reason.by === 'name' ? 'one title names the other' : 'same title';
}

/**
 * What an entry is found by: its identity tokens, and `name:` (the title before its subtitle) so
 * a later `Mini-Gemini` finds an earlier `Mini-Gemini: Mining …`.
 */
function storedTokens(paper: PaperIdentity): string[] {
  const short = shortTitleKey(paper.title);
  return [...identityTokens(paper), ...(short ? [`name:${short}`] : [])];
}

/** What a paper looks for: its own tokens, its name as a whole title, and its title as a name. */
function soughtTokens(paper: PaperIdentity): { token: string; reason: SamePaperReason }[] {
  const short = shortTitleKey(paper.title);
  const key = titleKey(paper.title);
  return [
    ...identityTokens(paper).map((token) => ({
      token,
      reason: token.startsWith('title:')
        ? ({ by: 'title' } as const)
        : ({ by: 'arxiv', id: token.slice('arxiv:'.length) } as const),
    })),
    ...(short ? [{ token: `title:${short}`, reason: { by: 'name' } as const }] : []),
    ...(key ? [{ token: `name:${key}`, reason: { by: 'name' } as const }] : []),
  ];
}

/**
 * The same-paper rule between two entries, directly: the first of `b`'s sought tokens that `a`
 * holds (a title match comes first). `undefined` when only a chain of other entries joins them.
 */
export function samePaperReason(a: PaperIdentity, b: PaperIdentity): SamePaperReason | undefined {
  const held = new Set(storedTokens(a));
  return soughtTokens(b).find(({ token }) => held.has(token))?.reason;
}

/**
 * The one same-paper rule: entries are the same paper when a chain of direct matches (same title,
 * one title naming the other, a shared arXiv id) joins them, so `A ~ B` and `B ~ C` put A and C
 * together even when they share nothing. Entries are added one by one and grouped as they come.
 * Validation and `npm run new` ask it through `section-duplicates.ts` (`groups`, `chain`); the
 * site's grouping, validation's shared-note check, sync and export through `paperKeys`.
 */
export class SamePaperIndex<T> {
  readonly #members: { paper: PaperIdentity; item: T }[] = [];
  readonly #parent: number[] = [];
  /** Each token and the first entry that holds it (any later holder is in its group). */
  readonly #byToken = new Map<string, number>();

  #root(index: number): number {
    while (this.#parent[index] !== index) index = this.#parent[index] = this.#parent[this.#parent[index]!]!;
    return index;
  }

  /** The groups `paper` would join, each by the first direct match found. */
  #joined(paper: PaperIdentity): Set<number> {
    const roots = new Set<number>();
    for (const { token } of soughtTokens(paper)) {
      const index = this.#byToken.get(token);
      if (index !== undefined) roots.add(this.#root(index));
    }
    return roots;
  }

  /**
   * The shortest chain of direct matches from entry `from` to entry `to` (both added) through
   * entries of their group, breadth first: each step names the entry reached and why. Empty when
   * nothing joins them.
   */
  chain(from: T, to: T): { item: T; reason: SamePaperReason }[] {
    const start = this.#members.findIndex((member) => member.item === from);
    const target = this.#members.findIndex((member) => member.item === to);
    if (start < 0 || target < 0) return [];
    const root = this.#root(target);
    const group = this.#members.map((_, index) => index).filter((index) => this.#root(index) === root);
    const previous = new Map<number, { from: number; reason: SamePaperReason }>();
    const seen = new Set([start]);
    let frontier = [start];
    while (frontier.length && !previous.has(target)) {
      const next: number[] = [];
      for (const at of frontier)
        for (const index of group) {
          if (seen.has(index)) continue;
          const reason = samePaperReason(this.#members[index]!.paper, this.#members[at]!.paper);
          if (!reason) continue;
          seen.add(index);
          previous.set(index, { from: at, reason });
          next.push(index);
        }
      frontier = next;
    }
    const steps: { item: T; reason: SamePaperReason }[] = [];
    for (let at = target; previous.has(at); at = previous.get(at)!.from)
      steps.unshift({ item: this.#members[at]!.item, reason: previous.get(at)!.reason });
    return steps;
  }

  /** Adds an entry to the group of every entry it names the same paper as (joining them). */
  add(paper: PaperIdentity, item: T): void {
    const index = this.#members.length;
    const joined = this.#joined(paper);
    this.#members.push({ paper, item });
    this.#parent.push(index);
    for (const root of joined) this.#parent[root] = index;
    for (const token of storedTokens(paper)) if (!this.#byToken.has(token)) this.#byToken.set(token, index);
  }

  /** The entries added, grouped by paper: each group in the order added, groups by their first entry. */
  groups(): T[][] {
    const byRoot = new Map<number, T[]>();
    this.#members.forEach(({ item }, index) => {
      const root = this.#root(index);
      const group = byRoot.get(root);
      if (group) group.push(item);
      else byRoot.set(root, [item]);
    });
    return [...byRoot.values()];
  }
}

/**
 * A key per paper, by the one rule (SamePaperIndex): for each input index, a key shared by its
 * whole group (stable: the group's smallest `arxiv:` token, else its smallest `title:` token).
 */
export function paperKeys(papers: readonly PaperIdentity[]): string[] {
  const index = new SamePaperIndex<number>();
  papers.forEach((paper, position) => index.add(paper, position));
  const keys: string[] = [];
  for (const group of index.groups()) {
    const tokens = group.flatMap((position) => {
      const paper = papers[position]!;
      const list = identityTokens(paper);
      return [list.find((token) => token.startsWith('arxiv:')) ?? list[0] ?? `title:${titleKey(paper.title)}`];
    });
    const key = tokens.reduce((best, token) => (rank(token) < rank(best) ? token : best));
    for (const position of group) keys[position] = key;
  }
  return keys;
}

/** arXiv keys win over title keys; among equals the alphabetically first, so keys are stable. */
function rank(token: string): string {
  return `${token.startsWith('arxiv:') ? 0 : 1}${token}`;
}
