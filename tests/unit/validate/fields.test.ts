import { afterEach, describe, expect, it } from 'vitest';
import { parseEntrySource } from '../../../src/lib/content/entry-files';
import { contentFolder, onlyProblem, problemsIn, removeContentFolders, yamlEntry } from '../../helpers/validate';

/** Validation of an entry's data: YAML syntax and each field the schema checks, at the line that holds it. */

afterEach(removeContentFolders);

describe('validateContent', () => {
  it('reports a YAML syntax error with its line', () => {
    expect(
      onlyProblem({ 'mllm/a.yaml': 'title: Qwen2-VL\nlinks:\n  - kind: paper\n   url: https://x.org\nadded: 2024-09-20\n' }),
    ).toMatchObject({
      file: 'mllm/a.yaml',
      line: 4,
      field: '(syntax)',
      severity: 'error',
    });
  });

  it('reports a YAML tag it does not know as a syntax error, though the parser only warns', () => {
    // An unknown tag (`!!python/str`) would let the value differ from what the file shows.
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ extra: 'org: !!python/str Alibaba' }) })).toMatchObject({
      file: 'mllm/a.yaml',
      line: 6,
      field: '(syntax)',
      message: expect.stringContaining('unknown tag'),
    });
  });

  it('keeps an unquoted date as the text written, so rewriting an entry keeps it', () => {
    const source = parseEntrySource('content/mllm/a.yaml', yamlEntry({ extra: 'published: 2024-13' }));
    expect(source.data).toMatchObject({ added: '2024-09-20', published: '2024-13' });
    expect(source.lineOf(['published'])).toBe(6);
    expect(source.lineOf(['links', 0, 'url'])).toBe(4);
  });

  it('reports a missing field at the start of the entry data', () => {
    const text = `# yaml-language-server: $schema=../paper.schema.json\n${yamlEntry().replace('added: 2024-09-20', '')}`;
    expect(onlyProblem({ 'mllm/a.yaml': text })).toEqual({
      file: 'mllm/a.yaml',
      line: 2,
      field: 'added',
      message: 'is required',
      severity: 'error',
    });
  });

  it('reports an unknown field (a typo) at its own line', () => {
    const text = yamlEntry({ extra: 'venue: NeurIPS\nauthros:\n  - Peng Wang\n' });
    expect(onlyProblem({ 'mllm/a.yaml': text })).toEqual({
      file: 'mllm/a.yaml',
      line: 7,
      field: 'authros',
      message: 'unknown field (check the spelling)',
      severity: 'error',
    });
  });

  it('reports `titel:` as an unknown field and the title as missing', () => {
    const problems = problemsIn(contentFolder({ 'mllm/a.yaml': yamlEntry().replace('title:', 'titel:') }));
    expect(problems).toEqual([
      { file: 'mllm/a.yaml', line: 1, field: 'title', message: 'is required', severity: 'error' },
      { file: 'mllm/a.yaml', line: 1, field: 'titel', message: 'unknown field (check the spelling)', severity: 'error' },
    ]);
  });

  it('reports a wrong type at its line', () => {
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ extra: 'tags: video' }) })).toMatchObject({
      line: 6,
      field: 'tags',
      message: 'must be a list of tags',
    });
  });

  it.each([['javascript:alert(1)'], ['data:text/html;base64,PHNjcmlwdD4=']])(
    'reports a link URL that is not http(s): %s',
    (url) => {
      expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ url }) })).toEqual({
        file: 'mllm/a.yaml',
        line: 4,
        field: 'links.0.url',
        message: 'must start with http:// or https://',
        severity: 'error',
      });
    },
  );

  it('reports a malformed arXiv id', () => {
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ extra: 'arxiv: "2409.123"' }) })).toMatchObject({
      line: 6,
      field: 'arxiv',
      message: 'is not a valid arXiv id (expected e.g. 2409.12191)',
    });
  });

  it('reports an unquoted arXiv id, which YAML reads as a number', () => {
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ extra: 'arxiv: 2401.10010' }) })).toMatchObject({
      line: 6,
      field: 'arxiv',
      message: expect.stringContaining('must be a quoted string'),
    });
  });

  it('reports an impossible date', () => {
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry().replace('2024-09-20', '2024-02-30') })).toMatchObject({
      line: 5,
      field: 'added',
      message: 'is not a real calendar date',
    });
  });

  it('reports an empty title', () => {
    expect(onlyProblem({ 'mllm/a.yaml': yamlEntry({ title: '' }) })).toMatchObject({
      line: 1,
      field: 'title',
      message: 'must not be empty',
    });
  });
});
