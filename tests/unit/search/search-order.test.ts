import { describe, expect, it } from 'vitest';
import { newestFirst, parseFragment, ranksOf } from '../../../src/lib/search/search-order';

const fragmentText = (fragment: unknown) => `pagefind_dcd${JSON.stringify(fragment)}`;

describe('parseFragment', () => {
  it('reads the page id, URL, added date and indexed text of a paper', () => {
    const text = fragmentText({ url: '/mllm/2409.12191/', content: '…', meta: { title: 'Qwen2-VL', added: '2024-09-19' } });
    expect(parseFragment('fragment/zh_1234567.pf_fragment', text)).toEqual({
      id: 'zh_1234567',
      url: '/mllm/2409.12191/',
      added: '2024-09-19',
      content: '…',
    });
    expect(parseFragment('pagefind/fragment/zh_89abcde.pf_fragment', text).id).toBe('zh_89abcde');
  });

  it('fails, naming the file, when the added date is missing', () => {
    expect(() => parseFragment('fragment/zh_1234567.pf_fragment', fragmentText({ url: '/x/', meta: {} }))).toThrow(
      /zh_1234567.*"added"/,
    );
  });

  it("fails on text without Pagefind's marker and on files that are not fragments", () => {
    expect(() => parseFragment('fragment/zh_1.pf_fragment', '{"url":"/x/"}')).toThrow(/pagefind_dcd/);
    expect(() => parseFragment('index/zh_1.pf_index', fragmentText({ url: '/x/', meta: { added: '2024-01-01' } }))).toThrow(
      /not a Pagefind fragment/,
    );
  });
});

describe('newestFirst', () => {
  it('orders by added date, newest first, and same-day papers by URL', () => {
    const papers = [
      { id: 'a', url: '/mllm/b/', added: '2024-01-02' },
      { id: 'b', url: '/mllm/a/', added: '2024-01-02' },
      { id: 'c', url: '/survey/z/', added: '2025-06-30' },
      { id: 'd', url: '/survey/y/', added: '2023-12-31' },
    ];
    expect(newestFirst(papers)).toEqual(['c', 'b', 'a', 'd']);
    expect(newestFirst([...papers].reverse())).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('ranksOf', () => {
  it('gives each id its place in the file', () => {
    expect([...ranksOf(['c', 'b', 'a'])]).toEqual([
      ['c', 0],
      ['b', 1],
      ['a', 2],
    ]);
  });
});
