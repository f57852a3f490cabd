/**
 * "Related papers" for every paper page, chosen once per build from what papers share: glossary
 * concepts, tags and rarer words of their titles and notes, each weighted by how rare it is (a
 * concept every third paper uses says little). Cost stays linear in the number of papers (see
 * relatedPapers).
 */

export interface RelatedInput {
  /** Anything unique (the paper page path). */
  id: string;
  /** Papers with the same key are one paper in several sections; never related to each other. */
  key: string;
  /** Concept ids, with the form this paper uses for each (for the reason shown). */
  concepts: ReadonlyMap<string, string>;
  /** Tags as written (their slug is the feature). */
  tags: readonly { slug: string; tag: string }[];
  /** Title and note, for their words. */
  text: string;
}

export interface Related {
  /** Index into the input list. */
  index: number;
  score: number;
  /** What the two share, most telling first: concept forms, then #tags, then words. */
  shared: string[];
}

export const RELATED_COUNT = 5;
/** Each paper follows at most this many of its rarest features to find candidates… */
const FEATURES_FOLLOWED = 6;
/** …and at most this many papers of each feature, stopping once it has CANDIDATES. */
const POSTINGS_FOLLOWED = 100;
const CANDIDATES = 30;
const WEIGHT = { c: 3, t: 2, w: 1 } as const;

const STOP = new Set(
  'with from that this into their than through towards toward using based large language model models multimodal vision visual image images learning data'.split(
    ' ',
  ),
);

/**
 * The words of a title or note worth relating papers by: Latin words of 4+ letters. Chinese is
 * left to the glossary concepts (segmenting every note would cost more than all the rest).
 */
export function relatedWords(text: string): string[] {
  const out = new Set<string>();
  for (const word of text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[a-z][a-z0-9]{3,}/g) ?? [])
    if (!STOP.has(word)) out.add(word);
  return [...out];
}

/**
 * Up to RELATED_COUNT related papers for each input paper, best first. Candidates come from the
 * paper's rarest features, a bounded number of papers each, so each paper costs a bounded amount
 * and the whole is linear; each candidate is then scored on everything the two share, weighted
 * by rarity (idf).
 */
export function relatedPapers(papers: readonly RelatedInput[]): Related[][] {
  // Features as small integers: every later step is array and Set-of-number work.
  const ids = new Map<string, number>();
  const kinds: ('c' | 't' | 'w')[] = [];
  const idOf = (feature: string, kind: 'c' | 't' | 'w') => {
    let id = ids.get(feature);
    if (id === undefined) {
      id = kinds.length;
      ids.set(feature, id);
      kinds.push(kind);
    }
    return id;
  };
  const shown = papers.map(() => new Map<number, string>()); // feature → what to show for it
  papers.forEach((paper, index) => {
    const own = shown[index]!;
    for (const [id, form] of paper.concepts) own.set(idOf(`c:${id}`, 'c'), form);
    for (const { slug, tag } of paper.tags) own.set(idOf(`t:${slug}`, 't'), `#${tag}`);
    for (const word of relatedWords(paper.text)) own.set(idOf(`w:${word}`, 'w'), word);
  });
  const postings: number[][] = kinds.map(() => []);
  shown.forEach((own, index) => {
    for (const feature of own.keys()) postings[feature]!.push(index);
  });
  const total = papers.length;
  const weights = postings.map((list, feature) =>
    list.length < 2 ? 0 : WEIGHT[kinds[feature]!] * Math.log(1 + total / list.length),
  );
  // Each paper's features that can relate it (held by another paper too), rarest first.
  const weighted = shown.map((own) =>
    [...own.keys()].filter((feature) => weights[feature]! > 0).sort((a, b) => postings[a]!.length - postings[b]!.length || a - b),
  );
  const order = (feature: number) => 'ctw'.indexOf(kinds[feature]!);

  return shown.map((own, index) => {
    const candidates = new Set<number>();
    follow: for (const feature of weighted[index]!.slice(0, FEATURES_FOLLOWED)) {
      const list = postings[feature]!;
      for (let i = 0; i < Math.min(list.length, POSTINGS_FOLLOWED); i++) {
        const other = list[i]!;
        if (other !== index && papers[other]!.key !== papers[index]!.key) candidates.add(other);
        if (candidates.size >= CANDIDATES) break follow;
      }
    }
    const mine = weighted[index]!.slice(0, 24); // its 24 rarest features score a candidate
    const scored = [...candidates].map((other) => {
      const theirs = shown[other]!;
      const shared = mine.filter((feature) => theirs.has(feature));
      return {
        index: other,
        score: shared.reduce((sum, feature) => sum + weights[feature]!, 0),
        shared,
        strong: shared.filter((feature) => kinds[feature] !== 'w').length,
      };
    });
    return scored
      .filter(({ strong, shared }) => strong > 0 || shared.length >= 2)
      .sort((a, b) => b.score - a.score || (papers[a.index]!.id < papers[b.index]!.id ? -1 : 1))
      .slice(0, RELATED_COUNT)
      .map(({ index: other, score, shared }) => ({
        index: other,
        score,
        shared: withoutRepeats(
          shared.sort((a, b) => order(a) - order(b) || weights[b]! - weights[a]!).map((feature) => own.get(feature)!),
        ),
      }));
  });
}

/** A tag or word that says what an earlier reason says ("#dpo" after "DPO", "hallucinations" after "hallucination") is dropped. */
function withoutRepeats(reasons: readonly string[]): string[] {
  const said: string[] = [];
  const out: string[] = [];
  for (const reason of reasons) {
    const plain = reason
      .replace(/^#/, '')
      .toLowerCase()
      .replace(/[\s-]+/g, ' ');
    if (said.some((earlier) => plain.includes(earlier) || earlier.includes(plain))) continue;
    said.push(plain);
    out.push(reason);
  }
  return out;
}
