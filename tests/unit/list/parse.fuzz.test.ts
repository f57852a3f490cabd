import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseEntryText,
  parseList,
  type ListEntryFields,
  type ParsedEntry,
  type ParsedSection,
} from '../../../scripts/lib/list/parse';
import { entryLine, writeList } from '../../../scripts/lib/list/write';
import { inferLinkKind } from '../../../src/schemas/link';

/**
 * Property tests of the list parser: realistic entry lines (titles with brackets, notes with
 * nested and full-width parentheses, venues, tags, extra links in any order), then the same
 * lines damaged the way hand edits damage them. The parser must never throw, must account for
 * every entry line (an entry or a reported problem), and whatever it reads must survive the
 * writer: write → parse gives the same entries.
 */

/** FUZZ_RUNS=20000 for a deeper search locally; the default keeps `npm test` quick. */
const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 400) };
const SECTION_TITLES = ['Multimodal Large Language Models', 'Alignment With Human Preference (MLLM)'];
/** An entry line as the parser counts it: `N.` (not `1.5`) or a bullet `-`, `*`, `+` at the start. */
const ENTRY_LINE = /^\s*(?:\d+\.(?!\d)|[-*+](?=[ \t]))/;

// ── Realistic entries ────────────────────────────────────────────────────────────────────────

const word = fc.constantFrom(
  'LLaVA',
  'Video',
  'Understanding',
  'DPO',
  'RLHF',
  'Mixture-of-Experts',
  'ChatGLM-Math：Improving',
  'A',
  'of',
  'v2',
  '视觉',
  '幻觉',
  '偏好优化',
  '多模态',
  'NUS&NTU：混合指令',
  '*强调*',
  '`code`',
  '—',
  '1.5',
  "It's",
  '"quoted"',
  '#1',
  '3D-CT-GPT',
);
const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((parts) => parts.join(' '));

/** Text with balanced `open`/`close` groups nested up to two deep, as titles ([…]) and notes ((…)) write them. */
const nested = (open: string, close: string) =>
  fc.letrec<{ text: string }>((tie) => ({
    text: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      words(4),
      fc.tuple(words(3), tie('text'), words(2)).map(([before, inner, after]) => `${before} ${open}${inner}${close} ${after}`),
    ),
  })).text;

/** Full-width parentheses and brackets are only text: balanced or not. */
const fullWidth = fc.constantFrom('（如ViT）', '（括号', '）', '【注】', '「引用」', '：', '，', '、');

const title = fc
  .tuple(nested('[', ']'), fc.option(fc.constantFrom('(unbalanced', 'x)', '（全角）', ': A Survey'), { nil: undefined }))
  .map(([text, tail]) => (tail ? `${text} ${tail}` : text).trim());

const note = fc
  .tuple(nested('(', ')'), fc.array(fullWidth, { maxLength: 3 }))
  .map(([text, marks]) => `${text}${marks.join('')}`.trim());

const url = fc
  .tuple(
    fc.constantFrom(
      'https://arxiv.org/abs/2406.10328',
      'https://arxiv.org/pdf/2401.10208v2',
      'https://github.com/yfzhang114/SliME',
      'https://openreview.net/forum?id=abc',
      'https://zhuanlan.zhihu.com/p/703258020',
      'https://llava-rlhf.github.io/',
      'http://example.org/paper',
      'https://huggingface.co/papers/2409.12191',
    ),
    fc.option(fc.constantFrom('_(v2)', '/a_(b)_(c)', '#section', '?q=1&r=[2]', '/%E4%B8%AD'), { nil: undefined }),
  )
  .map(([base, suffix]) => `${base}${suffix ?? ''}`);

const venue = fc.constantFrom(
  'NeurIPS 2024',
  'Neurips2024',
  "ICLR'25",
  'CVPR 2024 Oral',
  'ACL 2024 Findings',
  'Findings of EMNLP 2023',
  'TPAMI 2024',
);
const tag = fc.constantFrom('LLM', 'RLHF', 'video understanding', '幻觉', 'MoE', 'any-to-any', 'DPO');

