import { runScript } from '../../helpers/run';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/content/problems';
import { REPO_ROOT } from '../../../src/lib/paths';
import { contentFolder, problemsIn, removeContentFolders, yamlEntry } from '../../helpers/validate';

/**
 * Validation of the scholarly records beside the entries (src/lib/validate/validate-records.ts): the
 * records folder is no unregistered section, decisions.yaml no record, each record is checked
 * against the schema at its line, and a record whose paper or section is gone is named with what
 * to do.
 */

afterEach(removeContentFolders);

/** A valid arXiv record; `extra` lines follow the required fields. */
function recordYaml(extra = ''): string {
  return [
    'source: arxiv',
    'fetched: 2026-12-01',
    'arxiv: "2409.12191v2"',
    'title: "Qwen2-VL: Enhancing Vision-Language Model\'s Perception of the World at Any Resolution"',
    'authors:',
    '  - Peng Wang',
    '  - Shuai Bai',
    'url: https://arxiv.org/abs/2409.12191v2',
    extra,
  ].join('\n');
}

const ENTRY = { 'mllm/2409.12191.yaml': yamlEntry() };

describe('records', () => {
  it('accepts a record of an entry, and the decisions file beside the section folders', () => {
    const root = contentFolder({
      ...ENTRY,
      'records/mllm/2409.12191.yaml': recordYaml('abstract: "We present the Qwen2-VL Series."\npublished: 2024-09-18'),
      'records/decisions.yaml': 'rejected:\n  - entry: mllm/other\n    arxiv: "2401.00001"\n',
    });
    expect(problemsIn(root)).toEqual([]);
  });

  it('checks each record against the schema, naming the file, line and field', () => {
    const root = contentFolder({
      ...ENTRY,
      'records/mllm/2409.12191.yaml': recordYaml('published: 2024-02-30\npdf: ftp://example.org/x.pdf\nabstarct: typo'),
    });
    expect(problemsIn(root)).toEqual([
      {
        file: 'records/mllm/2409.12191.yaml',
        line: 9,
        field: 'published',
        message: 'is not a real calendar date',
        severity: 'error',
      },
      {
        file: 'records/mllm/2409.12191.yaml',
        line: 10,
        field: 'pdf',
        message: 'must start with http:// or https://',
        severity: 'error',
      },
      {
        file: 'records/mllm/2409.12191.yaml',
        line: 11,
        field: 'abstarct',
        message: 'unknown field (check the spelling)',
        severity: 'error',
      },
    ]);
  });

  it('reports a YAML syntax error in a record at its line', () => {
    const root = contentFolder({ ...ENTRY, 'records/mllm/2409.12191.yaml': `${recordYaml()}\nauthors: [unclosed` });
    expect(problemsIn(root)).toMatchObject([{ file: 'records/mllm/2409.12191.yaml', line: 10, field: '(syntax)' }]);
  });

  it('names a record whose entry is gone, and what to do', () => {
    const root = contentFolder({ ...ENTRY, 'records/mllm/gone-paper.yaml': recordYaml() });
    const [problem, ...rest] = problemsIn(root);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'records/mllm/gone-paper.yaml', line: 1, field: '(file)', severity: 'error' });
    expect(problem!.message).toMatch(/mllm\/gone-paper, which is no longer an entry/);
    expect(problem!.message).toMatch(/delete it, or run `npm run records`, which removes such records/);
  });

  it('names a records folder that is not a section (and does not take it for an unregistered section)', () => {
    const root = contentFolder({ ...ENTRY, 'records/old-section/2409.12191.yaml': recordYaml() });
    const problems = problemsIn(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'records/old-section/2409.12191.yaml', field: '(section)' });
    expect(problems[0]!.message).toMatch(/records folder "old-section" is not a section of sections\.yaml.*npm run records/);
  });

  it('names a file in a section of records that is not read', () => {
    const root = contentFolder({ ...ENTRY, 'records/mllm/2409.12191.yml': recordYaml() });
    expect(problemsIn(root)).toMatchObject([{ file: 'records/mllm/2409.12191.yml', field: '(file)', message: /is not read/ }]);
  });

  it('is what npm run validate prints, with a failing exit', async () => {
    const root = contentFolder({ ...ENTRY, 'records/mllm/2409.12191.yaml': recordYaml('venue: ""') });
    const run = await runScript('scripts/validate.ts', ['--content', root]);
    expect(run.status).toBe(1);
    const [problem] = problemsIn(root).map((found) => formatProblem({ ...found, file: path.join(root, found.file) }, REPO_ROOT));
    expect(run.stdout + run.stderr).toContain(problem!);
    expect(problem).toMatch(/records\/mllm\/2409\.12191\.yaml:9: venue: must not be empty$/);
  });
});
