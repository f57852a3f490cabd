import { describe, expect, it } from 'vitest';
import { paperSchema } from '../../src/schemas/paper';
import { sectionRegistrySchema, sectionSchema } from '../../src/schemas/section';
import { formatZodIssue } from '../../src/lib/content/zod-messages';

const paper = {
  title: 'Qwen2-VL: Enhancing Vision-Language Model’s Perception of the World at Any Resolution',
  links: [{ kind: 'paper', url: 'https://arxiv.org/abs/2409.12191' }],
  added: '2024-09-20',
};

const section = { id: 'mllm', title: 'Multimodal Large Language Models', description: 'Model papers.', order: 2 };

/** The formatted issues of a rejected value, `field: message`, as the validator reports them. */
function rejection(schema: typeof paperSchema | typeof sectionSchema | typeof sectionRegistrySchema, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map(formatZodIssue);
}

describe('paperSchema accepts', () => {
  it.each<[string, Record<string, unknown>]>([
    ['the required fields only', {}],
    [
      'every optional field',
      {
        note: 'Strong at documents.',
        arxiv: '2409.12191',
        published: '2024-09',
        venue: 'NeurIPS 2024',
        org: 'Alibaba',
        tags: ['video', 'OCR'],
        authors: ['Peng Wang', 'Shuai Bai'],
      },
    ],
    ['an arXiv id with a version', { arxiv: '2409.12191v2' }],
    ['a four-digit arXiv number (2007–2014 ids)', { arxiv: '1406.2661' }],
    ['an old-style arXiv id', { arxiv: 'hep-th/9901001' }],
    ['an http link', { links: [{ kind: 'project', url: 'http://example.org/' }] }],
    [
      'every link kind',
      {
        links: ['paper', 'notes', 'code', 'project', 'openreview', 'blog', 'other'].map((kind) => ({
          kind,
          url: 'https://example.org',
        })),
      },
    ],
    ['a leap day', { added: '2024-02-29' }],
    ['a whitespace-only note (it trims to empty)', { note: '   ' }],
  ])('%s', (_, fields) => {
    expect(paperSchema.safeParse({ ...paper, ...fields }).success).toBe(true);
  });

  it('an added date a YAML 1.1 reader turned into a Date, as the same day', () => {
    const result = paperSchema.parse({ ...paper, added: new Date(Date.UTC(2024, 8, 20)) });
    expect(result.added).toBe('2024-09-20');
  });

  it('trims text fields', () => {
    const result = paperSchema.parse({ ...paper, title: '  Qwen2-VL  ', note: ' Strong. ', arxiv: ' 2409.12191 ' });
    expect([result.title, result.note, result.arxiv]).toEqual(['Qwen2-VL', 'Strong.', '2409.12191']);
  });
});

