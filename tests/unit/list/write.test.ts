import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeEntry } from '../../../src/lib/content/entry-files';
import { applySyncPlan, parseAddedDates, planSyncFromDisk } from '../../../scripts/lib/list/sync';
import { parseList, type ListEntryFields, type ParsedList } from '../../../scripts/lib/list/parse';
import { entryLine, exportListFromDisk, headingAnchor, writeList, type ListDocument } from '../../../scripts/lib/list/write';
import { REPO_ROOT } from '../../../src/lib/paths';
import { loadSections } from '../../../src/lib/content/sections';
import { titleKey } from '../../../src/lib/title-key';

const FIXTURES = path.join(REPO_ROOT, 'tests/unit/fixtures/lists');
const readFixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const SEED = readFixture('seed-awesome-list.md');
const registryTitles = loadSections(path.join(REPO_ROOT, 'content/sections.yaml')).map((section) => section.title);

/** The structured level of a parse: what the list says, without line numbers and derived ids. */
function toDocument(parsed: ParsedList): ListDocument {
  return {
    header: parsed.header,
    sections: parsed.sections.map((section) => ({
      title: section.title,
      entries: section.entries.map(({ title, links, note, venue, tags }): ListEntryFields => ({
        title,
        links,
        ...(note !== undefined && { note }),
        ...(venue !== undefined && { venue }),
        ...(tags !== undefined && { tags }),
      })),
    })),
  };
}

describe('entryLine', () => {
  const paper = { title: 'T', links: [{ kind: 'paper' as const, url: 'https://arxiv.org/abs/2401.00001' }] };

  it('writes note, venue and extra links labelled by kind', () => {
    expect(
      entryLine(3, {
        ...paper,
        links: [
          ...paper.links,
          { kind: 'code', url: 'https://github.com/a/b' },
          { kind: 'notes', url: 'https://zhuanlan.zhihu.com/p/1' },
        ],
        note: 'a (nested) note',
        venue: 'CVPR 2024',
      }),
    ).toBe(
      '3. [T](https://arxiv.org/abs/2401.00001)(a (nested) note)(CVPR 2024) [[Code]](https://github.com/a/b) [[Reading Notes]](https://zhuanlan.zhihu.com/p/1)',
    );
  });

  it('writes an empty note group before a venue, and tags before the title', () => {
    expect(entryLine(1, { ...paper, venue: 'ICLR 2025', tags: ['LLM', 'RLHF'] })).toBe(
      '1. (LLM, RLHF)[T](https://arxiv.org/abs/2401.00001)()(ICLR 2025)',
    );
    expect(entryLine(1, paper)).toBe('1. [T](https://arxiv.org/abs/2401.00001)');
  });
});

describe('headingAnchor', () => {
  it('makes the anchors GitHub makes', () => {
    expect(headingAnchor('Alignment With Human Preference (MLLM)')).toBe('alignment-with-human-preference-mllm');
    expect(headingAnchor('Unify Multimodal Understanding and Generation')).toBe('unify-multimodal-understanding-and-generation');
  });
});

describe('parse(writeList(x)) == x', () => {
  it.each([
    ['the seed', SEED, registryTitles],
    ['the quirks fixture', readFixture('quirks.md'), ['Models']],
  ] as const)('holds for %s', (_, text, titles) => {
    const document = toDocument(parseList(text, titles));
    const written = writeList(document);
    expect(toDocument(parseList(written, titles))).toEqual(document);
  });
});

