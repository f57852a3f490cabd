import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileGlossary,
  conceptsIn,
  conceptToken,
  CONCEPT_TOKEN_PATTERN,
  expandQuery,
  hiddenAcronyms,
  matchedForms,
  termsOf,
  type Concept,
} from '../../../src/lib/search/glossary';
import { glossaryPath, loadGlossary, readGlossary } from '../../../src/lib/content/glossary-file';

const CONCEPTS: Concept[] = [
  { id: 'hallucination', en: ['hallucination'], zh: ['幻觉'] },
  { id: 'preference', en: ['preference'], zh: ['偏好'] },
  { id: 'dpo', en: ['direct preference optimization'], zh: ['直接偏好优化'], abbr: ['DPO'] },
  { id: 'rl', en: ['reinforcement learning'], zh: ['强化学习'], abbr: ['RL'] },
  { id: 'rlhf', en: ['reinforcement learning from human feedback'], zh: ['人类反馈强化学习'], abbr: ['RLHF'] },
  { id: 'high-resolution', en: ['high resolution'], zh: ['高分辨率'] },
];
const glossary = compileGlossary(CONCEPTS);

describe('concepts a text uses', () => {
  it('matches English at the start of words, any case and ending, as Pagefind matches a query word', () => {
    expect([...conceptsIn('Beyond Hallucinations: …', glossary).keys()]).toEqual(['hallucination']);
    expect(conceptsIn('dehallucination', glossary).size).toBe(0);
    expect(conceptsIn('High-Resolution images', glossary).get('high-resolution')).toEqual(['high resolution']);
  });

  it('matches Chinese anywhere, and names the forms used', () => {
    expect(conceptsIn('本文将消除幻觉视为一种模型偏好', glossary)).toEqual(
      new Map([
        ['hallucination', ['幻觉']],
        ['preference', ['偏好']],
      ]),
    );
  });

  it('finds an abbreviation inside a compound written in capitals, but not letters inside a word', () => {
    expect(conceptsIn('细粒度直接偏好优化(FDPO)', glossary).get('dpo')).toEqual(['直接偏好优化', 'DPO']);
    expect(conceptsIn('mDPO: conditional preference', glossary).has('dpo')).toBe(true);
    expect(conceptsIn('World Model on Million-Length Video', glossary).has('rl')).toBe(false);
    expect(conceptsIn('RLHF-V', glossary).has('rl')).toBe(true);
  });
});

describe('hidden acronyms', () => {
  it('are the glossary abbreviations a word holds where Pagefind starts no word', () => {
    expect(hiddenAcronyms('Fine-grained DPO (FDPO) and DDPO', glossary)).toEqual(['DPO']);
    expect(hiddenAcronyms('mDPO, HA-DPO, iDPO', glossary)).toEqual([]); // camelCase and hyphen split there
    expect(hiddenAcronyms('RLHF-V and MM-RLHF', glossary)).toEqual([]); // RL and RLHF start those words
    expect(hiddenAcronyms('RLAIF', glossary)).toEqual([]);
  });
});

describe('query terms', () => {
  it('takes the longest form where forms overlap, and whole words for abbreviations', () => {
    expect(termsOf('直接偏好优化', glossary).map((term) => term.concept.id)).toEqual(['dpo']);
    expect(termsOf('RLHF', glossary).map((term) => term.concept.id)).toEqual(['rlhf']);
    expect(termsOf('mDPO', glossary)).toEqual([]);
    expect(termsOf('hallucinations in video', glossary).map((term) => term.typed)).toEqual(['hallucinations']);
    expect(termsOf('DPO 偏好', glossary).map((term) => term.concept.id)).toEqual(['dpo', 'preference']);
  });

  it('replaces each term by its concept token and keeps the other words', () => {
    const expanded = expandQuery('LLaVA 幻觉', glossary)!;
    expect(expanded.text.split(/\s+/)).toEqual(['LLaVA', conceptToken('hallucination')]);
    expect(expandQuery('LLaVA', glossary)).toBeUndefined();
  });

  it('says which other form a paper found through the glossary uses', () => {
    const terms = termsOf('hallucination', glossary);
    expect(matchedForms('为了便于自动检测幻觉', terms, glossary)).toEqual(['幻觉']);
    expect(matchedForms('Hallucination and 幻觉', terms, glossary)).toEqual(['幻觉']);
  });
});

describe('concept tokens', () => {
  it('are lower-case letters of one length, distinct, and recognised for removal from excerpts', () => {
    const real = loadGlossary();
    const tokens = real.map((concept) => conceptToken(concept.id));
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) {
      expect(token).toMatch(/^[a-z]{10}$/);
      expect(`a <mark>${token} </mark>b`.replace(CONCEPT_TOKEN_PATTERN, '')).toBe('a b');
    }
  });
});

describe('the glossary file', () => {
  it('the real one is valid and names concepts with both languages', () => {
    const { concepts, problems } = readGlossary(glossaryPath());
    expect(problems).toEqual([]);
    expect(concepts.length).toBeGreaterThan(10);
  });

  it('reports bad concepts with line and field', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'glossary-'));
    const file = path.join(dir, 'glossary.yaml');
    writeFileSync(
      file,
      [
        '- id: a',
        '  en: [幻觉]',
        '  zh: [ok好]',
        '- id: b',
        '  en: [video]',
        '  zh: [视频]',
        '  abbr: [dpo]',
        '  typo: 1',
        '- id: a',
        '  en: [video]',
        '  zh: [图]',
      ].join('\n'),
    );
    const problems = readGlossary(file).problems.map((p) => `${p.line}: ${p.field}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        '2: 0.en.0: must be English words (no Chinese)',
        expect.stringMatching(/^7: 1\.abbr\.0: must be one word/),
        '8: 1.typo: unknown field (check the spelling)',
        '9: 2.id: duplicate concept id "a"',
        expect.stringMatching(/^10: 2\.en\.0: "video" is already a form of "b"/),
      ]),
    );
    expect(() => loadGlossary(dir)).toThrow(/glossary\.yaml:2: 0\.en\.0/);
  });
});
