import { describe, expect, it } from 'vitest';
import { parseEntrySource, serializeEntry } from '../../../src/lib/content/entry-files';
import { mergeTags, planTagSuggestions, suggestTopicTags } from '../../../scripts/lib/list/suggest-tags';

describe('suggestTopicTags', () => {
  it.each([
    [
      'Beyond Hallucinations: Hallucination-Aware Direct Preference Optimization',
      '',
      ['hallucination', 'dpo', 'preference optimization'],
    ],
    ['Some Title', '本文将消除幻觉视为一种模型偏好', ['hallucination']],
    ['Chat-UniVi', '统一表示图像和视频', ['video']],
    ['Qwen2-VL', '精细的动态分辨率策略', ['high resolution']],
    ['MoE-LLaVA: Mixture of Experts for Large Vision-Language Models', '', ['mixture of experts']],
    ['KTO', '不需要成对数据的偏好优化', ['preference optimization']],
    ['Flamingo: a Visual Language Model for Few-Shot Learning', 'LLM每一层创建额外的block处理视觉信息', []],
  ])('%s / %s → %j', (title, note, tags) => {
    expect(suggestTopicTags(title, note)).toEqual(tags);
  });
});

describe('mergeTags', () => {
  it('keeps existing tags first and adds only new ones, ignoring case', () => {
    expect(mergeTags(['Video', 'mine'], ['video', 'dpo'])).toEqual(['Video', 'mine', 'dpo']);
  });
});

describe('planTagSuggestions', () => {
  const entry = (text: string, file = '/c/mllm/x.yaml') => parseEntrySource(file, text);
  const base = {
    title: 'A video paper',
    links: [{ kind: 'paper' as const, url: 'https://arxiv.org/abs/2401.00001' }],
    added: '2024-01-01',
  };

  it('adds missing tags to an entry and keeps an MDX body', () => {
    const [change] = planTagSuggestions([
      entry(serializeEntry({ ...base, tags: ['mine'] }, 'mdx', 'Body **text**.'), '/c/mllm/x.mdx'),
    ]);
    expect(change!.added).toEqual(['video']);
    const written = entry(change!.text, '/c/mllm/x.mdx');
    expect(written.data).toMatchObject({ tags: ['mine', 'video'] });
    expect(written.body.trim()).toBe('Body **text**.');
  });

  it('leaves entries that already have their tags, and invalid entries, alone', () => {
    expect(planTagSuggestions([entry(serializeEntry({ ...base, tags: ['video'] })), entry('title: [broken\n')])).toEqual([]);
  });
});
