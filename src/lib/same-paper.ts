import { arxivIdFromUrl, stripArxivVersion } from './arxiv';
import { shortTitleKey, titleKey } from './title-key';
import type { Link } from '../schemas/link';

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
 * names. The rule for "same paper": two entries are the same paper when they share a token.
 */
export function identityTokens(paper: PaperIdentity): string[] {
  const key = titleKey(paper.title);
  return [...(key ? [`title:${key}`] : []), ...arxivIdsOf(paper).map((id) => `arxiv:${id}`)];
}

/** Why two entries are the same paper: the same title, one title naming the other, or a shared arXiv id. */
export type SamePaperReason = { by: 'title' } | { by: 'name' } | { by: 'arxiv'; id: string };

/** A reason in words, for messages: `same title`, `one title names the other`, `same arXiv id …`. */
export function describeSamePaper(reason: SamePaperReason): string {
  if (reason.by === 'arxiv') return `same arXiv id ${reason.id}`;
  return reason.by === 'name' ? 'one title names the other' : 'same title';
}

/**
 * What an entry is found by in a SamePaperIndex: its identity tokens, and `name:` (the title
 * before its subtitle) so a later `Mini-Gemini` finds an earlier `Mini-Gemini: Mining …`.
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
 * Entries added one by one, each looked up against those before it by the same-paper rule (the
 * rule `paperKeys` groups by): used by validation (a paper listed twice in a section) and `npm run
 * new` (refuses a paper already listed). A title match wins over the others.
 */
export class SamePaperIndex<T> {
  readonly #byToken = new Map<string, T>();

  /** The first entry added that names the same paper as `paper`, and why; undefined if none. */
  find(paper: PaperIdentity): { item: T; reason: SamePaperReason } | undefined {
    return this.findAll(paper)[0];
  }

  /** Every earlier entry naming the same paper as `paper`, each once, with the first reason found. */
  findAll(paper: PaperIdentity): { item: T; reason: SamePaperReason }[] {
    const found = new Map<T, SamePaperReason>();
    for (const { token, reason } of soughtTokens(paper)) {
      const item = this.#byToken.get(token);
      if (item !== undefined && !found.has(item)) found.set(item, reason);
    }
    return [...found].map(([item, reason]) => ({ item, reason }));
  }

  /** Adds an entry; tokens already taken keep their first owner. */
  add(paper: PaperIdentity, item: T): void {
    for (const token of storedTokens(paper)) if (!this.#byToken.has(token)) this.#byToken.set(token, item);
  }
}

/**
 * Groups entries that name the same paper: same arXiv id, same title key, or one title being the
 * other's name before its subtitle (`Mini-Gemini` and `Mini-Gemini: Mining the Potential…`).
 * Returns, for each input index, a paper key shared by its whole group (stable: the smallest
 * `title:`/`arxiv:` token of the group).
 */
export function paperKeys(papers: readonly PaperIdentity[]): string[] {
  const parent = papers.map((_, index) => index);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const tokens = papers.map((paper) => {
    const list = identityTokens(paper);
    return list.length ? list : [`title:${titleKey(paper.title)}`];
  });
  const owner = new Map<string, number>();
  tokens.forEach((list, index) =>
    list.forEach((token) => {
      const first = owner.get(token);
      if (first === undefined) owner.set(token, index);
      else union(first, index);
    }),
  );
  papers.forEach((paper, index) => {
    const short = shortTitleKey(paper.title);
    const match = short === undefined ? undefined : owner.get(`title:${short}`);
    if (match !== undefined) union(match, index);
  });

  const keyOfRoot = new Map<number, string>();
  tokens.forEach((list, index) => {
    const root = find(index);
    const preferred = list.find((token) => token.startsWith('arxiv:')) ?? list[0]!;
    const current = keyOfRoot.get(root);
    if (current === undefined || rank(preferred) < rank(current)) keyOfRoot.set(root, preferred);
  });
  return papers.map((_, index) => keyOfRoot.get(find(index))!);
}

/** arXiv keys win over title keys; among equals the alphabetically first, so keys are stable. */
function rank(token: string): string {
  return `${token.startsWith('arxiv:') ? 0 : 1}${token}`;
}
