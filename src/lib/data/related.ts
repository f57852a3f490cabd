/**
 * "Related papers" for every paper page, chosen once per build from what papers are about: the
 * distinctive words they share in titles, notes and abstracts (TF-IDF over the collection), the
 * glossary concepts and the tags. A word, concept or tag common in English or in the collection
 * never relates two papers, nor is it ever a reason shown. Cost stays linear in the number of papers (see
 * relatedPapers).
 */
import { en as englishStopWords } from 'stopwords-iso/stopwords-iso.json';

export interface RelatedInput {
  /** Anything unique (the paper page path). */
  id: string;
  /** Papers with the same key are one paper in several sections: never related to each other, and listed once. */
  key: string;
  /** Concept ids, with the form this paper uses for each (for the reason shown). */
  concepts: ReadonlyMap<string, string>;
  /** Tags as written (their slug is the feature). */
  tags: readonly { slug: string; tag: string }[];
  /** Title and note, for their words. */
  text: string;
  /** The abstract of its scholarly record, for its words (weighted below the title's and note's). */
  abstract?: string;
}

export interface Related {
  /** Index into the input list. */
  index: number;
  score: number;
  /** What the two share, most telling first: concept forms, then #tags, then words. */
  shared: string[];
}

export const RELATED_COUNT = 5;
/** Each paper follows at most this many of its most distinctive features to find candidates… */
const FEATURES_FOLLOWED = 8;
/** …and at most this many papers of each feature, stopping once it has CANDIDATES. */
const POSTINGS_FOLLOWED = 100;
const CANDIDATES = 40;
/** A related paper shows at most this many reasons. */
const REASONS = 4;
/** A paper is scored on its this many most distinctive words (its TF-IDF signature). */
const SIGNATURE = 24;
/** A word in more than this share of papers says little about any of them (at any size past a few dozen). */
const MAX_DOCUMENT_SHARE = 0.1;
/** …but a feature of a handful of papers is never common, however small the collection. */
const MIN_COMMON = 5;
const WEIGHT = { c: 3, t: 2, w: 1 } as const;
/** How much one occurrence counts, by where it is: a title word says most about a paper. */
const FIELD_WEIGHT = { title: 3, abstract: 1 } as const;

/**
 * Words too common to say what a paper is about: English's (stopwords-iso's list: "world", "new",
 * "towards") and this field's own ("model", "multimodal", "image").
 */
const STOP = new Set([
  ...englishStopWords,
  // what every abstract says of itself, whatever it is about
  ...'approach achieve achieves achieved achieving explore explores exploring exploration potential paradigm paradigms enhance enhances enhancing enhanced capability capabilities mechanism mechanisms introduce introduces introducing introduced process processes conventional support supports comprehensive effective effectively framework frameworks perspective perspectives series novel propose proposes present presents presenting demonstrate demonstrates demonstrated significant significantly substantially substantial extensive experiments experimental existing previous prior recent recently improve improves improved improving improvement improvements outperform outperforms outperforming superior remarkable remarkably various diverse leverage leverages leveraging address addresses addressing challenge challenges challenging key critical crucial essential study studies analysis design designed strategy strategies technique techniques solution solutions problem problems issue issues limitation limitations insight insights finding findings furthermore additionally specifically notably overall competitive comparable achieve reveal reveals conduct conducted enable enables enabling effectiveness superiority importantly'.split(
    ' ',
  ),
  ...'model models multimodal vision visual image images learning data language languages large paper propose proposed approach method methods results task tasks based performance state art'.split(
    ' ',
  ),
]);

