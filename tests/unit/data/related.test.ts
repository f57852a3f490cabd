import { describe, expect, it } from 'vitest';
import { relatedPapers, relatedWords, RELATED_COUNT, type RelatedInput } from '../../../src/lib/data/related';

const paper = (id: string, extra: Partial<RelatedInput> = {}): RelatedInput => ({
  id,
  key: id,
  concepts: new Map(),
  tags: [],
  text: '',
  ...extra,
});

describe('related papers', () => {
  it('prefers shared rare concepts and tags, names them, and skips the same paper elsewhere', () => {
    const papers = [
      paper('a', {
        concepts: new Map([
          ['hallucination', '幻觉'],
          ['dpo', 'DPO'],
        ]),
        tags: [{ slug: 'dpo', tag: 'dpo' }],
      }),
      paper('a-again', { key: 'a', concepts: new Map([['hallucination', '幻觉']]) }),
      paper('b', {
        concepts: new Map([
          ['hallucination', 'hallucination'],
          ['dpo', 'DPO'],
        ]),
        tags: [{ slug: 'dpo', tag: 'dpo' }],
      }),
      paper('c', { concepts: new Map([['dpo', 'DPO']]) }),
      paper('d', { concepts: new Map([['video', '视频']]) }),
      paper('e', { concepts: new Map([['video', 'video']]) }),
    ];
    const related = relatedPapers(papers);
    const ofA = related[0]!.map((r) => papers[r.index]!.id);
    expect(ofA).toEqual(['b', 'c']);
    // concepts before tags
    expect(related[0]![0]!.shared.slice(0, 2).sort()).toEqual(['DPO', '幻觉']);
    expect(related[0]![0]!.shared).toHaveLength(2); // #dpo says what DPO says
    expect(ofA).not.toContain('a-again');
    expect(related[4]!.map((r) => papers[r.index]!.id)).toEqual(['e']);
  });

  /** Papers about nothing in particular, so a word of the papers under test is rare in the collection. */
  const background = (count: number) =>
    Array.from({ length: count }, (_, i) => paper(`bg${i}`, { text: `Topic${i} subject${i}` }));

  it('relates by two or more shared distinctive words when nothing else is shared, and lists at most five', () => {
    const papers = [
      ...Array.from({ length: 9 }, (_, i) => paper(`p${i}`, { text: `Matryoshka nesting tokens ${i}` })),
      paper('lonely', { text: 'Matryoshka only' }),
      ...background(100),
    ];
    const related = relatedPapers(papers);
    expect(related[0]!.length).toBe(RELATED_COUNT);
    expect(related[0]![0]!.shared).toEqual(['nesting', 'tokens', 'matryoshka']); // the rarer first
    expect(related[9]).toEqual([]); // one shared word is not enough
  });

  it('lists a paper of two sections once, through whichever of its entries is closer', () => {
    const papers = [
      paper('qwen2-vl', { text: 'Qwen2-VL dynamic resolution rotary embeddings' }),
      paper('benchmarks/mme-realworld', { key: 'mme', text: 'MME-RealWorld dynamic resolution' }),
      paper('mllm/mme-realworld', { key: 'mme', text: 'MME-RealWorld dynamic resolution rotary' }),
      paper('other', { text: 'dynamic resolution' }),
      ...background(100),
    ];
    const ids = relatedPapers(papers)[0]!.map((r) => papers[r.index]!.id);
    expect(ids).toEqual(['mllm/mme-realworld', 'other']);
  });

  it('never gives a common word as the reason, whether common in English or in the collection', () => {
    const papers = [
      paper('a', { text: 'World models of the real world: a new benchmark of physical plausibility' }),
      paper('b', { text: 'The world in motion: a new benchmark of physical plausibility' }),
      // "benchmark" is in a fifth of the collection: it says nothing of these two.
      ...Array.from({ length: 30 }, (_, i) => paper(`bench${i}`, { text: `Benchmark ${i}` })),
      ...background(120),
    ];
    const [ofA] = relatedPapers(papers);
    expect(ofA!.map((r) => papers[r.index]!.id)).toEqual(['b']);
    expect(ofA![0]!.shared).toEqual(['physical', 'plausibility']);
    expect(relatedWords('The new world, via a better model')).toEqual(new Map());
  });

  it('relates a paper through its abstract, the shared words as the reason', () => {
    const papers = [
      paper('with-abstract', {
        text: 'Qwen2.5-Omni technical report',
        abstract: 'We study speculative decoding for streaming speech synthesis, with thinker and talker modules.',
      }),
      paper('decoding', { text: 'Faster speculative decoding for streaming speech' }),
      paper('unrelated', { text: 'Chart understanding with program synthesis' }),
      ...background(100),
    ];
    const related = relatedPapers(papers);
    expect(related[0]!.map((r) => papers[r.index]!.id)).toEqual(['decoding']);
    expect(related[0]![0]!.shared).toEqual(expect.arrayContaining(['speculative', 'decoding', 'streaming', 'speech']));
    expect(related[1]!.map((r) => papers[r.index]!.id)).toEqual(['with-abstract']);
  });

  it('does not relate two papers by words only their abstracts share', () => {
    const papers = [
      paper('a', { text: 'Chart reading', abstract: 'Speculative decoding with streaming speech synthesis.' }),
      paper('b', { text: 'Protein folding', abstract: 'Speculative decoding with streaming speech synthesis.' }),
      ...background(100),
    ];
    expect(relatedPapers(papers)[0]).toEqual([]);
  });

  it('takes words of titles and notes with their counts, one feature for a plural and its singular', () => {
    expect(relatedWords('Detecting Hallucinations with 细粒度奖励模型 and a model hallucinations')).toEqual(
      new Map([
        ['detecting', 1],
        ['hallucinations', 2],
      ]),
    );
    expect(relatedWords('with the model 我们')).toEqual(new Map());
    const papers = [
      paper('a', { text: 'Hallucinations detector calibration' }),
      paper('b', { text: 'A hallucination detector' }),
      ...background(30),
    ];
    expect(relatedPapers(papers)[0]![0]!.shared).toEqual(['hallucination', 'detector']);
  });

  it('stays linear: 20,000 papers sharing one common concept finish quickly and relate within the cap', () => {
    const papers = Array.from({ length: 20_000 }, (_, i) =>
      paper(`p${i}`, {
        concepts: new Map([
          ['common', 'x'],
          [`rare${i % 500}`, 'y'],
        ]),
        text: `word${i % 700} other${i % 300}`,
      }),
    );
    const related = relatedPapers(papers);
    expect(related).toHaveLength(20_000);
    expect(related[0]!.length).toBeGreaterThan(0);
  });
});
