import { describe, expect, it } from 'vitest';
import { pagefindQuery } from '../../../src/client/search/query';

describe('pagefindQuery', () => {
  it.each([
    ['幻觉', '幻觉'],
    ['视频理解', '视频 理解'],
    ['Qwen2-VL 幻觉', 'Qwen2 VL 幻觉'],
    ['“早期融合”', '早期 融合'],
    ['ＤＰＯ', 'DPO'],
    ['  DPO   reward ', 'DPO reward'],
    ['+ - ，。', ''],
  ])('%s → %s', (typed, query) => {
    expect(pagefindQuery(typed)).toBe(query);
  });
});
