import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';
import { loadSections } from '../../src/lib/sections';
import { paperSchema } from '../../src/schemas/paper';
import { siteLocation } from '../../src/site.config';

const GITHUB_DIR = path.join(REPO_ROOT, '.github');
const read = (relative: string) => readFileSync(path.join(REPO_ROOT, relative), 'utf8');

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

function parseYaml(relative: string): unknown {
  const doc = parseDocument(read(relative), { uniqueKeys: true });
  expect(
    doc.errors.map((error) => error.message),
    relative,
  ).toEqual([]);
  return doc.toJS();
}

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[] }>;
}
const workflow = (name: string) => parseYaml(`.github/workflows/${name}`) as Workflow;
const workflowFiles = () => readdirSync(path.join(GITHUB_DIR, 'workflows')).filter((name) => /\.ya?ml$/.test(name));
const allSteps = (flow: Workflow) => Object.values(flow.jobs).flatMap((job) => job.steps);

describe('.github', () => {
  const yamlFiles = yamlFilesUnder(GITHUB_DIR);

  it('has the workflows and templates', () => {
    expect(yamlFiles).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/deploy.yml',
        '.github/ISSUE_TEMPLATE/suggest-paper.yml',
        '.github/ISSUE_TEMPLATE/config.yml',
      ]),
    );
    expect(existsSync(path.join(GITHUB_DIR, 'PULL_REQUEST_TEMPLATE.md'))).toBe(true);
  });

  it.each(workflowFiles())('%s sets up Node from .nvmrc, the one file that names the version', (file) => {
    const setups = allSteps(workflow(file)).filter((step) => step.uses?.startsWith('actions/setup-node@'));
    for (const step of setups) expect(step.with).toMatchObject({ 'node-version-file': '.nvmrc' });
    expect(setups.every((step) => !('node-version' in (step.with ?? {})))).toBe(true);
  });

  it.each(yamlFiles)('%s is valid YAML', (file) => {
    expect(parseYaml(file)).toBeTypeOf('object');
  });

  it('CI checks pull requests and pushes: install, Chromium, validate, check, test with the browser, build', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const steps = allSteps(ci);
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toEqual({
      'node-version-file': '.nvmrc',
      cache: 'npm',
    });
    const runs = steps.flatMap((step) => (step.run ? [step.run] : []));
    const order = [
      'npm ci',
      'CHROME_PATH=',
      'npm run validate',
      'npm run check',
      'npm test',
      'npm run build',
      'npm run check:counts',
      'npm run check:links',
    ];
    const positions = order.map((command) => runs.findIndex((run) => run.includes(command)));
    expect(
      positions.every((position) => position >= 0),
      `ci.yml runs ${runs.join(' | ')}`,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(steps.find((step) => step.run === 'npm test')?.env).toEqual({ REQUIRE_BROWSER: '1' });
    // The runner's own browser, found on the PATH; never apt's snap wrapper.
    const find = runs.find((run) => run.includes('CHROME_PATH='))!;
    expect(find).toContain('command -v chromium || ');
    expect(find).toContain('command -v google-chrome');
    expect(find).toContain('>> "$GITHUB_ENV"');
    expect(runs.join('\n')).not.toMatch(/apt-get install[^\n]*chromium/);
  });

  it(".ci/run keeps Debian's Chromium at /usr/bin/chromium", () => {
    const script = read('.ci/run');
    expect(script).toContain('apt-get install -y --no-install-recommends chromium');
  });

  it('deploys with the official Pages actions under the repository sub-path, editing links pointing at the repository', () => {
    const steps = allSteps(workflow('deploy.yml'));
    const actions = steps.flatMap((step) => (step.uses ? [step.uses.split('@')[0]] : []));
    expect(actions).toEqual(
      expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']),
    );
    expect(steps.find((step) => step.run === 'npm run build')?.env).toEqual({
      SITE_REPOSITORY: '${{ github.repository }}',
      REPO_BRANCH: '${{ github.event.repository.default_branch }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}/',
      SITE_URL: '${{ steps.pages.outputs.origin }}',
    });
  });
});

