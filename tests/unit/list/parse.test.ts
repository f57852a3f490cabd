import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntryText, parseList, type ParsedEntry, type ParsedList } from '../../../scripts/lib/list/parse';
import { REPO_ROOT } from '../../../src/lib/paths';
import { loadSections } from '../../../src/lib/content/sections';

const FIXTURES = path.join(REPO_ROOT, 'tests/unit/fixtures/lists');
const readFixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const registryTitles = loadSections(path.join(REPO_ROOT, 'content/sections.yaml')).map((section) => section.title);

const quirks = parseList(readFixture('quirks.md'), ['Models']);
const models = quirks.sections[0]!.entries;
const entry = (number: number): ParsedEntry => models.find((candidate) => candidate.number === number)!;

/** Entry lines counted independently of the parser: `N.` lines after the first section heading. */
function countEntryLines(parsed: ParsedList, text: string): number {
  const lines = text.split('\n');
  return lines.filter((line, index) => index >= parsed.sections[0]!.line && /^\s*\d+\.(?!\d)/.test(line)).length;
}

describe('parseList: one entry quirk at a time', () => {
  it('keeps nested parentheses inside the note as one note', () => {
    expect(entry(1).note).toBe('利用模型(Gemini 1.0 Pro Vision)进行描述。');
    expect(entry(1).arxiv).toBe('2406.10328');
  });

  it('reads (note)(Neurips2024) as a note then a venue', () => {
    expect(entry(2)).toMatchObject({
      note: 'NUS&NTU：混合指令',
      venue: 'Neurips2024',
      links: [{ kind: 'code', url: 'https://github.com/SkyworkAI/Vitron' }],
    });
  });

  it('accepts a space between the link and the note, and full-width parentheses inside it as text', () => {
    expect(entry(3).note).toBe('Tencent AI Lab：采用预训练的视觉分词器（如ViT）');
  });

  it('reads a tag group before the title as tags', () => {
    expect(entry(4)).toMatchObject({ title: 'Tagged Paper', tags: ['LLM'], note: 'a tagged note' });
  });

  it('accepts a missing note and treats an empty () as no note', () => {
    expect(entry(5).note).toBeUndefined();
    expect(entry(5).links).toEqual([{ kind: 'project', url: 'https://llava-rlhf.github.io/' }]);
    expect(entry(6).note).toBeUndefined();
    expect(entry(6).links[0]!.kind).toBe('openreview');
  });

  it('keeps full-width punctuation in titles and notes exactly as written', () => {
    expect(entry(7).title).toBe('ChatGLM-Math：Improving Math');
    expect(entry(7).note).toBe('全角（括号）只是文本');
  });

  it('reads titles with balanced brackets and URLs with balanced parentheses', () => {
    expect(entry(8)).toMatchObject({
      title: '[Bracketed] Title [v2]',
      links: [{ url: 'https://example.org/paper_(v2)' }],
      note: 'url with parentheses',
    });
  });

  it('keeps papers that share one notes URL apart: a URL is no identity', () => {
    expect([entry(9).title, entry(10).title]).toEqual(['Flamingo', 'BLIP-2']);
    expect(entry(9).links).toEqual(entry(10).links);
  });

  it('reads [[Code]](url) and [Label](url) after the main link as more links, kinds inferred', () => {
    expect(entry(11).links).toEqual([
      { kind: 'paper', url: 'https://arxiv.org/abs/2406.08487' },
      { kind: 'code', url: 'https://github.com/yfzhang114/SliME' },
      { kind: 'notes', url: 'https://zhuanlan.zhihu.com/p/703258020' },
    ]);
    expect(entry(11)).toMatchObject({ note: 'high resolution', arxiv: '2406.08487' });
  });

  it('reads ()(venue) as a venue without a note', () => {
    expect(entry(12)).toMatchObject({ venue: "ICLR'25" });
    expect(entry(12).note).toBeUndefined();
  });

  it('trusts headings over the Table of Contents: an unknown heading with entries is a new section', () => {
    expect(quirks.sections.map((section) => section.title)).toEqual(['Models', 'Renamed Heading']);
    expect(quirks.sections[1]!.entries[0]!.title).toBe('Under A Heading The TOC Calls Old Name');
  });

  it('keeps the header (title, intro, news) out of the entries, and the Table of Contents out of the header', () => {
    expect(quirks.header).toBe(
      '# Tiny Awesome List\nAn intro with [a link](https://example.com/home).\n\n### 🔥 News\n1. A numbered news item: part of the header, not an entry.\n',
    );
    expect(models.map((candidate) => candidate.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(quirks.problems).toEqual([]);
  });
});

describe('parseList: lists shaped differently', () => {
  it('without a Table of Contents, takes the first heading as the title and later headings with entries as sections', () => {
    const parsed = parseList('# My List\nIntro.\n\n# Models\n1. [A](https://a.example/a)\n', []);
    expect(parsed.header).toBe('# My List\nIntro.\n');
    expect(parsed.sections.map((section) => [section.title, section.entries.length])).toEqual([['Models', 1]]);
  });

  it('reports lines after the first section that are not entries, since the export drops them', () => {
    const parsed = parseList(
      '# Models\n## Video\n1. [A](https://a.example/a)\nSee also below.\n\n# Star History\n![chart](https://a.example/c.svg)\n',
      ['Models'],
    );
    expect(parsed.strayLines).toEqual([
      { line: 2, text: '## Video' },
      { line: 4, text: 'See also below.' },
      { line: 6, text: '# Star History' },
      { line: 7, text: '![chart](https://a.example/c.svg)' },
    ]);
    expect(parsed.sections[0]!.entries).toHaveLength(1);
  });
});

describe('parseEntryText: the venue group', () => {
  it.each(['NeurIPS 2024', 'arXiv', 'Nature Machine Intelligence', 'CVPR 2024 Workshop (Oral)'])(
    'reads the second group as the venue, verbatim: %s',
    (venue) => expect(parseEntryText(`[T](https://a.example/t)(a note)(${venue})`)).toMatchObject({ note: 'a note', venue }),
  );
  it('refuses an empty venue group', () =>
    expect(parseEntryText('[T](https://a.example/t)(a note)()')).toEqual({
      reason: 'an empty "()" after the note: write the venue in it, or remove it',
    }));
});

describe('parseList: an empty heading', () => {
  it('is reported as a stray line, not made a nameless section, and its entries stay counted', () => {
    const parsed = parseList('# Models\n1. [A](https://a.example/a)\n# \n1. [B](https://a.example/b)\n', ['Models']);
    expect(parsed.sections.map((section) => [section.title, section.entries.length])).toEqual([['Models', 2]]);
    expect(parsed.strayLines).toEqual([{ line: 3, text: '#' }]);
  });
});

describe('parseList: problems', () => {
  const text = readFixture('broken.md');
  const broken = parseList(text, ['Models']);

  it('reports each unparseable entry line with its line number and reason, never dropping it', () => {
    expect(broken.sections[0]!.entries.map((candidate) => candidate.title)).toEqual(['Good Entry']);
    expect(broken.problems.map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 3, reason: 'expected [Title](url)' },
      { line: 4, reason: 'unbalanced ( ) after the link' },
      { line: 5, reason: 'the URL "ftp://example.com/file" must start with http:// or https://' },
      { line: 6, reason: 'unexpected "(a third group)" after the venue: a line holds a note and a venue, nothing more' },
      { line: 7, reason: 'unbalanced ( ) in the URL of "[Unbalanced Title]"' },
    ]);
    expect(broken.problems[0]!.text).toBe('2. Missing the link entirely');
  });

  it.each([
    ['broken.md', ['Models']],
    ['quirks.md', ['Models']],
    ['seed', registryTitles],
  ] as const)('entries parsed + problems reported == entry lines (%s)', (name, titles) => {
    const source = readFixture(name === 'seed' ? 'seed-awesome-list.md' : name);
    const parsed = parseList(source, titles);
    const entries = parsed.sections.reduce((sum, section) => sum + section.entries.length, 0);
    const entryLines = parsed.sections.reduce((sum, section) => sum + section.entryLines, 0);
    expect(entries + parsed.problems.length).toBe(entryLines);
    expect(entryLines).toBe(countEntryLines(parsed, source));
  });
});

