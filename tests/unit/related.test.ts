import { describe, expect, it } from 'vitest';
import { relatedPapers, relatedWords, RELATED_COUNT, type RelatedInput } from '../../src/lib/related';

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

  it('relates by two or more shared words when nothing else is shared, and lists at most five', () => {
    const papers = Array.from({ length: 9 }, (_, i) => paper(`p${i}`, { text: `Matryoshka nesting tokens ${i}` }));
    papers.push(paper('lonely', { text: 'Matryoshka only' }));
    const related = relatedPapers(papers);
    expect(related[0]!.length).toBe(RELATED_COUNT);
    expect(related[9]).toEqual([]); // one shared word is not enough
  });

  it('takes words of titles and notes in both languages, without common ones', () => {
    expect(relatedWords('Detecting Hallucinations with 细粒度奖励模型 and a model')).toEqual(
      expect.arrayContaining(['detecting', 'hallucinations']),
    );
    expect(relatedWords('with the model 我们')).toEqual([]);
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
