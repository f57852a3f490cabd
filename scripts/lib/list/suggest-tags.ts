import { serializeEntry, type EntrySource } from '../../../src/lib/content/entry-files';
import { paperSchema, type PaperInput } from '../../../src/schemas/paper';

/**
 * Topic tags suggested from a paper's title and note, English or Chinese. The rules are plain
 * keyword patterns, so a suggestion is easy to check and a wrong one is fixed by editing the file;
 * `npm run tags:suggest` only ever adds tags.
 */
export const TOPIC_RULES: readonly { tag: string; pattern: RegExp }[] = [
  { tag: 'hallucination', pattern: /hallucinat|幻觉/i },
  { tag: 'dpo', pattern: /DPO|direct preference optimi|直接偏好优化/i },
  { tag: 'preference optimization', pattern: /preference optimi|preference learning|偏好优化|偏好学习|偏好数据/i },
  { tag: 'rlhf', pattern: /RLHF|RLAIF|reinforcement learning from (human|ai) feedback|\bPPO\b/i },
  { tag: 'reward model', pattern: /reward model|奖励模型|\breward\b/i },
  { tag: 'video', pattern: /video|视频/i },
  { tag: 'high resolution', pattern: /high[- ]resolution|高分辨率|any resolution|分辨率/i },
  { tag: 'benchmark', pattern: /benchmark|评测基准|基准测试/i },
  { tag: 'dataset', pattern: /dataset|数据集|image[- ]text pair/i },
  { tag: 'instruction tuning', pattern: /instruction[- ]tuning|指令微调|指令调整|instruction/i },
  { tag: 'mixture of experts', pattern: /mixture of (modality-aware )?experts|\bMoE\b|MoE-/i },
  { tag: 'audio', pattern: /audio|speech|音频|语音|music/i },
  { tag: 'any-to-any', pattern: /any-to-any|any2any|omni|全模态|四模态/i },
  { tag: 'interleaved', pattern: /interleav|交错/i },
  { tag: 'math', pattern: /\bmath|数学/i },
  { tag: 'embodied', pattern: /embodied|具身|robot|机器人/i },
  { tag: 'reasoning', pattern: /reasoning|chain-of-thought|\bCoT\b|推理/i },
  { tag: 'safety', pattern: /safety|安全|adversarial|对抗/i },
  { tag: 'efficiency', pattern: /efficient|efficiency|高效|轻量/i },
];

export function suggestTopicTags(title: string, note = ''): string[] {
  const text = `${title}\n${note}`;
  return TOPIC_RULES.filter((rule) => rule.pattern.test(text)).map((rule) => rule.tag);
}

/** Existing tags first, in their order, then the suggestions not already there (case-insensitive). */
export function mergeTags(existing: readonly string[] = [], suggested: readonly string[]): string[] {
  const seen = new Set(existing.map((tag) => tag.toLowerCase()));
  return [...existing, ...suggested.filter((tag) => !seen.has(tag.toLowerCase()))];
}

/** For each valid entry that would gain tags: the tags it gains and its new file text. */
export function planTagSuggestions(sources: readonly EntrySource[]): { file: string; added: string[]; text: string }[] {
  return sources.flatMap((source) => {
    const parsed = paperSchema.safeParse(source.data);
    if (!parsed.success) return [];
    const input = source.data as PaperInput;
    const tags = mergeTags(input.tags, suggestTopicTags(parsed.data.title, parsed.data.note));
    const added = tags.slice(input.tags?.length ?? 0);
    return added.length
      ? [{ file: source.file, added, text: serializeEntry({ ...input, tags }, source.format, source.body) }]
      : [];
  });
}