describe('parseList: the seed list', () => {
  const text = readFixture('seed-awesome-list.md');
  const seed = parseList(text, registryTitles);
  const lines = text.split('\n');

  it('finds 108 entry lines in 6 sections (3, 34, 7, 29, 18, 17) and no problems', () => {
    expect(seed.sections.map((section) => [section.title, section.entries.length])).toEqual(
      // The seed's own headings: the registry has since grown (the upstream list added a section).
      [
        ['Survey and Outlook', 3],
        ['Multimodal Large Language Models', 34],
        ['BenchMark and Dataset', 7],
        ['Unify Multimodal Understanding and Generation', 29],
        ['Alignment With Human Preference (MLLM)', 18],
        ['Alignment With Human Preference (LLM)', 17],
      ],
    );
    expect(seed.problems).toEqual([]);
    expect(seed.strayLines).toEqual([]);
  });

  it('keeps every title, main link and note exactly as the line writes them', () => {
    for (const section of seed.sections) {
      for (const parsed of section.entries) {
        const line = lines[parsed.line - 1]!;
        expect(line).toContain(`${parsed.number}. [${parsed.title}](${parsed.links[0]!.url})`);
        if (parsed.note) expect(line).toContain(`${parsed.note})`);
        else expect(line.trimEnd()).toMatch(/\)$/);
      }
    }
  });

  it('reads the venue of the one entry that has one', () => {
    const withVenue = seed.sections.flatMap((section) => section.entries).filter((parsed) => parsed.venue);
    expect(withVenue.map((parsed) => [parsed.title.slice(0, 6), parsed.venue])).toEqual([['VITRON', 'Neurips2024']]);
  });

  it('keeps the header up to the news block and leaves out the Table of Contents', () => {
    expect(seed.header.startsWith('# Awesome-Multimodal-Large-Language-Models\n')).toBe(true);
    expect(seed.header).toContain('###  🔥 Updated 2024-10-28\n');
    expect(seed.header).not.toContain('Table of Contents');
    expect(seed.header.endsWith('[[Reading Notes]](https://zhuanlan.zhihu.com/p/686461442)\n')).toBe(true);
  });
});
