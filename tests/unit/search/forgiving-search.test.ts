import { describe, expect, it } from 'vitest';
import { markedExcerpt } from '../../../src/client/search/hits';
import { FOLDED_MARK, foldChinese, foldedRuns, foldTableFile, parseFoldTable } from '../../../src/lib/search/chinese-fold';
import { chineseFoldTable } from '../../../src/lib/search/chinese-fold-table';
import { compileGlossary, conceptToken, indexKeywords } from '../../../src/lib/search/glossary';
import {
  correctionFor,
  editDistance,
  latinWords,
  parseVocabulary,
  vocabularyFile,
  vocabularyOf,
} from '../../../src/lib/search/spelling';

const table = chineseFoldTable();

describe('Chinese folded to Simplified', () => {
  it('folds Traditional and Taiwan/Hong Kong variant characters, character for character', () => {
    for (const [traditional, simplified] of [
      ['強化學習', '强化学习'],
      ['幻覺', '幻觉'],
      ['視頻', '视频'],
      ['對於', '对于'],
      ['裡面', '里面'],
    ]) {
      expect(foldChinese(traditional!, table)).toBe(simplified);
      expect(foldChinese(simplified!, table)).toBe(simplified);
    }
  });

  it('keeps the length, Latin text and Simplified-only characters (著, 么) as they are', () => {
    const text = 'DPO 與 偏好優化：显著提升，什么 Qwen2-VL';
    expect(foldChinese(text, table)).toHaveLength(text.length);
    expect(foldChinese(text, table)).toBe('DPO 与 偏好优化：显著提升，什么 Qwen2-VL');
  });

  it('lists only the runs folding changes, folded, for the page to index', () => {
    expect(foldedRuns('偏好优化 and 幻覺問題 and 视频', table)).toEqual(['幻觉问题']);
    expect(foldedRuns('全是简体的笔记', table)).toEqual([]);
  });

  it('writes the table the client fetches with only the pairs the index can match, and reads it back', () => {
    const file = foldTableFile(table, ['幻觉 视频']);
    const read = parseFoldTable(JSON.parse(file));
    expect(read.get('覺')).toBe('觉');
    expect(read.get('頻')).toBe('频');
    expect(read.has('學')).toBe(false); // 学 is nowhere in the index
    expect(() => parseFoldTable('覺')).toThrow(/pairs/);
  });

  it('gives a page in Traditional the concept tokens and the folded text a Simplified query finds', () => {
    const glossary = compileGlossary([{ id: 'hallucination', en: ['hallucination'], zh: ['幻觉'] }]);
    const keywords = indexKeywords('多模態模型的幻覺', glossary, table);
    expect(keywords.tokens).toEqual([conceptToken('hallucination')]);
    expect(keywords.folded).toEqual(['多模态模型的幻觉']);
    expect(indexKeywords('多模态模型的幻觉', glossary, table).folded).toEqual([]);
  });

  it('excerpts a page in Traditional as written, marking what the folded query matched', () => {
    const content = '這篇論文研究視頻中的幻覺問題';
    expect(markedExcerpt(content, ['幻觉'], foldChinese(content, table))).toBe('這篇論文研究視頻中的<mark>幻覺</mark>問題');
    expect(markedExcerpt(content, ['视频', '幻觉'], foldChinese(content, table))).toBe(
      '這篇論文研究<mark>視頻</mark>中的<mark>幻覺</mark>問題',
    );
    expect(markedExcerpt(`${content} ${FOLDED_MARK}`, ['图像'])).toBe('');
  });
});

describe('misspellings', () => {
  const vocabulary = new Map([
    ['hallucination', 6],
    ['preference', 39],
    ['preferences', 12],
    ['reasoning', 43],
    ['reason', 2],
    ['aligned', 5],
    ['aligner', 4],
  ]);

  it('counts a dropped, doubled, swapped or wrong letter as one edit', () => {
    expect(editDistance('halucination', 'hallucination', 2)).toBe(1);
    expect(editDistance('reasonning', 'reasoning', 2)).toBe(1);
    expect(editDistance('preferance', 'preference', 2)).toBe(1);
    expect(editDistance('imgae', 'image', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3); // stops past the limit
  });

  it('corrects to the closest word far more papers hold', () => {
    expect(correctionFor('halucination', 0, vocabulary)).toBe('hallucination');
    expect(correctionFor('Reasonning', 0, vocabulary)).toBe('reasoning');
    expect(correctionFor('preferance', 5, vocabulary)).toBe('preference');
    expect(correctionFor('prefferance', 0, vocabulary)).toBe('preference'); // two edits, a long word
    expect(correctionFor('reasn', 0, vocabulary)).toBe('reason'); // one edit, however few papers hold it
  });

  it('leaves short words, words of the index, and words nothing clearly better is close to', () => {
    expect(correctionFor('raesn', 0, vocabulary)).toBeUndefined(); // two edits, a short word
    expect(correctionFor('resn', 0, vocabulary)).toBeUndefined(); // four letters
    expect(correctionFor('aligner', 4, vocabulary)).toBeUndefined(); // aligned: 5, not three times 4
    expect(correctionFor('preference', 39, vocabulary)).toBeUndefined();
    expect(correctionFor('zzyzx', 0, vocabulary)).toBeUndefined();
  });

  it('builds the vocabulary from indexed text as Pagefind splits words, without concept tokens', () => {
    expect(latinWords('OneVision: Qwen2-VL')).toEqual(['one', 'vision', 'qwen', 'vl']);
    const built = vocabularyOf(['Hallucination in video', 'hallucinations qxqabcdefg', 'video'], /^qxq/);
    expect(built).toEqual(
      new Map([
        ['hallucination', 1],
        ['video', 2],
        ['hallucinations', 1],
      ]),
    );
    expect(parseVocabulary(JSON.parse(vocabularyFile(built)))).toEqual(built);
    expect(vocabularyFile(built)).toBe('{"hallucination":1,"hallucinations":1,"video":2}');
  });
});
