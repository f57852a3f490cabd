import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paperSchema, type Paper } from '../../../src/schemas/paper';
import { parseList } from '../../../scripts/lib/list/parse';
import { writeList } from '../../../scripts/lib/list/write';

/**
 * The rule behind `npm run validate` and `npm run export:readme`: every entry the schema accepts
 * exports to the list and reads back with the same title, links, note, venue and tags. Entries are
 * generated from text full of what the list's grammar cares about (brackets, parentheses, tag
 * separators, line breaks); whatever the schema lets through must survive the list.
 */

const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 300) };
const SECTION = 'Multimodal Large Language Models';

// Risky characters are rare enough that a good share of entries still passes the schema.
const character = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('a', 'B', 'z', '1', ' ', '-', '.', ':', '#', '*', '`', '\\', '"', "'", '/', '视') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('(', ')', '[', ']', '（', '）', '【', '】', ',', '，', '、', '\n', '\r', '\t', '\u2028'),
  },
);
const text = (maxLength: number) => fc.string({ unit: character, minLength: 1, maxLength });
const url = fc
  .tuple(
    fc.constantFrom('https://arxiv.org/abs/2406.10328', 'https://github.com/a/b', 'http://example.org/p', 'https://x.io/'),
    fc.string({ unit: fc.constantFrom('a', 'a', 'a', '_', '(', ')', '[', ']', ' ', '%20', '#', '?q=1'), maxLength: 6 }),
  )
  .map(([base, suffix]) => base + suffix);

const candidate = fc.record(
  {
    title: text(40),
    links: fc.array(fc.record({ kind: fc.constantFrom('paper', 'code', 'notes', 'project', 'other'), url }), {
      minLength: 1,
      maxLength: 3,
    }),
    note: text(60),
    venue: fc.oneof(text(20), fc.constantFrom('arXiv', 'CVPR 2024', 'Nature', 'ICLR 2025 Oral', 'TPAMI')),
    tags: fc.array(text(12), { minLength: 1, maxLength: 3 }),
    added: fc.constant('2024-05-01'),
  },
  { requiredKeys: ['title', 'links', 'added'] },
);

/** The fields the list carries, as the sync reads them (an empty note is no note). */
function carried(paper: Pick<Paper, 'title' | 'links' | 'note' | 'venue' | 'tags'>) {
  return {
    title: paper.title,
    urls: paper.links.map((link) => link.url),
    note: paper.note || undefined,
    venue: paper.venue,
    tags: paper.tags?.length ? paper.tags : undefined,
  };
}

describe('the list round trip', () => {
  it('exports and reads back every entry the schema accepts, unchanged', () => {
    let accepted = 0;
    fc.assert(
      fc.property(candidate, (input) => {
        const result = paperSchema.safeParse(input);
        if (!result.success) return;
        accepted++;
        const text = writeList({ header: '', sections: [{ title: SECTION, entries: [result.data] }] });
        const parsed = parseList(text, [SECTION]);
        expect(parsed.problems).toEqual([]);
        const [entry] = parsed.sections[0]!.entries;
        expect(carried(entry!)).toEqual(carried(result.data));
      }),
      RUNS,
    );
    // The generator must reach the interesting cases, not only entries the schema refuses.
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 20);
  });

  it.each([
    ['note', { note: 'a) b (c' }, /note: has an unpaired "\(" or "\)"/],
    ['title', { title: 'A ] B' }, /title: has an unpaired "\[" or "\]"/],
    ['venue', { venue: 'CVPR (2024' }, /venue: has an unpaired/],
    ['tag', { tags: ['video, audio'] }, /tags\.0: cannot contain a comma/],
    ['multi-line note', { note: 'one\ntwo' }, /note: must be on one line .*\.mdx entry/],
    ['URL', { links: [{ kind: 'paper', url: 'https://a.org/x y' }] }, /links\.0\.url: must not contain spaces/],
  ])('refuses a %s the list cannot carry, saying what to write', (_, change, message) => {
    const result = paperSchema.safeParse({
      title: 'T',
      links: [{ kind: 'paper', url: 'https://a.org/x' }],
      added: '2024-05-01',
      ...change,
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues.join('\n')).toMatch(message);
  });

  it('accepts any venue wording, e.g. arXiv', () =>
    expect(
      paperSchema.safeParse({
        title: 'T',
        links: [{ kind: 'paper', url: 'https://a.org/x' }],
        added: '2024-05-01',
        venue: 'arXiv',
      }).success,
    ).toBe(true));
});