describe('the scheduled list sync', () => {
  it('runs monthly and by hand, fetches a configurable URL, syncs and opens one pull request with the report', () => {
    const flow = workflow('sync-list.yml');
    expect(Object.keys(flow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const steps = allSteps(flow);
    const sync = steps.find((step) => step.run?.includes('npm run sync:upstream'));
    expect(sync?.run).toContain('--url "$LIST_URL"');
    expect(sync?.env?.LIST_URL).toContain('inputs.url');
    expect(sync?.env?.LIST_URL).toContain(
      'https://raw.githubusercontent.com/yfzhang114/Awesome-Multimodal-Large-Language-Models/main/README.md',
    );
    const pr = steps.find((step) => step.uses?.startsWith('peter-evans/create-pull-request@'));
    expect(pr?.with).toMatchObject({ branch: 'list-sync', 'add-paths': 'content' });
    expect(String(pr?.with?.['body-path'])).toContain('sync-report.md');
    expect(sync?.run).toContain('sync-report.md');
  });
});

describe('npm commands in the docs and workflows', () => {
  const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
  const documents = [
    'README.md',
    'CONTRIBUTING.md',
    '.github/PULL_REQUEST_TEMPLATE.md',
    ...yamlFilesUnder(path.join(GITHUB_DIR, 'workflows')),
  ].filter((file) => existsSync(path.join(REPO_ROOT, file)));

  it.each(documents)('%s only runs scripts package.json defines', (file) => {
    const used = [...read(file).matchAll(/\bnpm (?:run(?:-script)? ([\w:.-]+)|(test|start)\b)/g)].map(
      (match) => match[1] ?? match[2]!,
    );
    expect([...new Set(used)].filter((script) => !scripts.includes(script))).toEqual([]);
  });
});

describe('the "suggest a paper" issue form', () => {
  interface FormField {
    type: string;
    id?: string;
    attributes: { options?: string[] };
  }
  const form = parseYaml('.github/ISSUE_TEMPLATE/suggest-paper.yml') as { body: FormField[] };
  const fields = form.body.filter((field) => field.type !== 'markdown');

  it('asks for the section as text and names no section itself: the registry is the one list of sections', () => {
    const section = fields.find((field) => field.id === 'section');
    expect(section?.type).toBe('input');
    const text = read('.github/ISSUE_TEMPLATE/suggest-paper.yml');
    const ids = loadSections().map((entry) => entry.id);
    expect(ids.filter((id) => new RegExp(`^\\s*- ${id}$`, 'm').test(text))).toEqual([]);
  });

  it('asks for entry fields only (the URL becomes the first link)', () => {
    const ids = fields.map((field) => field.id!);
    expect(ids).toEqual(expect.arrayContaining(['section', 'title', 'url']));
    const known = ['section', 'url', ...Object.keys(paperSchema.shape)];
    expect(ids.filter((id) => !known.includes(id))).toEqual([]);
  });
});

describe('where the site lives: one setting', () => {
  it("defaults to the list's own repository and its GitHub Pages origin", () =>
    expect(siteLocation({})).toEqual({
      repository: 'yfzhang114/Awesome-Multimodal-Large-Language-Models',
      repoUrl: 'https://github.com/yfzhang114/Awesome-Multimodal-Large-Language-Models',
      repoBranch: 'main',
      siteUrl: 'https://yfzhang114.github.io',
    }));

  it("follows SITE_REPOSITORY, else a GitHub Actions run's repository, for edit links and the origin", () => {
    expect(siteLocation({ SITE_REPOSITORY: 'Me/fork' })).toMatchObject({
      repoUrl: 'https://github.com/Me/fork',
      siteUrl: 'https://me.github.io',
    });
    expect(siteLocation({ GITHUB_REPOSITORY: 'ci/list' }).repoUrl).toBe('https://github.com/ci/list');
    expect(siteLocation({ SITE_REPOSITORY: 'a/b', SITE_URL: 'https://list.example.org/' }).siteUrl).toBe(
      'https://list.example.org',
    );
  });

  it('is documented in the README under that name', () => expect(read('README.md')).toContain('SITE_REPOSITORY'));
});