/** A word's plural and singular are one feature ("hallucinations", "hallucination"). */
function stem(word: string): string {
  return word.length > 4 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * The words of a text worth relating papers by, with how often each occurs: Latin words of 3+
 * letters (VQA, OCR), a hyphenated compound as one word ("multi-modal", "qwen2-vl": its parts say
 * less), neither stop words nor numbers. Chinese is left to the glossary concepts
 * (segmenting every note would cost more than all the rest).
 */
export function relatedWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g) ?? []) {
    if (word.length < 3) continue;
    if (STOP.has(word) || STOP.has(stem(word))) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

type Kind = 'c' | 't' | 'w';

/**
 * Up to RELATED_COUNT related papers for each input paper, best first, one item per paper however
 * many sections list it. Each paper's features are its concepts, tags and its SIGNATURE words of
 * highest TF-IDF; candidates come from its most distinctive features through an inverted index, a
 * bounded number of papers each, so each paper costs a bounded amount and the whole is linear; a
 * candidate is scored on what the two share, each feature weighted by its rarity (idf) and, for
 * words, by how much both papers use it.
 */
export function relatedPapers(papers: readonly RelatedInput[]): Related[][] {
  // Features as small integers: every later step is array and Map-of-number work.
  const ids = new Map<string, number>();
  const kinds: Kind[] = [];
  const idOf = (name: string, kind: Kind) => {
    let id = ids.get(`${kind}:${name}`);
    if (id === undefined) {
      id = kinds.length;
      ids.set(`${kind}:${name}`, id);
      kinds.push(kind);
    }
    return id;
  };
  // Per paper: feature → [what to show for it, how much the paper uses it]; and the words of its
  // title and note, which say what it is about (an abstract adds words to match them against).
  const primary = papers.map(() => new Set<number>());
  const own = papers.map((paper, index) => {
    const features = new Map<number, [string, number]>();
    for (const [id, form] of paper.concepts) if (!STOP.has(form.toLowerCase())) features.set(idOf(id, 'c'), [form, 1]);
    for (const { slug, tag } of paper.tags) if (!STOP.has(slug)) features.set(idOf(slug, 't'), [`#${tag}`, 1]);
    const words = new Map<number, [string, number]>();
    const add = (text: string, weight: number) => {
      for (const [word, count] of relatedWords(text)) {
        const id = idOf(stem(word), 'w');
        if (weight === FIELD_WEIGHT.title) primary[index]!.add(id);
        const [shown, before] = words.get(id) ?? [word, 0];
        words.set(id, [shown, before + count * weight]);
      }
    };
    add(paper.text, FIELD_WEIGHT.title);
    if (paper.abstract) add(paper.abstract, FIELD_WEIGHT.abstract);
    for (const [id, [shown, count]] of words) features.set(id, [shown, 1 + Math.log(count)]);
    return features;
  });
  const total = papers.length;
  const documents = kinds.map(() => 0);
  for (const features of own) for (const feature of features.keys()) documents[feature]!++;
  // A concept or tag in a tenth of the papers ("image") says as little as such a word does.
  const maxDocuments = Math.max(MIN_COMMON, Math.ceil(total * MAX_DOCUMENT_SHARE));
  const idf = documents.map((count, feature) =>
    count < 2 || count > maxDocuments ? 0 : WEIGHT[kinds[feature]!] * Math.log(1 + total / count),
  );
  // Each paper's features that can relate it, most distinctive first; words only its signature.
  const weight = (index: number, feature: number) => idf[feature]! * own[index]!.get(feature)![1];
  const signature = own.map((features) => {
    // Weights computed once per feature, not in the comparator: a paper with an abstract has ~150 words.
    const useful: [number, number][] = [];
    for (const [feature, [, use]] of features) if (idf[feature]! > 0) useful.push([feature, idf[feature]! * use]);
    const byWeight = (a: [number, number], b: [number, number]) => b[1] - a[1] || a[0] - b[0];
    const words = useful.filter(([feature]) => kinds[feature] === 'w').sort(byWeight);
    return [...useful.filter(([feature]) => kinds[feature] !== 'w'), ...words.slice(0, SIGNATURE)]
      .sort(byWeight)
      .map(([feature]) => feature);
  });
  const postings: number[][] = kinds.map(() => []);
  signature.forEach((features, index) => {
    for (const feature of features) postings[feature]!.push(index);
  });
  const order = (feature: number) => 'ctw'.indexOf(kinds[feature]!);

  return own.map((mine, index) => {
    const candidates = new Set<number>();
    const { key } = papers[index]!;
    // Rarest first: a feature few papers share finds the closest ones.
    const follow = [...signature[index]!].sort((a, b) => postings[a]!.length - postings[b]!.length || a - b);
    collect: for (const feature of follow.slice(0, FEATURES_FOLLOWED)) {
      const list = postings[feature]!;
      for (let i = 0; i < Math.min(list.length, POSTINGS_FOLLOWED); i++) {
        const other = list[i]!;
        if (other !== index && papers[other]!.key !== key) candidates.add(other);
        if (candidates.size >= CANDIDATES) break collect;
      }
    }
    const best = new Map<string, { index: number; score: number; shared: number[]; strong: number }>();
    for (const other of candidates) {
      const theirs = own[other]!;
      // A word both have only in their abstracts ("framework", "benchmarks") does not relate them.
      const shared = signature[index]!.filter(
        (feature) =>
          theirs.has(feature) && (kinds[feature] !== 'w' || primary[index]!.has(feature) || primary[other]!.has(feature)),
      );
      const score = shared.reduce(
        (sum, feature) =>
          sum + (kinds[feature] === 'w' ? Math.sqrt(weight(index, feature) * weight(other, feature)) : idf[feature]!),
        0,
      );
      const strong = shared.filter((feature) => kinds[feature] !== 'w').length;
      if (strong === 0 && shared.length < 2) continue;
      // One item per paper: of its entries in several sections, the one closest to this paper.
      const otherKey = papers[other]!.key;
      const kept = best.get(otherKey);
      if (!kept || score > kept.score || (score === kept.score && papers[other]!.id < papers[kept.index]!.id))
        best.set(otherKey, { index: other, score, shared, strong });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || (papers[a.index]!.id < papers[b.index]!.id ? -1 : 1))
      .slice(0, RELATED_COUNT)
      .map(({ index: other, score, shared }) => ({
        index: other,
        score,
        shared: withoutRepeats(
          shared
            .sort(
              (a, b) =>
                order(a) - order(b) ||
                Math.min(weight(index, b), weight(other, b)) - Math.min(weight(index, a), weight(other, a)),
            )
            .map((feature) => (kinds[feature] === 'w' ? sharedForm(feature, mine, own[other]!) : mine.get(feature)![0])),
        ).slice(0, REASONS),
      }));
  });
}

/** A word the two papers write differently ("hallucinations", "hallucination") is shown in the form both contain. */
function sharedForm(feature: number, mine: ReadonlyMap<number, [string, number]>, theirs: ReadonlyMap<number, [string, number]>) {
  const [form] = mine.get(feature)!;
  const [other] = theirs.get(feature)!;
  return form.length <= other.length ? form : other;
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
