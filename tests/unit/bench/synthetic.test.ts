import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRY_COMPONENT_NAMES, inspectMdx } from '../../../src/lib/validate/mdx-safety';
import { REPO_ROOT } from '../../../src/lib/paths';
import { loadSections } from '../../../src/lib/content/sections';
import {
  charCount,
  NOTE_CHARS,
  seededRandom,
  syntheticEntries,
  TAG_VOCABULARY,
  TITLE_WORDS,
  writeSyntheticContent,
} from '../../../scripts/lib/bench/synthetic';
import { ABSTRACT_WORDS, AUTHOR_COUNT, serializeRecord } from '../../../scripts/lib/bench/synthetic-records';
import { openContentRoot } from '../../../src/lib/content/content-root';
import { titleKey } from '../../../src/lib/title-key';
import { parseYaml } from '../../../src/lib/content/yaml-file';
import { recordSchema } from '../../../src/schemas/record';
import { checkContent } from '../../../src/lib/validate/validate';
import { paperSchema } from '../../../src/schemas/paper';

const SECTIONS = ['survey', 'mllm', 'benchmarks'];
const entries = syntheticEntries(2000, { sections: SECTIONS, sectionWeights: [1, 6, 2], seed: 7 });

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(3).every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('syntheticEntries', () => {
  it('is the same for the same seed, and another list for another seed', () => {
    expect(syntheticEntries(50, { sections: SECTIONS, seed: 7 })).toEqual(syntheticEntries(50, { sections: SECTIONS, seed: 7 }));
    expect(syntheticEntries(50, { sections: SECTIONS, seed: 8 })).not.toEqual(
      syntheticEntries(50, { sections: SECTIONS, seed: 7 }),
    );
  });

  it('gives exactly the count asked for, spread by the section weights', () => {
    expect(entries).toHaveLength(2000);
    const count = (section: string) => entries.filter((entry) => entry.section === section).length;
    expect(count('mllm')).toBeGreaterThan(count('benchmarks'));
    expect(count('benchmarks')).toBeGreaterThan(count('survey'));
    expect(count('survey')).toBeGreaterThan(0);
  });

  it('writes entries the paper schema accepts', () => {
    for (const entry of entries) expect(() => paperSchema.parse(entry.paper), `${entry.section}/${entry.id}`).not.toThrow();
  });

  it('has English titles of 8 to 20 words and Chinese notes of 20 to 80 characters', () => {
    for (const { paper } of entries) {
      const words = paper.title.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(TITLE_WORDS.min);
      expect(words).toBeLessThanOrEqual(TITLE_WORDS.max);
      expect(paper.title).toMatch(/^[\x20-\x7e]+$/);
      expect(charCount(paper.note!)).toBeGreaterThanOrEqual(NOTE_CHARS.min);
      expect(charCount(paper.note!)).toBeLessThanOrEqual(NOTE_CHARS.max);
      expect(paper.note).toMatch(/\p{Script=Han}/u);
    }
  });

  it('gives 1 to 3 links of different kinds, the first to the paper', () => {
    for (const { paper } of entries) {
      expect(paper.links.length).toBeGreaterThanOrEqual(1);
      expect(paper.links.length).toBeLessThanOrEqual(3);
      expect(['paper', 'openreview']).toContain(paper.links[0]!.kind);
      expect(new Set(paper.links.map((link) => link.kind)).size).toBe(paper.links.length);
    }
  });

  it('mixes in MDX long notes (about 5%), arXiv ids, tags from the vocabulary and dates over several years', () => {
    const share = (predicate: (entry: (typeof entries)[number]) => boolean) => entries.filter(predicate).length / entries.length;
    expect(share((entry) => entry.format === 'mdx')).toBeGreaterThan(0.03);
    expect(share((entry) => entry.format === 'mdx')).toBeLessThan(0.07);
    expect(share((entry) => Boolean(entry.paper.arxiv))).toBeGreaterThan(0.5);
    expect(share((entry) => Boolean(entry.paper.arxiv))).toBeLessThan(0.8);
    expect(new Set(entries.map((entry) => String(entry.paper.added).slice(0, 4))).size).toBeGreaterThanOrEqual(3);
    for (const { paper } of entries) for (const tag of paper.tags ?? []) expect(TAG_VOCABULARY).toContain(tag);
    const usedComponents: string[] = [];
    for (const entry of entries) {
      if (entry.format === 'mdx') {
        expect(charCount(entry.body)).toBeGreaterThan(NOTE_CHARS.max);
        // An .mdx entry uses components (else it would be .md), all of them across the set.
        const { issues, components } = inspectMdx(entry.body);
        expect(issues).toEqual([]);
        expect(components).toEqual(expect.arrayContaining(['Callout', 'Results']));
        usedComponents.push(...components);
      } else expect(entry.body).toBe('');
    }
    expect(new Set(usedComponents)).toEqual(new Set(ENTRY_COMPONENT_NAMES));
  });

  it('keeps ids and titles unique within a section, and lists some papers in two sections', () => {
    for (const section of SECTIONS) {
      const inSection = entries.filter((entry) => entry.section === section);
      expect(new Set(inSection.map((entry) => entry.id)).size).toBe(inSection.length);
      expect(new Set(inSection.map((entry) => titleKey(entry.paper.title))).size).toBe(inSection.length);
    }
    const sectionsByTitle = new Map<string, Set<string>>();
    for (const entry of entries)
      sectionsByTitle.set(entry.paper.title, (sectionsByTitle.get(entry.paper.title) ?? new Set()).add(entry.section));
    const crossListed = [...sectionsByTitle.values()].filter((sections) => sections.size > 1).length;
    expect(crossListed).toBeGreaterThan(0);
    expect(crossListed).toBeLessThan(entries.length * 0.05);
  });

  it('publishes no later than it adds', () => {
    for (const { paper } of entries) if (paper.published) expect(paper.published <= String(paper.added).slice(0, 7)).toBe(true);
  });
});

