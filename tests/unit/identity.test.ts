import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl } from '../../src/lib/arxiv';
import { inferLinkKind } from '../../src/schemas/link';
import { paperKeys, SamePaperIndex, type PaperIdentity } from '../../src/lib/same-paper';
import { entrySlug, uniqueSlug } from '../../scripts/lib/list/slug';
import { shortTitleKey, titleKey } from '../../src/lib/title-key';

describe('arxivIdFromUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2409.12191', '2409.12191'],
    ['https://arxiv.org/pdf/2409.12191', '2409.12191'],
    ['https://arxiv.org/pdf/2409.12191v2.pdf', '2409.12191'],
    ['https://www.arxiv.org/abs/2408.10433', '2408.10433'],
    ['https://huggingface.co/papers/2409.02889', '2409.02889'],
    ['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
    ['https://zhuanlan.zhihu.com/p/688215018', undefined],
    ['https://github.com/org/2409.12191', undefined],
    ['https://arxiv.org/abs/2413.12345', undefined],
  ])('%s → %s', (url, id) => expect(arxivIdFromUrl(url)).toBe(id));
});

describe('titleKey', () => {
  it('folds case, full-width punctuation and spacing so the same title matches', () => {
    expect(titleKey('ChatGLM-Math：Improving Math')).toBe(titleKey('ChatGLM-Math: improving  math'));
    expect(titleKey('Emu:Generative pretraining')).toBe('emu generative pretraining');
  });
  it('keeps Chinese characters', () => {
    expect(titleKey('万字长文总结（Video篇）')).toBe('万字长文总结 video篇');
  });
  it('names the part before a subtitle', () => {
    expect(shortTitleKey('Mini-Gemini: Mining the Potential')).toBe('mini gemini');
    expect(shortTitleKey('Yi-VL')).toBeUndefined();
  });
});

