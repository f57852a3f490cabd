import { chmodSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { contentValidation } from '../../../src/integrations/validate-content';
import { REPO_ROOT } from '../../../src/lib/paths';
import { formatGithubAnnotation, formatProblem, type Problem } from '../../../src/lib/content/problems';
import { formatSummary } from '../../../src/lib/validate/validate';
import { runScript } from '../../helpers/run';
import { contentFolder, removeContentFolders, yamlEntry } from '../../helpers/validate';

/**
 * How validation's problems reach people: the formatted lines, GitHub annotations and summary,
 * `npm run validate` with its exit codes, and the Astro integration that fails the build.
 */

afterEach(removeContentFolders);

describe('formatting', () => {
  const problem: Problem = {
    file: path.join(REPO_ROOT, 'content/mllm/a.yaml'),
    line: 4,
    field: 'links.0.url',
    message: 'must start with http:// or https://',
    severity: 'error',
  };

  it('formats a problem as path:line: field: message, relative to the working folder', () => {
    expect(formatProblem(problem, REPO_ROOT)).toBe('content/mllm/a.yaml:4: links.0.url: must start with http:// or https://');
    expect(formatProblem(problem, path.join(REPO_ROOT, 'content'))).toBe(
      'mllm/a.yaml:4: links.0.url: must start with http:// or https://',
    );
  });

  it('marks warnings after the location', () => {
    expect(formatProblem({ ...problem, severity: 'warning', field: 'note', message: 'is identical' }, REPO_ROOT)).toBe(
      'content/mllm/a.yaml:4: warning: note: is identical',
    );
  });

  it('formats GitHub annotations with repository-relative paths and escaped values', () => {
    expect(formatGithubAnnotation(problem)).toBe(
      '::error file=content/mllm/a.yaml,line=4,title=links.0.url::must start with http:// or https://',
    );
    expect(formatGithubAnnotation({ ...problem, severity: 'warning', field: 'a,b:c', message: '100% sure\nreally' })).toBe(
      '::warning file=content/mllm/a.yaml,line=4,title=a%2Cb%3Ac::100%25 sure%0Areally',
    );
  });

  it('summarises entries, sections, errors and warnings', () => {
    expect(
      formatSummary({ problems: [problem, problem, { ...problem, severity: 'warning' }], entryCount: 12, sectionCount: 3 }),
    ).toBe('12 entries in 3 sections: 2 errors, 1 warnings');
  });
});

describe('npm run validate (scripts/validate.ts)', () => {
  /** Runs the CLI as CI does; GITHUB_ACTIONS is removed unless `env` sets it. */
  function runValidate(args: string[], env: NodeJS.ProcessEnv = {}) {
    return runScript('scripts/validate.ts', args, { GITHUB_ACTIONS: undefined, ...env });
  }

  it('exits 0 on clean content and prints the summary', async () => {
    const root = contentFolder({ 'mllm/a.yaml': yamlEntry() });
    expect(await runValidate(['--content', root])).toEqual({
      status: 0,
      stdout: '1 entries in 3 sections: 0 errors, 0 warnings\n',
      stderr: '',
    });
  });

  it('exits 0 when there are only warnings', async () => {
    const root = contentFolder({
      'mllm/a.yaml': yamlEntry({ note: 'Same.' }),
      'survey/b.yaml': yamlEntry({ title: 'B', url: 'https://arxiv.org/abs/2401.00001', note: 'Same.' }),
    });
    const { status, stdout } = await runValidate(['--content', root]);
    expect(status).toBe(0);
    expect(stdout).toContain('0 errors, 1 warnings');
  });

  it('exits 1 on errors, one line per problem, and annotates them under GitHub Actions', async () => {
    const root = contentFolder({
      'mllm/a.yaml': yamlEntry({ note: 'Same.' }),
      'mllm/b.yaml': yamlEntry({ title: 'B', url: 'javascript:alert(1)' }),
      'survey/c.yaml': yamlEntry({ title: 'C', url: 'https://arxiv.org/abs/2401.00001', note: 'Same.' }),
    });
    const repoPath = (name: string) => path.relative(REPO_ROOT, path.join(root, name)).split(path.sep).join('/');
    const plain = [
      `${repoPath('mllm/b.yaml')}:4: links.0.url: must start with http:// or https://`,
      `${repoPath('survey/c.yaml')}:5: warning: note: is identical to the note of mllm/a.yaml; was it copied by mistake?`,
    ];
    const summary = '3 entries in 3 sections: 1 errors, 1 warnings';

    expect(await runValidate(['--content', root])).toMatchObject({ status: 1, stdout: [...plain, summary, ''].join('\n') });
    expect(await runValidate(['--content', root], { GITHUB_ACTIONS: 'true' })).toMatchObject({
      status: 1,
      stdout: [
        ...plain,
        `::error file=${repoPath('mllm/b.yaml')},line=4,title=links.0.url::must start with http:// or https://`,
        `::warning file=${repoPath('survey/c.yaml')},line=5,title=note::is identical to the note of mllm/a.yaml; was it copied by mistake?`,
        summary,
        '',
      ].join('\n'),
    });
  });

  it('exits 1 with the registry problem alone when sections.yaml is broken', async () => {
    const root = contentFolder({ 'mllm/a.yaml': 'title: [broken' }, '- id: [oops\n');
    const { status, stdout } = await runValidate(['--content', root]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^\S*sections\.yaml:\d+: \(syntax\): .+\n0 entries in 0 sections: 1 errors, 0 warnings\n$/);
  });

  it.each([
    [
      'a missing content root',
      (root: string) => ['--content', path.join(root, 'missing')],
      /^error: the content root \S+missing does not exist\n$/,
    ],
    [
      'a content root that is a file',
      (root: string) => ['--content', path.join(root, 'sections.yaml')],
      /^error: the content root \S+ is not a folder\n$/,
    ],
    [
      'an unknown option',
      () => ['--contnet', 'x'],
      /^error: Unknown option '--contnet' \(usage: npm run validate \[-- --content DIR\]\)\n$/,
    ],
  ])('exits 2 with one line and no stack trace on %s', async (_, args, message) => {
    const { status, stdout, stderr } = await runValidate(args(contentFolder({})));
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toMatch(message);
  });

  it.skipIf(process.getuid?.() === 0)('exits 2 when the content root cannot be read', async () => {
    const root = contentFolder({});
    chmodSync(root, 0o000);
    try {
      expect((await runValidate(['--content', root])).status).toBe(2);
    } finally {
      chmodSync(root, 0o700);
    }
  });

  it('reads CONTENT_DIR when no --content is given', async () => {
    const root = contentFolder({ 'mllm/a.yaml': yamlEntry({ title: '' }) });
    const { status, stdout } = await runValidate([], { CONTENT_DIR: root });
    expect(status).toBe(1);
    expect(stdout).toContain(':1: title: must not be empty');
  });
});

describe('the contentValidation() Astro integration', () => {
  /** Runs the integration's config hook for `command` on a content root, recording what it logs. */
  function runHook(command: 'build' | 'dev' | 'preview', root: string) {
    const logged: string[] = [];
    const logger = { error: (line: string) => logged.push(`error ${line}`), warn: (line: string) => logged.push(`warn ${line}`) };
    const hook = contentValidation().hooks['astro:config:setup']!;
    const previous = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = root;
    try {
      // Only `command`, `logger` and the config's public folder are read; the rest does not matter here.
      const config = { publicDir: pathToFileURL(path.join(REPO_ROOT, 'public/')) };
      void hook({ command, config, logger } as unknown as Parameters<typeof hook>[0]);
      return { logged, error: undefined };
    } catch (error) {
      return { logged, error: (error as Error).message };
    } finally {
      if (previous === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = previous;
    }
  }

  const brokenContent = () =>
    contentFolder({
      'mllm/a.yaml': yamlEntry({ note: 'Same.' }),
      'mllm/b.yaml': yamlEntry({ title: 'B', url: 'javascript:alert(1)' }),
      'survey/c.yaml': yamlEntry({ title: 'C', url: 'https://arxiv.org/abs/2401.00001', note: 'Same.' }),
    });

  it('fails the build after logging every problem, warnings as warnings', () => {
    const { logged, error } = runHook('build', brokenContent());
    expect(logged).toEqual([
      expect.stringMatching(/^error \S*mllm\/b\.yaml:4: links\.0\.url: must start with http:\/\/ or https:\/\/$/),
      expect.stringMatching(/^warn \S*survey\/c\.yaml:5: warning: note: is identical to the note of mllm\/a\.yaml/),
    ]);
    expect(error).toBe('content validation failed with 1 error (listed above); run `npm run validate`');
  });

  it('lets the build go on with warnings only', () => {
    const root = contentFolder({
      'mllm/a.yaml': yamlEntry({ note: 'Same.' }),
      'survey/c.yaml': yamlEntry({ title: 'C', url: 'https://arxiv.org/abs/2401.00001', note: 'Same.' }),
    });
    expect(runHook('build', root)).toMatchObject({ logged: [expect.stringMatching(/^warn /)], error: undefined });
  });

  it('only logs under `astro dev`, so the server still starts', () => {
    expect(runHook('dev', brokenContent())).toMatchObject({
      logged: [expect.stringMatching(/^error /), expect.stringMatching(/^warn /)],
      error: undefined,
    });
  });

  it('does nothing under `astro preview`', () => {
    expect(runHook('preview', brokenContent())).toEqual({ logged: [], error: undefined });
  });
});