const entry: fc.Arbitrary<ListEntryFields> = fc
  .record({
    title,
    urls: fc.array(url, { minLength: 1, maxLength: 4 }),
    note: fc.option(note, { nil: undefined }),
    venue: fc.option(venue, { nil: undefined }),
    tags: fc.option(fc.uniqueArray(tag, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  })
  .map(({ title, urls, note, venue, tags }) => ({
    title,
    links: urls.map((href) => ({ kind: inferLinkKind(href), url: href })),
    ...(note !== undefined && { note }),
    ...(venue !== undefined && { venue }),
    ...(tags !== undefined && { tags }),
  }));

/**
 * An entry written as people write it: optional spaces between the parts, extra links before,
 * between or after the groups, labelled any way, the note group empty `()` when only a venue follows.
 */
const handWritten = (fields: ListEntryFields) =>
  fc
    .record({
      spaces: fc.array(fc.constantFrom('', ' ', '  ', '\t'), { minLength: 8, maxLength: 8 }),
      labels: fc.array(fc.constantFrom('[Code]', 'Code', '[Reading Notes]', 'project page', '[[x]]'), {
        minLength: 3,
        maxLength: 3,
      }),
      // Where each extra link goes (0: before the note, 1: between note and venue, 2: last); sorted, so links keep their order.
      slots: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }).map((slots) => slots.sort()),
      tagSeparator: fc.constantFrom(', ', ',', '，', '、'),
      number: fc.integer({ min: 1, max: 300 }),
    })
    .map(({ spaces, labels, slots, tagSeparator, number }) => {
      const [main, ...extra] = fields.links;
      const extraAt = (slot: number) =>
        extra
          .map((link, index) => ((slots[index] ?? 2) === slot ? `${spaces[index]}[${labels[index] ?? 'Code'}](${link.url})` : ''))
          .join('');
      const tags = fields.tags ? `(${fields.tags.join(tagSeparator)})${spaces[3]}` : '';
      const noteGroup = fields.note !== undefined ? `(${fields.note})` : fields.venue !== undefined ? '()' : '';
      const venueGroup = fields.venue !== undefined ? `${spaces[4]}(${fields.venue})` : '';
      return `${number}.${spaces[5] || ' '}${tags}[${fields.title}](${main!.url})${extraAt(0)}${spaces[6]}${noteGroup}${extraAt(1)}${venueGroup}${extraAt(2)}${spaces[7]}`;
    });

// ── Damage ───────────────────────────────────────────────────────────────────────────────────

/** Brackets and punctuation, and characters that end a line for a regex but not for the list: \r (mixed line endings), U+2028 (pasted from documents). */
const DAMAGE_CHARACTERS = ['[', ']', '(', ')', '（', '）', ' ', '.', ',', '"', '`', '\\', 'h', ':', '/', '#', '\r', '\u2028'];

/** One hand-edit accident: a character dropped, doubled, inserted or swapped with its neighbour. */
const damage = (line: string) =>
  fc
    .record({
      kind: fc.constantFrom('drop', 'duplicate', 'insert', 'swap'),
      at: fc.nat({ max: Math.max(0, line.length - 1) }),
      character: fc.constantFrom(...DAMAGE_CHARACTERS),
    })
    .map(({ kind, at, character }) => {
      if (kind === 'drop') return line.slice(0, at) + line.slice(at + 1);
      if (kind === 'duplicate') return line.slice(0, at + 1) + line.slice(at);
      if (kind === 'insert') return line.slice(0, at) + character + line.slice(at);
      return line.slice(0, at) + line.slice(at + 1, at + 2) + line.slice(at, at + 1) + line.slice(at + 2);
    });

const damagedLine = entry.chain(handWritten).chain((line) =>
  fc.integer({ min: 0, max: 3 }).chain((times) => {
    let arbitrary: fc.Arbitrary<string> = fc.constant(line);
    for (let step = 0; step < times; step++) arbitrary = arbitrary.chain(damage);
    return arbitrary;
  }),
);

/** Lines after a heading: mostly damaged entries, some arbitrary text, some blank. */
const sectionLines = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: damagedLine },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.nat({ max: 99 }), fc.string({ unit: 'grapheme', maxLength: 40 }))
        .map(([n, text]) => `${n}. ${text}`),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((text) => text.replace(/[\r\n]/g, ' ')) },
    { weight: 1, arbitrary: fc.constant('') },
  ),
  { maxLength: 12 },
);

const list = fc
  .tuple(sectionLines, sectionLines)
  .map(([first, second]) =>
    ['# Awesome List', 'An intro.', '', `# ${SECTION_TITLES[0]}`, ...first, '', `# ${SECTION_TITLES[1]}`, ...second].join('\n'),
  );

// ── Properties ───────────────────────────────────────────────────────────────────────────────

/** What the list says about an entry, without where it stood. */
function fieldsOf(parsed: ParsedEntry | ReturnType<typeof parseEntryText>): ListEntryFields & { arxiv?: string } {
  if ('reason' in parsed) throw new Error(`did not parse: ${parsed.reason}`);
  const { title, links, note, venue, tags, arxiv } = parsed;
  return {
    title,
    links,
    ...(note !== undefined && { note }),
    ...(venue !== undefined && { venue }),
    ...(tags !== undefined && { tags }),
    ...(arxiv !== undefined && { arxiv }),
  };
}