describe('paperSchema rejects', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a missing title', { title: undefined }, 'title: is required'],
    ['an empty title', { title: '' }, 'title: must not be empty'],
    ['a whitespace-only title', { title: '   ' }, 'title: must not be empty'],
    ['a title that is a number', { title: 42 }, 'title: must be text'],
    ['an unknown field (a typo)', { titel: 'Qwen2-VL' }, 'titel: unknown field (check the spelling)'],
    ['missing links', { links: undefined }, 'links: is required'],
    ['no links', { links: [] }, 'links: needs at least one link'],
    ['links that are not a list', { links: 'https://arxiv.org/abs/2409.12191' }, 'links: must be a list of links'],
    [
      'an unknown link kind',
      { links: [{ kind: 'pdf', url: 'https://x.org' }] },
      'links.0.kind: must be one of: paper, notes, code, project, openreview, blog, other',
    ],
    ['a link without a URL', { links: [{ kind: 'code' }] }, 'links.0.url: is required'],
    [
      'a javascript: URL',
      { links: [{ kind: 'code', url: 'javascript:alert(1)' }] },
      'links.0.url: must start with http:// or https://',
    ],
    [
      'a data: URL',
      { links: [{ kind: 'code', url: 'data:text/html,<script>alert(1)</script>' }] },
      'links.0.url: must start with http:// or https://',
    ],
    [
      'an ftp: URL',
      { links: [{ kind: 'other', url: 'ftp://example.org/paper.pdf' }] },
      'links.0.url: must start with http:// or https://',
    ],
    ['a relative URL', { links: [{ kind: 'code', url: '/papers/qwen' }] }, 'links.0.url: must be an absolute URL'],
    [
      'an unknown link field',
      { links: [{ kind: 'code', url: 'https://x.org', uri: 'https://x.org' }] },
      'links.0.uri: unknown field (check the spelling)',
    ],
    [
      'an unquoted arXiv id (YAML reads a number)',
      { arxiv: 2401.1001 },
      'arxiv: must be a quoted string such as "2409.12191" (unquoted, YAML reads a number)',
    ],
    ['an arXiv id with too few digits', { arxiv: '2401.100' }, 'arxiv: is not a valid arXiv id (expected e.g. 2409.12191)'],
    ['an arXiv id with month 13', { arxiv: '2413.00001' }, 'arxiv: is not a valid arXiv id (expected e.g. 2409.12191)'],
    [
      'an arXiv URL in the arxiv field',
      { arxiv: 'https://arxiv.org/abs/2409.12191' },
      'arxiv: is not a valid arXiv id (expected e.g. 2409.12191)',
    ],
    ['a missing added date', { added: undefined }, 'added: is required'],
    ['an impossible date', { added: '2024-02-30' }, 'added: is not a real calendar date'],
    ['February 29 of a common year', { added: '2023-02-29' }, 'added: is not a real calendar date'],
    ['a date written another way', { added: '2024/09/20' }, 'added: must be a date written YYYY-MM-DD'],
    ['a published month 13', { published: '2024-13' }, 'published: must be a month written YYYY-MM'],
    [
      'a published month that is not a string',
      { published: 202409 },
      'published: must be a month written YYYY-MM (quote it in YAML)',
    ],
    ['an empty venue', { venue: ' ' }, 'venue: must not be empty'],
    ['an empty tag', { tags: ['video', ''] }, 'tags.1: must not be empty'],
    ['tags that are not a list', { tags: 'video' }, 'tags: must be a list of tags'],
    ['authors that are not a list', { authors: 'Peng Wang' }, 'authors: must be a list of names'],
    ['a note that is not text', { note: ['a', 'b'] }, 'note: must be text'],
  ])('%s', (_, fields, expected) => {
    // The first issue is the cause; a relative URL or a mis-written date also fails the refinement after it.
    expect(rejection(paperSchema, { ...paper, ...fields })[0]).toBe(expected);
  });

  it('data that is not a mapping', () => {
    expect(rejection(paperSchema, ['Qwen2-VL'])).toHaveLength(1);
  });
});

describe('sectionSchema', () => {
  it.each<[string, Record<string, unknown>]>([
    ['the required fields', {}],
    ['a short name', { short: 'MLLMs' }],
    ['a negative order', { order: -1 }],
    ['an id with digits and hyphens', { id: 'llm-alignment-2' }],
  ])('accepts %s', (_, fields) => {
    expect(sectionSchema.safeParse({ ...section, ...fields }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an upper-case id', { id: 'MLLM' }, 'id: must be lower-case words joined by hyphens'],
    ['an id with a space', { id: 'mllm alignment' }, 'id: must be lower-case words joined by hyphens'],
    ['an id with a trailing hyphen', { id: 'mllm-' }, 'id: must be lower-case words joined by hyphens'],
    ['an empty title', { title: ' ' }, 'title: must not be empty'],
    ['a missing description', { description: undefined }, 'description: is required'],
    ['a fractional order', { order: 1.5 }, 'order: must be a whole number'],
    ['an order that is a string', { order: '2' }, 'order: must be a whole number'],
    ['an empty short name', { short: '' }, 'short: must not be empty'],
    ['an unknown field', { descripton: 'x' }, 'descripton: unknown field (check the spelling)'],
  ])('rejects %s', (_, fields, expected) => {
    expect(rejection(sectionSchema, { ...section, ...fields })).toEqual([expected]);
  });
});

describe('sectionRegistrySchema', () => {
  it('accepts a list of sections', () => {
    expect(sectionRegistrySchema.safeParse([section, { ...section, id: 'survey', order: 1 }]).success).toBe(true);
  });

  it('rejects an empty registry', () => {
    expect(rejection(sectionRegistrySchema, [])).toEqual(['(entry): needs at least one section']);
  });

  it('rejects a duplicate section id, at the later item', () => {
    expect(rejection(sectionRegistrySchema, [section, { ...section, order: 3 }])).toEqual(['1.id: duplicate section id "mllm"']);
  });

  it('rejects a registry that is a mapping', () => {
    expect(rejection(sectionRegistrySchema, { mllm: section })).toEqual(['(entry): must be a list of sections']);
  });
});