describe('round trip: sync the seed, export, parse the export', () => {
  let root: string;
  beforeEach(() => {
    root = path.join(mkdtempSync(path.join(tmpdir(), 'list-write-')), 'content');
    mkdirSync(root);
    copyFileSync(path.join(REPO_ROOT, 'content/sections.yaml'), path.join(root, 'sections.yaml'));
    const dates = parseAddedDates(readFixture('seed-added-dates.tsv'));
    applySyncPlan(planSyncFromDisk(SEED, { contentDir: root, dates, defaultAdded: '2030-01-01' }));
  });
  afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

  it("finds every seed line's title, links and note in its section of the export", () => {
    const { text, problems } = exportListFromDisk(root);
    expect(problems).toEqual([]);
    const exported = parseList(text, registryTitles);
    expect(exported.problems).toEqual([]);
    expect(exported.header).toBe(readFileSync(path.join(root, 'about.md'), 'utf8'));
    const seed = parseList(SEED, registryTitles);
    for (const seedSection of seed.sections) {
      const section = exported.sections.find((candidate) => candidate.title === seedSection.title)!;
      for (const line of seedSection.entries) {
        // Merged lines share one entry: found by title key, carrying every link and note.
        const entry =
          section.entries.find((candidate) => candidate.title === line.title) ??
          section.entries.find((candidate) => titleKey(candidate.title) === titleKey(line.title));
        expect(entry, line.title).toBeDefined();
        expect(entry!.links, line.title).toEqual(expect.arrayContaining(line.links));
        if (line.note) expect(entry!.note, line.title).toContain(line.note);
        expect(entry!.venue).toBe(line.venue);
      }
    }
    // Every registry section is written, one entry per paper (the two ChatGLM-Math lines are one).
    expect(exported.sections.map((section) => section.entries.length)).toEqual(
      registryTitles.map(
        (title) =>
          new Set(seed.sections.find((candidate) => candidate.title === title)?.entries.map((entry) => titleKey(entry.title)))
            .size,
      ),
    );
  });

  it('orders each section as the list does, writes unchanged lines as the list wrote them, and puts a new paper first', () => {
    const { text } = exportListFromDisk(root);
    const exported = parseList(text, registryTitles);
    const seed = parseList(SEED, registryTitles);
    for (const seedSection of seed.sections) {
      const titles = exported.sections
        .find((section) => section.title === seedSection.title)!
        .entries.map((entry) => entry.title);
      const seedTitles = seedSection.entries
        .filter((entry, index, all) => all.findIndex((other) => titleKey(other.title) === titleKey(entry.title)) === index)
        .map((entry) => entry.title);
      expect(titles, seedSection.title).toEqual(seedTitles);
    }
    const seedLines = new Set(SEED.split('\n'));
    const verbatim = text.split('\n').filter((line) => /^\d+\./.test(line) && seedLines.has(line));
    // All but the two merged ChatGLM-Math lines come out byte for byte.
    expect(verbatim).toHaveLength(seed.sections.reduce((sum, section) => sum + section.entries.length, 0) - 2);

    writeFileSync(
      path.join(root, 'survey', 'a-new-survey.yaml'),
      serializeEntry({ title: 'A New Survey', links: [{ kind: 'paper', url: 'https://x.org/new' }], added: '2024-01-01' }),
    );
    const survey = parseList(exportListFromDisk(root).text, registryTitles).sections[0]!.entries.map((entry) => entry.title);
    expect(survey[0]).toBe('A New Survey');
    expect(survey.slice(1)).toEqual(seed.sections[0]!.entries.map((entry) => entry.title));
  });

  it('refuses invalid entries, including text the list could not read back', () => {
    writeFileSync(
      path.join(root, 'survey', 'bad.yaml'),
      serializeEntry({ title: 'Bad', links: [{ kind: 'paper', url: 'https://x.org/a' }], added: '2024-13-01' }),
    );
    writeFileSync(
      path.join(root, 'survey', 'unbalanced.yaml'),
      serializeEntry({
        title: 'Unbalanced',
        links: [{ kind: 'paper', url: 'https://x.org/b' }],
        note: 'a) b',
        added: '2024-01-01',
      }),
    );
    expect(exportListFromDisk(root).problems).toEqual([
      expect.stringMatching(/bad\.yaml:\d+: added: /),
      expect.stringMatching(/unbalanced\.yaml:\d+: note: has an unpaired "\(" or "\)"/),
    ]);
  });
});