describe('synthetic records', () => {
  const withRecord = entries.filter((entry) => entry.record);
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

  it('go with about nine papers in ten: every arXiv id and OpenReview forum, and most others by title', () => {
    expect(withRecord.length / entries.length).toBeGreaterThan(0.85);
    expect(withRecord.length / entries.length).toBeLessThan(0.95);
    for (const { paper, record } of entries) {
      const forum = paper.links.some((link) => link.kind === 'openreview');
      if (paper.arxiv) expect(record?.arxiv).toMatch(new RegExp(`^${paper.arxiv.replace('.', '\\.')}v\\d$`));
      if (forum) expect(record?.source).toBe('openreview');
      if (record) expect(record.title).toBe(paper.title);
    }
    // Some papers without an id in the entry are found by title, some are not.
    const withoutId = entries.filter(({ paper }) => !paper.arxiv && !paper.links.some((link) => link.kind === 'openreview'));
    expect(withoutId.some((entry) => entry.record)).toBe(true);
    expect(withoutId.some((entry) => !entry.record)).toBe(true);
  });

  it('have 1 to 30 authors, most 3 to 12, and abstracts of 150 to 250 words', () => {
    const counts = withRecord.map((entry) => entry.record!.authors.length);
    expect(Math.min(...counts)).toBe(AUTHOR_COUNT.min);
    expect(Math.max(...counts)).toBe(AUTHOR_COUNT.max);
    expect(counts.filter((count) => count >= 3 && count <= 12).length / counts.length).toBeGreaterThan(0.65);
    for (const { record } of withRecord) {
      expect(new Set(record!.authors).size).toBe(record!.authors.length);
      expect(words(record!.abstract!)).toBeGreaterThanOrEqual(ABSTRACT_WORDS.min);
      expect(words(record!.abstract!)).toBeLessThanOrEqual(ABSTRACT_WORDS.max);
    }
  });

  it('sometimes name a venue, a code repository (also in the abstract), a later version and a DOI', () => {
    const share = (field: 'venue' | 'code' | 'updated' | 'doi') =>
      withRecord.filter((entry) => entry.record![field] !== undefined).length / withRecord.length;
    for (const field of ['venue', 'code', 'updated', 'doi'] as const) {
      expect(share(field), field).toBeGreaterThan(0.02);
      expect(share(field), field).toBeLessThan(0.7);
    }
    for (const { record } of withRecord) if (record!.code) expect(record!.abstract).toContain(record!.code);
  });

  it('are files the record schema accepts, read back as written', () => {
    for (const { section, id, record } of withRecord) {
      const { data, syntaxErrors } = parseYaml(serializeRecord(record!));
      expect(syntaxErrors, `${section}/${id}`).toEqual([]);
      expect(recordSchema.parse(data), `${section}/${id}`).toEqual(record);
    }
  });

  it('are the same for the same seed, and a longer run starts with the same entries and records', () => {
    const options = { sections: SECTIONS, seed: 7 };
    expect(syntheticEntries(300, options)).toEqual(syntheticEntries(600, options).slice(0, 300));
  });
});

describe('writeSyntheticContent', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'synthetic-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a content root the validator passes without a problem', () => {
    const sections = loadSections().map((section) => section.id);
    const written = writeSyntheticContent(dir, 400, {
      sections,
      seed: 3,
      registryFile: path.join(REPO_ROOT, 'content/sections.yaml'),
      aboutFile: path.join(REPO_ROOT, 'content/about.md'),
    });
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['sections.yaml', 'about.md', ...sections]));
    const check = checkContent({ root: dir });
    expect(check.problems).toEqual([]);
    expect(check.entryCount).toBe(written.length);
    // Each record beside its entry, where the content root says records live.
    const content = openContentRoot(dir);
    const recordFiles = readdirSync(content.recordsDir, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.yaml'),
    );
    expect(recordFiles).toHaveLength(written.filter((entry) => entry.record).length);
    for (const entry of written) {
      const file = content.recordFile(entry.section, entry.id);
      expect(existsSync(file), file).toBe(Boolean(entry.record));
      if (entry.record) expect(recordSchema.parse(parseYaml(readFileSync(file, 'utf8')).data)).toEqual(entry.record);
    }
  });
});
