/**
 * "Related papers" for every paper page, chosen once per build from what papers share: glossary
 * concepts, tags and rarer words of their titles and notes, each weighted by how rare it is (a
 * concept every third paper uses says little). Cost stays linear in the number of papers: each
 * paper looks only at its rarest features, and a feature held by more than `MAX_SHARED` papers is
 * not followed at all, so no paper is compared with every other.
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
/** A feature held by more papers than this is too common to relate papers by (or to follow: cost). */
const MAX_SHARED = 120;
/** Each paper follows at most this many of its rarest features. */
const FEATURES_PER_PAPER = 16;
const WEIGHT = { c: 3, t: 2, w: 1 } as const;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
const STOP = new Set(
  'with from that this into their than through towards toward using based large language model models multimodal vision visual image images learning data 我们 一个 以及 通过 使用 进行 可以 模型 数据 方法 提出 能力 实现 其中 同时 不同 之后 然后 这些 作为 大模型'.split(
    ' ',
  ),
);

/** The words of a title or note worth relating papers by: Latin words of 4+ letters, Chinese words of 2+ characters. */
export function relatedWords(text: string): string[] {
  const out = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (!isWordLike || STOP.has(segment)) continue;
    if (HAN.test(segment) ? segment.length >= 2 : /^[a-z][a-z0-9-]{3,}$/.test(segment)) out.add(segment);
  }
  return [...out];
}

/** Up to RELATED_COUNT related papers for each input paper, best first. */
export function relatedPapers(papers: readonly RelatedInput[]): Related[][] {
  const features = papers.map((paper) => {
    const own = new Map<string, string>(); // feature → what to show for it
    for (const [id, form] of paper.concepts) own.set(`c:${id}`, form);
    for (const { slug, tag } of paper.tags) own.set(`t:${slug}`, `#${tag}`);
    for (const word of relatedWords(paper.text)) own.set(`w:${word}`, word);
    return own;
  });
  const postings = new Map<string, number[]>();
  features.forEach((own, index) => {
    for (const feature of own.keys()) {
      const list = postings.get(feature);
      if (list) list.push(index);
      else postings.set(feature, [index]);
    }
  });
  const total = papers.length;
  const weightOf = (feature: string) => {
    const held = postings.get(feature)!.length;
    return held > MAX_SHARED || held < 2 ? 0 : WEIGHT[feature[0] as keyof typeof WEIGHT] * Math.log(1 + total / held);
  };
  const weights = new Map([...postings.keys()].map((feature) => [feature, weightOf(feature)]));

  return features.map((own, index) => {
    const followed = [...own.keys()]
      .filter((feature) => weights.get(feature)! > 0)
      .sort((a, b) => weights.get(b)! - weights.get(a)! || (a < b ? -1 : 1))
      .slice(0, FEATURES_PER_PAPER);
    const scores = new Map<number, { score: number; shared: string[]; strong: number }>();
    for (const feature of followed) {
      const weight = weights.get(feature)!;
      for (const other of postings.get(feature)!) {
        if (other === index || papers[other]!.key === papers[index]!.key) continue;
        const current = scores.get(other) ?? { score: 0, shared: [], strong: 0 };
        current.score += weight;
        current.shared.push(feature);
        if (feature[0] !== 'w') current.strong++;
        scores.set(other, current);
      }
    }
    return [...scores]
      .filter(([, { strong, shared }]) => strong > 0 || shared.length >= 2)
      .sort(([a, x], [b, y]) => y.score - x.score || (papers[a]!.id < papers[b]!.id ? -1 : 1))
      .slice(0, RELATED_COUNT)
      .map(([other, { score, shared }]) => ({
        index: other,
        score,
        shared: withoutRepeats(
          shared
            .sort((a, b) => (a[0] === b[0] ? weights.get(b)! - weights.get(a)! : 'ctw'.indexOf(a[0]!) - 'ctw'.indexOf(b[0]!)))
            .map((feature) => own.get(feature)!),
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
