import { describe, expect, it } from 'vitest';
import { cleanExcerpt } from '../../../src/client/search/excerpt';

/** Excerpts as Pagefind 1.6 returns them for this site's paper pages (`Title. Note. arXiv-id #tags`). */
describe('search result excerpts', () => {
  it.each([
    [
      'the whole title, then the note',
      "Qwen2-VL: Enhancing Vision-Language Model's Perception of the World at Any Resolution",
      "Qwen2-VL: Enhancing Vision-Language Model's Perception of the World at Any Resolution. 精细的动态分辨率策略+多模态旋转位置嵌入",
      '精细的动态分辨率策略+多模态旋转位置嵌入',
    ],
    [
      'marks in the title, and a tag pill at the end',
      'Video-LLaVA: Learning United Visual Representation by Alignment Before Projection',
      '<mark>Video</mark>-LLaVA: Learning United Visual Representation by Alignment Before Projection. 用视频特有的encoder提升视频理解能力而非image encoder. #<mark>video</mark>',
      '用视频特有的encoder提升视频理解能力而非image encoder',
    ],
    [
      'a window that starts inside the title, mid-word',
      'CLIP-DPO: Vision-Language Models as a Source of Preference for Fixing Hallucinations in LVLMs',
      '-<mark>DPO</mark>: Vision-Language Models as a Source of Preference for Fixing Hallucinations in LVLMs. 使用预训练的 CLIP 模型对 LVLM 自生成的标题',
      '使用预训练的 CLIP 模型对 LVLM 自生成的标题',
    ],
    [
      'a mark inside the note survives, the arXiv id and tags go',
      'Is DPO Superior to PPO for LLM Alignment? A Comprehensive Study',
      'Is <mark>DPO </mark>Superior to PPO for LLM Alignment? A Comprehensive Study. 在所有实验中，PPO始终优于<mark>DPO</mark>。. 2404.10719 #<mark>dpo</mark> #high resolution',
      '在所有实验中，PPO始终优于<mark>DPO</mark>',
    ],
    ['a leading ". "', 'T', '. a note about <mark>video</mark>', 'a note about <mark>video</mark>'],
  ])('%s', (_, title, excerpt, expected) => {
    const cleaned = cleanExcerpt(excerpt, title);
    expect(cleaned).toBe(expected);
    expect(cleaned).not.toMatch(/^[.\s]/);
  });
});