describe('entrySlug', () => {
  it('prefers the arXiv id, else the title words cut at a word boundary', () => {
    expect(entrySlug('Anything', '2409.12191')).toBe('2409.12191');
    expect(entrySlug('MM1.5: Methods, Analysis & Insights from Multimodal LLM Fine-tuning')).toBe(
      'mm1-5-methods-analysis-insights-from-multimodal-llm-fine',
    );
    expect(entrySlug('MM1.5: Methods, Analysis & Insights from Multimodal LLM Fine-tuning').length).toBeLessThanOrEqual(60);
  });
  it('gives titles without ASCII words a stable hash id', () => {
    expect(entrySlug('对齐综述')).toMatch(/^paper-[0-9a-f]{8}$/);
    expect(entrySlug('对齐综述')).toBe(entrySlug('对齐综述'));
  });
  it('numbers a taken slug', () => {
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});

describe('inferLinkKind', () => {
  it.each([
    ['https://arxiv.org/abs/2409.12191', 'paper'],
    ['https://huggingface.co/papers/2409.02889', 'paper'],
    ['https://openreview.net/forum?id=7lpDn2MhM2', 'openreview'],
    ['https://github.com/SkyworkAI/Vitron', 'code'],
    ['https://zhuanlan.zhihu.com/p/688215018', 'notes'],
    ['https://mp.weixin.qq.com/s/lg7ueR9b-om0ecUEoT4x8w', 'notes'],
    ['https://llava-rlhf.github.io/', 'project'],
    ['https://hub.baai.ac.cn/paper/baeaa2a4', 'paper'],
    ['https://example.com/x', 'other'],
  ])('%s → %s', (url, kind) => expect(inferLinkKind(url)).toBe(kind));
});

describe('paperKeys', () => {
  const paper = (title: string, url = 'https://zhuanlan.zhihu.com/p/1', arxiv?: string) => ({
    title,
    links: [{ kind: 'notes' as const, url }],
    arxiv,
  });

  it('groups by arXiv id, by title key, and by a short title naming a longer one', () => {
    const keys = paperKeys([
      paper('NExT-GPT: Any-to-Any Multimodal LLM'),
      paper('NExT-GPT: Any-to-Any Multimodal LLM', 'https://arxiv.org/abs/2309.05519'),
      paper('Mini-Gemini'),
      paper('Mini-Gemini: Mining the Potential of Multi-modality Vision Language Models', 'https://arxiv.org/abs/2403.18814'),
      paper('Something else', 'https://zhuanlan.zhihu.com/p/1'),
    ]);
    expect(keys[0]).toBe('arxiv:2309.05519');
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe('arxiv:2403.18814');
    expect(keys[3]).toBe(keys[2]);
    expect(keys[4]).toBe('title:something else');
  });

  it('does not treat a shared notes URL as the same paper', () => {
    const [a, b] = paperKeys([paper('Flamingo'), paper('BLIP-2')]);
    expect(a).not.toBe(b);
  });
});

describe('SamePaperIndex (the same-paper rule of validation, import and npm run new)', () => {
  const paper = (title: string, url = 'https://example.org/x', arxiv?: string) => ({
    title,
    arxiv,
    links: [{ kind: 'paper' as const, url }],
  });

  it('finds an earlier entry by title key, whatever the case and punctuation', () => {
    const index = new SamePaperIndex<string>();
    index.add(paper('Qwen2-VL: Enhancing Perception'), 'a');
    expect(index.find(paper('qwen2 vl — enhancing perception'))).toEqual({ item: 'a', reason: { by: 'title' } });
  });

  it('finds an earlier entry by an arXiv id from its field or its links, without the version', () => {
    const index = new SamePaperIndex<string>();
    index.add(paper('One title', 'https://arxiv.org/abs/2409.12191v2'), 'a');
    expect(index.find(paper('Another title', 'https://example.org/y', '2409.12191'))).toEqual({
      item: 'a',
      reason: { by: 'arxiv', id: '2409.12191' },
    });
  });

  it('lists every earlier entry a paper shares a token with, title first, each once', () => {
    const index = new SamePaperIndex<string>();
    index.add(paper('Same title', 'https://example.org/1'), 'by-title');
    index.add(paper('Other', 'https://arxiv.org/abs/2401.00001'), 'by-arxiv');
    expect(index.findAll(paper('Same Title', 'https://arxiv.org/pdf/2401.00001')).map(({ item }) => item)).toEqual([
      'by-title',
      'by-arxiv',
    ]);
    expect(index.find(paper('Unrelated', 'https://example.org/2'))).toBeUndefined();
  });

  it('finds a title that names another before its subtitle, in either order, as paperKeys groups them', () => {
    const shortFirst = new SamePaperIndex<string>();
    shortFirst.add(paper('Mini-Gemini', 'https://example.org/1'), 'short');
    expect(shortFirst.find(paper('Mini-Gemini: Mining the Potential', 'https://example.org/2'))).toEqual({
      item: 'short',
      reason: { by: 'name' },
    });
    const longFirst = new SamePaperIndex<string>();
    longFirst.add(paper('Mini-Gemini: Mining the Potential', 'https://example.org/2'), 'long');
    expect(longFirst.find(paper('Mini-Gemini', 'https://example.org/1'))?.item).toBe('long');
    const keys = paperKeys([
      paper('Mini-Gemini', 'https://example.org/1'),
      paper('Mini-Gemini: Mining the Potential', 'https://example.org/2'),
    ]);
    expect(keys[0]).toBe(keys[1]);
  });

  it('is one transitive rule: a chain of three is one paper for the index and for paperKeys, in any order', () => {
    // a and c share nothing; b shares its arXiv id with a and its title with c.
    const a = paper('Foo: A Model', 'https://arxiv.org/abs/2401.00001');
    const b = paper('Foo Bar', 'https://arxiv.org/pdf/2401.00001v2');
    const c = paper('Foo Bar', 'https://github.com/foo/bar');
    for (const order of [
      [a, b, c],
      [a, c, b],
      [c, a, b],
    ]) {
      expect(new Set(paperKeys(order))).toEqual(new Set(['arxiv:2401.00001']));
      const index = new SamePaperIndex<PaperIdentity>();
      for (const entry of order) index.add(entry, entry);
      expect(index.groups()).toEqual([order]);
    }
    const index = new SamePaperIndex<string>();
    index.add(a, 'a');
    index.add(c, 'c');
    expect(index.groups()).toEqual([['a'], ['c']]);
    index.add(b, 'b');
    expect(index.groups()).toEqual([['a', 'c', 'b']]);
    expect(index.chain('c', 'a')).toEqual([
      { item: 'b', reason: { by: 'title' } },
      { item: 'a', reason: { by: 'arxiv', id: '2401.00001' } },
    ]);
    // A fourth entry like c finds c directly and a through b.
    expect(index.findAll(paper('Foo Bar', 'https://example.org/4'))).toEqual([
      { item: 'c', reason: { by: 'title' } },
      { item: 'b', reason: { by: 'title' } },
      { item: 'a', reason: { by: 'chain', steps: [{ by: 'title' }, { by: 'arxiv', id: '2401.00001' }] } },
    ]);
  });
});
