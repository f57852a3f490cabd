import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_REF, readEntrySources } from '../../../src/lib/content/entry-files';
import { buildPaperJsonSchema, formatPaperJsonSchema, jsonSchemaPath } from '../../../scripts/lib/schema/json-schema';
import { contentRoot, REPO_ROOT } from '../../../src/lib/paths';
import { loadSections } from '../../../src/lib/content/sections';
import { isOptionalField, paperSchema, type Paper } from '../../../src/schemas/paper';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(buildPaperJsonSchema());

const GOOD = {
  title: 'Qwen2-VL',
  links: [
    { kind: 'paper', url: 'https://arxiv.org/abs/2409.12191' },
    { kind: 'code', url: 'HTTP://github.com/QwenLM/Qwen2-VL' },
  ],
  note: '任意分辨率',
  added: '2024-09-20',
  arxiv: '2409.12191',
  published: '2024-09',
  venue: 'arXiv',
  org: 'Alibaba',
  tags: ['resolution'],
  authors: ['Peng Wang'],
};

const { title: _title, ...withoutTitle } = GOOD;
const BAD: Record<string, unknown> = {
  'an unknown key': { ...GOOD, titel: 'typo' },
  'an unknown key in a link': { ...GOOD, links: [{ kind: 'paper', url: 'https://a.org/', label: 'x' }] },
  'a javascript: URL': { ...GOOD, links: [{ kind: 'paper', url: 'javascript:alert(1)' }] },
  'a data: URL': { ...GOOD, links: [{ kind: 'paper', url: 'data:text/html,<script>alert(1)</script>' }] },
  'a bad arXiv id': { ...GOOD, arxiv: 'arXiv:2409.12191' },
  'an arXiv id that YAML read as a number': { ...GOOD, arxiv: 2409.12191 },
  'a missing title': withoutTitle,
  'an empty title': { ...GOOD, title: '' },
  'no links': { ...GOOD, links: [] },
  'an unknown link kind': { ...GOOD, links: [{ kind: 'video', url: 'https://a.org/' }] },
  'a date not written YYYY-MM-DD': { ...GOOD, added: '20.9.2024' },
  'a month not written YYYY-MM': { ...GOOD, published: '2024-13' },
};

describe('the JSON Schema for editors', () => {
  it('is committed where entry files point, and matches a fresh generation from paperSchema', () => {
    const file = jsonSchemaPath();
    expect(file).toBe(path.join(REPO_ROOT, 'content', 'paper.schema.json'));
    expect(path.resolve(REPO_ROOT, 'content', 'mllm', JSON_SCHEMA_REF)).toBe(file);
    // If this fails, paperSchema changed: run `npm run schema` and commit content/paper.schema.json.
    expect(readFileSync(file, 'utf8')).toBe(formatPaperJsonSchema());
  });

  it('is mapped to entry files in the VS Code settings', () => {
    const settings = JSON.parse(readFileSync(path.join(REPO_ROOT, '.vscode', 'settings.json'), 'utf8')) as {
      'yaml.schemas': Record<string, string[]>;
    };
    const schemaFile = `./${path.relative(REPO_ROOT, jsonSchemaPath())}`;
    expect(settings['yaml.schemas'][schemaFile]).toEqual(['content/*/*.yaml']);
  });

  it('lists the same fields as paperSchema, required where paperSchema requires them, and nothing else', () => {
    const schema = buildPaperJsonSchema() as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    const shape = paperSchema.shape;
    expect(Object.keys(schema.properties)).toEqual(Object.keys(shape));
    expect(schema.required.sort()).toEqual(
      Object.entries(shape)
        .filter(([key]) => !isOptionalField(key as keyof Paper))
        .map(([key]) => key)
        .sort(),
    );
    expect(schema.additionalProperties).toBe(false);
  });

  it('describes `added` and `arxiv` as patterned strings', () => {
    const { properties } = buildPaperJsonSchema() as {
      properties: Record<string, { type: string; pattern: string; description: string }>;
    };
    expect(properties.added).toEqual({
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: paperSchema.shape.added.description,
    });
    expect(properties.arxiv!.type).toBe('string');
    expect(new RegExp(properties.arxiv!.pattern).test('2409.12191')).toBe(true);
  });

  it('accepts a complete entry, as paperSchema does', () => {
    expect(paperSchema.safeParse(GOOD).success).toBe(true);
    expect(validate(GOOD), ajv.errorsText(validate.errors)).toBe(true);
  });

  it.each(Object.entries(BAD))('rejects %s, as paperSchema does', (_, entry) => {
    expect(paperSchema.safeParse(entry).success).toBe(false);
    expect(validate(entry)).toBe(false);
  });

  const entries = readEntrySources(
    contentRoot(),
    loadSections().map((section) => section.id),
  );
  it(`accepts every entry in content/ (${entries.length} files)`, () => {
    expect(entries.length).toBeGreaterThanOrEqual(100);
    const rejected = entries
      .filter((entry) => !validate(entry.data))
      .map((entry) => `${path.relative(REPO_ROOT, entry.file)}: ${ajv.errorsText(validate.errors)}`);
    expect(rejected).toEqual([]);
  });
});