describe('parseList under fuzzing', () => {
  it('reads every realistic entry line, however spaced and ordered, as the entry it was written from', () => {
    fc.assert(
      fc.property(
        entry.chain((fields) => fc.tuple(fc.constant(fields), handWritten(fields))),
        ([fields, line]) => {
          const parsed = parseList(`# ${SECTION_TITLES[0]}\n${line}\n`, SECTION_TITLES);
          expect(parsed.problems).toEqual([]);
          const { arxiv, ...read } = fieldsOf(parsed.sections[0]!.entries[0]!);
          expect(read).toEqual(fields);
          expect(arxiv === undefined || fields.links.some((link) => link.url.includes(arxiv))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('never throws on damaged lists, and every entry line is an entry or a reported problem', () => {
    fc.assert(
      fc.property(list, (text) => {
        const parsed = parseList(text, SECTION_TITLES);
        const lines = text.split('\n');
        const firstSection = lines.indexOf(`# ${SECTION_TITLES[0]}`);
        const entryLineNumbers = lines.flatMap((line, index) =>
          index > firstSection && ENTRY_LINE.test(line) ? [index + 1] : [],
        );
        const accounted = [
          ...parsed.sections.flatMap((section) => section.entries.map((parsedEntry) => parsedEntry.line)),
          ...parsed.problems.map((problem) => problem.line),
        ];
        expect(accounted.sort((a, b) => a - b)).toEqual(entryLineNumbers);
        expect(parsed.sections.reduce((sum, section) => sum + section.entryLines, 0)).toBe(entryLineNumbers.length);
      }),
      {
        ...RUNS,
        // Found by this test: an entry line holding a \r or U+2028 was taken for prose (a stray line).
        examples: [
          [`# ${SECTION_TITLES[0]}\n1. [A](https://a.org/a)(note)\r\n2. [B](https://b.org/b)\r\r\n`],
          [`# ${SECTION_TITLES[0]}\n1. [A](https://a.org/a)(a note pasted\u2028from a document)\n`],
        ],
      },
    );
  });

  it('never throws on arbitrary text, and reports only lines that exist', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.array(fc.constantFrom(...SECTION_TITLES)),
        (text, titles) => {
          const parsed = parseList(text, titles);
          const lineCount = text.split(/\r?\n/).length;
          for (const problem of parsed.problems) expect(problem.line).toBeLessThanOrEqual(lineCount);
        },
      ),
      RUNS,
    );
  });

  it('round-trips what it reads from damaged lists: write → parse gives the same entries', () => {
    fc.assert(
      fc.property(list, (text) => {
        const parsed = parseList(text, SECTION_TITLES);
        const written = writeList({
          header: '',
          sections: parsed.sections.map((section) => ({ title: section.title, entries: section.entries.map(fieldsOf) })),
        });
        const reread = parseList(written, SECTION_TITLES);
        expect(reread.problems).toEqual([]);
        // Sections whose lines were all problems carry no entries, and a heading without entries is prose.
        const entriesBySection = (sections: ParsedSection[]) =>
          sections.filter((section) => section.entries.length).map((section) => [section.title, section.entries.map(fieldsOf)]);
        expect(entriesBySection(reread.sections)).toEqual(entriesBySection(parsed.sections));
      }),
      RUNS,
    );
  });

  it('round-trips single damaged lines through entryLine', () => {
    fc.assert(
      fc.property(damagedLine, (line) => {
        const read = parseEntryText(line.replace(/^\s*\d+\.\s*/, ''));
        if ('reason' in read) return;
        expect(fieldsOf(parseEntryText(entryLine(1, fieldsOf(read)).replace(/^1\. /, '')))).toEqual(fieldsOf(read));
      }),
      RUNS,
    );
  });

  it('reads the defects whose intent is clear, each reported as a mend: a title closed by ")(", a URL written as a Markdown link, stray punctuation after the line', () => {
    const defect = fc.record({
      kind: fc.constantFrom('title-paren', 'title-brace', 'markdown-url', 'stray'),
      display: fc.constantFrom('https://zhuanlan.zhihu.com/p/1993422372854847195', 'https://arxiv.org/abs/2401.1', 'link'),
      stray: fc.constantFrom("'", '"', '’', '.', ',', ';', '。'),
    });
    fc.assert(
      fc.property(
        entry.chain((fields) => fc.tuple(fc.constant(fields), handWritten(fields), defect)),
        ([fields, line, { kind, display, stray }]) => {
          const main = `[${fields.title}](${fields.links[0]!.url})`;
          const at = line.indexOf(main);
          const closing = at + fields.title.length + 1;
          const damaged =
            kind === 'stray'
              ? `${line}${stray}`
              : kind === 'markdown-url'
                ? `${line.slice(0, closing + 1)}([${display}](${fields.links[0]!.url}))${line.slice(at + main.length)}`
                : `${line.slice(0, closing)}${kind === 'title-paren' ? ')' : '}'}${line.slice(closing + 1)}`;
          const parsed = parseList(`# ${SECTION_TITLES[0]}\n${damaged}\n`, SECTION_TITLES);
          expect(parsed.problems).toEqual([]);
          expect(parsed.mended.map((mended) => mended.line)).toEqual([2]);
          const { arxiv: _arxiv, ...read } = fieldsOf(parsed.sections[0]!.entries[0]!);
          expect(read).toEqual(fields);
        },
      ),
      RUNS,
    );
  });
});
