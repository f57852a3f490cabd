import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl } from '../../../src/lib/arxiv';
import { inferLinkKind } from '../../../src/schemas/link';
import { paperKeys, SamePaperIndex, samePaperReason, type PaperIdentity } from '../../../src/lib/data/same-paper';
import { sectionDuplicates, type ValidEntry } from '../../../src/lib/validate/section-duplicates';
import { parseYaml } from '../../../src/lib/content/yaml-file';
import { entrySlug, uniqueSlug } from '../../../scripts/lib/list/slug';
import { shortTitleKey, titleKey } from '../../../src/lib/title-key';

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
  it('reads Unicode dashes and quotes as punctuation, and LaTeX markup as the text it prints', () => {
    expect(titleKey('Qwen2‑VL — “Enhancing” Model’s')).toBe(titleKey('Qwen2-VL - "Enhancing" Model\'s'));
    expect(titleKey(String.raw`$\pi_0$: A Vision-Language-Action Flow Model`)).toBe(
      titleKey('π0: A Vision-Language-Action Flow Model'),
    );
    expect(titleKey(String.raw`Schr\"odinger \textbf{Bridges} for $\alpha$-Divergence \& More`)).toBe(
      titleKey('Schrödinger Bridges for α-Divergence & More'),
    );
    expect(shortTitleKey(String.raw`\textsc{Mini}-Gemini: Mining`)).toBe('mini gemini');
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

describe('the same-paper rule (SamePaperIndex: validation and npm run new through section-duplicates; the site, sync and export through paperKeys)', () => {
  const paper = (title: string, url = 'https://example.org/x', arxiv?: string): PaperIdentity => ({
    title,
    arxiv,
    links: [{ kind: 'paper' as const, url }],
  });
  /** The groups the index makes of `papers`, added in this order, by position. */
  const groupsOf = (...papers: PaperIdentity[]) => {
    const index = new SamePaperIndex<number>();
    papers.forEach((entry, position) => index.add(entry, position));
    return index.groups();
  };
  /** Papers as valid entries of one section, each named by its id (`a` is `mllm/a.yaml`). */
  const inSection = (papers: [string, PaperIdentity][]): ValidEntry[] =>
    papers.map(([id, entry]) => ({
      source: { ...parseYaml(''), file: `/content/mllm/${id}.yaml`, section: 'mllm', id, format: 'yaml', body: '', bodyLine: 1 },
      paper: { ...entry, added: '2024-01-01' },
    }));

  it('matches by title key, whatever the case and punctuation', () => {
    const a = paper('Qwen2-VL: Enhancing Perception', 'https://example.org/1');
    const b = paper('qwen2 vl — enhancing perception', 'https://example.org/2');
    expect(samePaperReason(a, b)).toEqual({ by: 'title' });
    expect(groupsOf(a, b)).toEqual([[0, 1]]);
    expect(groupsOf(a, paper('Qwen2-VL: Enhancing Reasoning', 'https://example.org/3'))).toEqual([[0], [1]]);
  });

  it('matches by an arXiv id from the field or the links, without the version', () => {
    const a = paper('One title', 'https://arxiv.org/abs/2409.12191v2');
    const b = paper('Another title', 'https://example.org/y', '2409.12191v1');
    expect(samePaperReason(a, b)).toEqual({ by: 'arxiv', id: '2409.12191' });
    expect(samePaperReason(b, a)).toEqual({ by: 'arxiv', id: '2409.12191' });
    expect(groupsOf(a, b)).toEqual([[0, 1]]);
    expect(groupsOf(a, paper('Third title', 'https://arxiv.org/abs/2409.12192'))).toEqual([[0], [1]]);
  });

  it('matches a title that names another before its subtitle, in either order, as paperKeys groups them', () => {
    const short = paper('Mini-Gemini', 'https://example.org/1');
    const long = paper('Mini-Gemini: Mining the Potential', 'https://example.org/2');
    expect(samePaperReason(short, long)).toEqual({ by: 'name' });
    expect(samePaperReason(long, short)).toEqual({ by: 'name' });
    expect(groupsOf(short, long)).toEqual([[0, 1]]);
    expect(groupsOf(long, short)).toEqual([[0, 1]]);
    const keys = paperKeys([short, long]);
    expect(keys[0]).toBe(keys[1]);
    // A longer name is another paper, whatever its subtitle shares.
    expect(samePaperReason(long, paper('Mini-Gemini Pro: Mining the Potential', 'https://example.org/3'))).toBeUndefined();
  });

  it('does not join unrelated papers, in the index or in validation', () => {
    const entries = inSection([
      ['a', paper('Flamingo', 'https://arxiv.org/abs/2204.14198')],
      ['b', paper('BLIP-2', 'https://arxiv.org/abs/2301.12597')],
    ]);
    expect(samePaperReason(entries[0]!.paper, entries[1]!.paper)).toBeUndefined();
    expect(groupsOf(entries[0]!.paper, entries[1]!.paper)).toEqual([[0], [1]]);
    expect(sectionDuplicates(entries)).toEqual([]);
  });

  it('joins every group a new entry matches: one by title, another by arXiv id', () => {
    const index = new SamePaperIndex<string>();
    index.add(paper('Same title', 'https://example.org/1'), 'by-title');
    index.add(paper('Other', 'https://arxiv.org/abs/2401.00001'), 'by-arxiv');
    index.add(paper('Unrelated', 'https://example.org/2'), 'unrelated');
    expect(index.groups()).toEqual([['by-title'], ['by-arxiv'], ['unrelated']]);
    index.add(paper('Same Title', 'https://arxiv.org/pdf/2401.00001'), 'both');
    expect(index.groups()).toEqual([['by-title', 'by-arxiv', 'both'], ['unrelated']]);
    expect(index.chain('both', 'by-title')).toEqual([{ item: 'by-title', reason: { by: 'title' } }]);
    expect(index.chain('both', 'by-arxiv')).toEqual([{ item: 'by-arxiv', reason: { by: 'arxiv', id: '2401.00001' } }]);
  });

  it('is one transitive rule: a chain of three is one paper for the index, paperKeys and validation, in any order', () => {
    // a and c share nothing; b shares its arXiv id with a and its title with c.
    const a = paper('Foo: A Model', 'https://arxiv.org/abs/2401.00001');
    const b = paper('Foo Bar', 'https://arxiv.org/pdf/2401.00001v2');
    const c = paper('Foo Bar', 'https://github.com/foo/bar');
    const byId = { a, b, c };
    expect(samePaperReason(a, c)).toBeUndefined();
    for (const order of ['abc', 'acb', 'bac', 'bca', 'cab', 'cba']) {
      const ordered = [...order].map((id) => [id, byId[id as keyof typeof byId]] as [string, PaperIdentity]);
      const papers = ordered.map(([, entry]) => entry);
      expect(groupsOf(...papers)).toEqual([[0, 1, 2]]);
      expect(new Set(paperKeys(papers))).toEqual(new Set(['arxiv:2401.00001']));
      // In one section, the second and third are listed twice, each against the first.
      const reported = sectionDuplicates(inSection(ordered)).map(({ entry, first }) => entry.source.id + first.source.id);
      expect(reported, order).toEqual([order[1]! + order[0]!, order[2]! + order[0]!]);
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
    // A fourth entry like c reaches a through b, the shortest way.
    index.add(paper('Foo Bar', 'https://example.org/4'), 'd');
    expect(index.groups()).toEqual([['a', 'c', 'b', 'd']]);
    expect(index.chain('d', 'a')).toEqual([
      { item: 'b', reason: { by: 'title' } },
      { item: 'a', reason: { by: 'arxiv', id: '2401.00001' } },
    ]);
  });
});
