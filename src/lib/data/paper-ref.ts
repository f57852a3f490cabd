import { memoize } from '../memo';

/**
 * The entry a `<PaperRef id>` names: `section/id` exactly, or a bare id in the first section (in
 * registry order) that has it, since the same file name in two sections is the same paper listed
 * twice. Validation accepts exactly the refs this resolves.
 */
export function resolvePaperRef<T extends { id: string; section: { id: string } }>(
  ref: string,
  papers: readonly T[],
  sections: readonly { id: string }[],
): T | undefined {
  const slash = ref.indexOf('/');
  const [section, id] = slash >= 0 ? [ref.slice(0, slash), ref.slice(slash + 1)] : [undefined, ref];
  const candidates = papersById(papers).get(id) ?? [];
  if (section !== undefined) return candidates.find((paper) => paper.section.id === section) as T | undefined;
  const order = new Map(sections.map(({ id: sectionId }, index) => [sectionId, index]));
  let found: T | undefined;
  for (const paper of candidates as T[]) {
    if (!found || order.get(paper.section.id)! < order.get(found.section.id)!) found = paper;
  }
  return found;
}

/**
 * The papers of a list by id, in list order: every long note's refs resolve at build time and
 * again as its page renders, so a scan of the whole list for each would grow with the square of it.
 * Kept per list (a build's lists are never changed once made).
 */
const papersById = memoize((papers: readonly { id: string; section: { id: string } }[]) =>
  Map.groupBy(papers, (paper) => paper.id),
);

/** A `<PaperRef id="…" />` as an MDX body writes it (validation allows no other attribute or form). */
const PAPER_REF_TAG = /<PaperRef\s+id\s*=\s*(["'])(.*?)\1\s*\/>/g;

/**
 * An MDX body with each `<PaperRef>` replaced by what the page shows in its place, the title of the
 * paper it names: the text search and the glossary read, as a reader sees it.
 */
export function withPaperRefTitles<T extends { id: string; section: { id: string }; title: string }>(
  body: string,
  papers: readonly T[],
  sections: readonly { id: string }[],
): string {
  if (!body.includes('<PaperRef')) return body;
  return body.replace(PAPER_REF_TAG, (tag, _quote: string, ref: string) => resolvePaperRef(ref, papers, sections)?.title ?? tag);
}
