import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/paths';
import { loadSections } from '../../src/lib/content/sections';
import { paperSchema } from '../../src/schemas/paper';
import { siteLocation } from '../../src/site.config';
import { FORM_FIELDS, renderForm, SUGGESTION_LABEL } from '../../scripts/lib/suggestion/form';
import { dependencyFreeProblems, workflowProblems, type Job, type Workflow as RuleWorkflow } from '../helpers/workflow-rules';

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
  jobs: Record<string, { steps: Step[]; if?: string }>;
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
      'npm run test:slow',
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
    expect(steps.find((step) => step.run === 'npm run test:slow')?.env).toEqual({ REQUIRE_BROWSER: '1' });
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

  it('.ci/run runs the README’s test command, then the slow suite', () => {
    const lines = read('.ci/run').split('\n');
    const test = lines.indexOf('npm test');
    expect(test).toBeGreaterThan(0);
    expect(lines.indexOf('npm run test:slow')).toBeGreaterThan(test);
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
      BUILD_CACHE: 'off',
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

  it("refreshes the papers' records after the sync, their report after the sync's, whatever the services answer", () => {
    const steps = allSteps(workflow('sync-list.yml'));
    const at = (test: (step: Step) => boolean) => steps.findIndex(test);
    const records = steps[at((step) => step.run?.includes('npm run records') ?? false)];
    expect(records?.run).toContain('npm run records -- --report "$RUNNER_TEMP/records-report.md" || status=$?');
    expect(records?.run).not.toMatch(/exit "\$status"/);
    expect(records?.run).toContain('cat "$RUNNER_TEMP/records-report.md" >> "$RUNNER_TEMP/sync-report.md"');
    expect(at((step) => step.run?.includes('npm run sync:upstream') ?? false)).toBeLessThan(steps.indexOf(records!));
    expect(steps.indexOf(records!)).toBeLessThan(
      at((step) => step.uses?.startsWith('peter-evans/create-pull-request@') ?? false),
    );
    // Run as the runner would, with an `npm` that fails before any report: the sync report still
    // gets a records part, and the step succeeds.
    const dir = mkdtempSync(path.join(tmpdir(), 'records-step-'));
    try {
      writeFileSync(path.join(dir, 'npm'), '#!/bin/sh\nexit 2\n', { mode: 0o755 });
      writeFileSync(path.join(dir, 'sync-report.md'), '## Sync\n');
      const run = spawnSync('bash', ['-e', '-c', records!.run!], {
        env: { PATH: `${dir}:${process.env.PATH}`, RUNNER_TEMP: dir },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(path.join(dir, 'sync-report.md'), 'utf8')).toBe(
        '## Sync\n\n## Records\n\n`npm run records` stopped (exit 2) before its report: see the run log.\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // content/records/ is committed with content/.
    expect(steps.find((step) => step.uses?.startsWith('peter-evans/create-pull-request@'))?.with?.['add-paths']).toBe('content');
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
    attributes: { label?: string; options?: string[] };
  }
  const form = parseYaml('.github/ISSUE_TEMPLATE/suggest-paper.yml') as { labels: string[]; body: FormField[] };
  const fields = form.body.filter((field) => field.type !== 'markdown');

  it('is what `npm run suggestion:form` writes from the registry: run it after changing content/sections.yaml', () =>
    expect(read('.github/ISSUE_TEMPLATE/suggest-paper.yml')).toBe(renderForm(loadSections())));

  it("offers the registry's sections, in its order, as the section dropdown", () => {
    const section = fields.find((field) => field.id === 'section');
    expect(section?.type).toBe('dropdown');
    expect(section?.attributes.options).toEqual(loadSections().map((entry) => entry.title));
  });

  it('has the fields, labels and order the issue-body parser reads, and the label the workflow runs on', () => {
    expect(fields.map((field) => [field.id, field.attributes.label])).toEqual(
      FORM_FIELDS.map((field) => [field.id, field.label]),
    );
    expect(form.labels).toEqual([SUGGESTION_LABEL]);
    expect(workflow('suggestion.yml').jobs.read!.if).toContain(`'${SUGGESTION_LABEL}'`);
  });

  it('asks for entry fields only (the URL becomes the first link)', () => {
    const known = ['section', 'url', ...Object.keys(paperSchema.shape)];
    expect(fields.map((field) => field.id!).filter((id) => !known.includes(id))).toEqual([]);
  });
});

describe('the suggestion workflow', () => {
  const flow = workflow('suggestion.yml');
  const { read: reader, publish } = flow.jobs as Record<string, Job & { needs?: string }>;

  it('runs when an issue is opened or edited, reading with a read-only token and posting from a second job', () => {
    expect(flow.on).toEqual({ issues: { types: ['opened', 'edited'] } });
    expect(reader?.permissions).toEqual({ contents: 'read' });
    expect(publish?.needs).toBe('read');
    expect(publish?.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write' });
  });

  it('reads the body from the event file with exactly `npm run suggestion`, and hands the result over as an artifact', () => {
    const run = reader!.steps!.map((step) => step.run ?? '').join('\n');
    expect(run).toContain('"$GITHUB_EVENT_PATH" > "$RUNNER_TEMP/issue-body.md"');
    expect(run).toContain(
      'npm run suggestion -- "$RUNNER_TEMP/issue-body.md" --issue "$ISSUE_NUMBER" --out "$RUNNER_TEMP/suggestion"',
    );
    const upload = reader!.steps!.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    const download = publish!.steps!.find((step) => step.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with?.name).toBe(upload?.with?.name);
  });

  it('posts with the dependency-free publisher from a checkout of only what it runs, on the Node of .nvmrc', () => {
    const checkout = publish!.steps!.find((step) => step.uses?.startsWith('actions/checkout@'));
    const files = String(checkout?.with?.['sparse-checkout']).trim().split('\n');
    expect(publish!.steps!.map((step) => step.run).filter(Boolean)).toEqual([
      'node scripts/suggestion-publish.ts "$RUNNER_TEMP/suggestion"',
    ]);
    expect(dependencyFreeProblems('scripts/suggestion-publish.ts')).toEqual([]);
    for (const file of [
      'scripts/suggestion-publish.ts',
      'scripts/lib/suggestion/github.ts',
      'scripts/lib/suggestion/publish.ts',
      '.nvmrc',
    ])
      expect(files).toContain(file);
    for (const job of [reader!, publish!])
      expect(job.steps!.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version-file']).toBe('.nvmrc');
  });
});

describe('workflow safety rules', () => {
  const workflows = yamlFilesUnder(path.join(GITHUB_DIR, 'workflows'));
  const flow = (text: string) => parseDocument(text).toJS() as RuleWorkflow;

  it.each(workflows)('%s keeps them', (file) => expect(workflowProblems(file, parseYaml(file) as RuleWorkflow)).toEqual([]));

  it('finds a missing permissions block, stranger text interpolated in code, and a write job running project code', () => {
    const bad = flow(`
on: { issues: { types: [opened] } }
jobs:
  read:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.issue.title }}"
      - uses: actions/github-script@v7
        with: { script: "core.info('\${{ steps.x.outputs.body }}')" }
      - run: echo "\${{ runner.temp }}"
  write:
    runs-on: ubuntu-latest
    permissions: { contents: write }
    steps:
      - uses: actions/checkout@v4
        with: { ref: "\${{ github.event.pull_request.head.sha }}" }
      - run: npm ci && npm run suggestion
      - run: node scripts/lib/records/arxiv.ts
      - uses: ./.github/actions/local
`);
    expect(workflowProblems('bad.yml', bad)).toEqual([
      'bad.yml: job read has no permissions: block (nor has the workflow)',
      'bad.yml: job read, step 1: ${{ github.event.issue.title }} in code; pass it through env:',
      'bad.yml: job read, actions/github-script@v7: ${{ steps.x.outputs.body }} in code; pass it through env:',
      'bad.yml: job write, actions/checkout@v4: checks out ${{ github.event.pull_request.head.sha }}, not the default branch',
      "bad.yml: job write (write permissions), step 2: runs the project's packages or scripts",
      'bad.yml: job write (write permissions), step 3: runs scripts/lib/records/arxiv.ts, which imports the package "fast-xml-parser"',
      ...['../../../src/lib/arxiv', '../../../src/lib/title-key', '../../../src/schemas/record', './answers'].map(
        (specifier) =>
          `bad.yml: job write (write permissions), step 3: runs scripts/lib/records/arxiv.ts, which imports "${specifier}" without its extension (only a loader installed with the packages finds it)`,
      ),
      'bad.yml: job write (write permissions), ./.github/actions/local: runs a local action',
    ]);
  });

  it('allows project code in write jobs of workflows no stranger starts (the list sync)', () =>
    expect(
      workflowProblems(
        'sync.yml',
        flow('on: schedule\npermissions: { contents: write }\njobs: { a: { steps: [{ run: npm ci }] } }'),
      ),
    ).toEqual([]));
});

describe('the workflow linter (@action-validator/cli)', () => {
  const bin = path.join(REPO_ROOT, 'node_modules', '.bin', 'action-validator');
  const lint = (file: string) => spawnSync(bin, [file], { cwd: REPO_ROOT, encoding: 'utf8' });

  it.each(yamlFilesUnder(path.join(GITHUB_DIR, 'workflows')))('passes %s', (file) => {
    const { status, stdout, stderr } = lint(file);
    expect({ status, output: `${stdout}${stderr}` }).toEqual({ status: 0, output: '' });
  });

  it('fails a workflow with a misspelt key', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'action-validator-'));
    const file = path.join(dir, 'bad.yml');
    writeFileSync(file, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n');
    try {
      expect(lint(file).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
