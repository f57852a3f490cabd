import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restGitHub, type GitHub, type IssueComment, type Request } from '../../../scripts/lib/suggestion/github';
import { COMMENT_MARKER, publish, readResult, writeResult, type SuggestionResult } from '../../../scripts/lib/suggestion/publish';
import { repositoryPath, siteAddress, suggest, type Outcome } from '../../../scripts/lib/suggestion/suggest';
import { REPO_ROOT } from '../../../src/lib/paths';
import { answeringLookup } from '../../helpers/records';

const FIXTURES = path.join(REPO_ROOT, 'tests/unit/fixtures/suggestion');
const ISSUE = 7;

/**
 * GitHub as the publishing step sees it, in memory: comments, branches (the file each holds) and
 * pull requests, with every call that would change something recorded in order.
 */
class RecordingGitHub implements GitHub {
  calls: string[] = [];
  comments: IssueComment[] = [{ id: 1, body: `A stranger's comment, marker and all: ${COMMENT_MARKER}`, byBot: false }];
  branches = new Map<string, { path: string; text: string; alongside?: { path: string; text: string }[] }>();
  pulls: { number: number; branch: string; title: string; body: string; labels: string[] }[] = [];

  async listComments() {
    return this.comments.map((comment) => ({ ...comment }));
  }
  async createComment(issue: number, body: string) {
    this.calls.push(`create comment on #${issue}`);
    this.comments.push({ id: 100 + this.comments.length, body, byBot: true });
  }
  async updateComment(id: number, body: string) {
    this.calls.push(`update comment ${id}`);
    this.comments.find((comment) => comment.id === id)!.body = body;
  }
  async commitFile({ branch, path: file, text, alongside = [] }: Parameters<GitHub['commitFile']>[0]) {
    const before = this.branches.get(branch);
    const others = alongside.length ? { alongside } : {};
    if (before?.path === file && before.text === text && JSON.stringify(before.alongside) === JSON.stringify(others.alongside))
      return 'unchanged' as const;
    this.calls.push(`commit ${[file, ...alongside.map((other) => other.path)].join(' and ')} to ${branch}`);
    this.branches.set(branch, { path: file, text, ...others });
    return before ? ('updated' as const) : ('created' as const);
  }
  async findOpenPullRequest(branch: string) {
    const pull = this.pulls.find((candidate) => candidate.branch === branch);
    return pull && { ...pull, labels: [...pull.labels] };
  }
  async createPullRequest({ branch, title, body }: { branch: string; title: string; body: string }) {
    this.calls.push(`open pull request from ${branch}`);
    const pull = { number: 50 + this.pulls.length, branch, title, body, labels: [] as string[] };
    this.pulls.push(pull);
    return { ...pull, labels: [...pull.labels] };
  }
  async updatePullRequest(number: number, change: { title: string; body: string }) {
    this.calls.push(`update pull request #${number}`);
    Object.assign(
      this.pulls.find((pull) => pull.number === number)!,
      change,
    );
  }
  async addLabels(number: number, labels: readonly string[]) {
    this.calls.push(`label #${number} ${labels.join(', ')}`);
    this.pulls.find((pull) => pull.number === number)!.labels.push(...labels);
  }
  async removeLabel(number: number, label: string) {
    this.calls.push(`unlabel #${number} ${label}`);
    const pull = this.pulls.find((candidate) => candidate.number === number)!;
    pull.labels = pull.labels.filter((name) => name !== label);
  }
}

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(path.join(tmpdir(), 'suggestion-publish-'));
  mkdirSync(path.join(temp, 'content'));
  writeFileSync(path.join(temp, 'content', 'sections.yaml'), readFileSync(path.join(FIXTURES, 'content', 'sections.yaml')));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

/** What the first job hands the second for an issue body: the outcome of `npm run suggestion`, through the artifact. */
async function handOver(body: string): Promise<SuggestionResult> {
  const outcome: Outcome = await suggest(body, {
    root: path.join(temp, 'content'),
    today: '2025-03-04',
    issue: ISSUE,
    lookup: answeringLookup(readFileSync(path.join(FIXTURES, 'arxiv', '2101.05225.xml'), 'utf8')),
    site: siteAddress({}),
  });
  const result: SuggestionResult =
    outcome.kind === 'pull-request'
      ? {
          kind: 'pull-request',
          issue: ISSUE,
          file: repositoryPath(outcome.entry.file),
          text: outcome.entry.text,
          title: outcome.title,
          body: outcome.body,
          labels: outcome.labels,
        }
      : outcome.kind === 'comment'
        ? { kind: 'comment', issue: ISSUE, body: outcome.body }
        : { kind: 'none', issue: ISSUE };
  const dir = path.join(temp, `artifact-${Math.random().toString(36).slice(2)}`);
  await writeResult(dir, result);
  return readResult(dir, ISSUE);
}

const issue = (name: string) => readFileSync(path.join(FIXTURES, 'issues', name), 'utf8');

describe('publishing a suggestion', () => {
  it('an edit that fixes a problem: one comment, then the pull request appears and the comment says so', async () => {
    const github = new RecordingGitHub();
    const broken = issue('bad-url.md');
    await publish(github, await handOver(broken), 'main');
    expect(github.calls).toEqual(['create comment on #7']);
    const ours = github.comments.at(-1)!;
    expect(ours.body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(ours.body).toContain('ftp://example.org/paper.pdf');

    // The same problem again (an unrelated edit): nothing changes.
    await publish(github, await handOver(broken), 'main');
    expect(github.calls).toEqual(['create comment on #7']);

    const fixed = broken.replace('ftp://example.org/paper.pdf', 'https://example.org/paper.pdf');
    const done = await publish(github, await handOver(fixed), 'main');
    expect(github.calls.slice(1)).toEqual([
      'commit content/mllm/some-paper.yaml to suggestion/issue-7',
      'open pull request from suggestion/issue-7',
      `update comment ${ours.id}`,
    ]);
    expect(done).toEqual(['branch suggestion/issue-7 created', 'pull request #50 opened', `comment ${ours.id} updated`]);
    expect(github.comments.map((comment) => comment.id)).toEqual([1, ours.id]);
    expect(github.comments.at(-1)!.body).toContain('pull request #50 adds the paper');
    expect(github.comments[0]!.body).toContain("A stranger's comment");
    expect(github.pulls[0]).toMatchObject({ title: 'Add paper: Some Paper', body: expect.stringContaining('Closes #7') });
    expect(github.branches.get('suggestion/issue-7')).toEqual({
      path: 'content/mllm/some-paper.yaml',
      text: expect.stringContaining('url: https://example.org/paper.pdf'),
    });
  });

  it('a later edit updates the branch and the pull request in place; the same answers again commit nothing', async () => {
    const github = new RecordingGitHub();
    await publish(github, await handOver(issue('english-full.md')), 'main');
    const edited = issue('english-full.md').replace('\n\narXiv\n', '\n\nCVPR 2025\n');
    await publish(github, await handOver(edited), 'main');
    await publish(github, await handOver(edited), 'main');
    expect(github.calls).toEqual([
      'commit content/mllm/2408.03326.yaml to suggestion/issue-7',
      'open pull request from suggestion/issue-7',
      'commit content/mllm/2408.03326.yaml to suggestion/issue-7',
      'update pull request #50',
      'update pull request #50',
    ]);
    expect(github.pulls).toHaveLength(1);
    expect(github.branches.get('suggestion/issue-7')?.text).toContain('venue: CVPR 2025');
    expect(github.comments).toHaveLength(1);
  });

  it('a duplicate gets the comment linking the paper; an issue not made with the form gets nothing', async () => {
    mkdirSync(path.join(temp, 'content', 'mllm'));
    writeFileSync(
      path.join(temp, 'content', 'mllm', '2409.12191.yaml'),
      readFileSync(path.join(FIXTURES, 'content', 'mllm', '2409.12191.yaml')),
    );
    const github = new RecordingGitHub();
    await publish(github, await handOver(issue('duplicate.md')), 'main');
    await publish(github, await handOver(issue('not-a-form.md')), 'main');
    expect(github.calls).toEqual(['create comment on #7']);
    expect(github.comments.at(-1)!.body).toContain('/mllm/2409.12191/');
  });

  it('a paper another section lists: the pull request opens labelled, and loses the label once an edit makes it a new paper', async () => {
    mkdirSync(path.join(temp, 'content', 'benchmarks'));
    writeFileSync(
      path.join(temp, 'content', 'benchmarks', '2306.14565.yaml'),
      readFileSync(path.join(FIXTURES, 'content', 'benchmarks', '2306.14565.yaml')),
    );
    const github = new RecordingGitHub();
    const listed = issue('issue-31.md');
    const done = await publish(github, await handOver(listed), 'main');
    expect(done).toEqual(['branch suggestion/issue-7 created', 'pull request #50 opened', 'labelled already listed']);
    expect(github.pulls[0]).toMatchObject({
      labels: ['already listed'],
      body: expect.stringMatching(/^Already listed in BenchMark and Dataset as \[/),
    });
    // The same answers again: the label is there already.
    await publish(github, await handOver(listed), 'main');
    // Another paper after all: the workflow's label goes, a maintainer's stays.
    github.pulls[0]!.labels.push('good first review');
    await publish(
      github,
      await handOver(listed.replace('Robust Instruction Tuning', 'Robust Instruction Tuning, Again')),
      'main',
    );
    expect(github.calls).toEqual([
      'commit content/mllm/mitigating-hallucination-in-large-multi-modal-models-via.yaml to suggestion/issue-7',
      'open pull request from suggestion/issue-7',
      'label #50 already listed',
      'update pull request #50',
      'commit content/mllm/mitigating-hallucination-in-large-multi-modal-models-via.yaml to suggestion/issue-7',
      'update pull request #50',
      'unlabel #50 already listed',
    ]);
    expect(github.pulls[0]!.labels).toEqual(['good first review']);
  });
});

describe('the artifact the publishing job reads', () => {
  const write = (dir: string, result: object, files: Record<string, string> = {}) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'result.json'), JSON.stringify(result));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  };
  const pull = { kind: 'pull-request', issue: ISSUE, file: 'content/mllm/x.yaml', title: 'Add paper: X', body: 'Closes #7' };

  it('is refused when it is for another issue, writes outside one section folder, or is oversized', async () => {
    await expect(readResult(write(path.join(temp, 'a'), { ...pull, issue: 8 }), ISSUE)).rejects.toThrow('for issue 8, not #7');
    for (const file of ['.github/workflows/x.yml', 'content/../package.json', 'content/mllm/sub/x.yaml', 'content/mllm/x.sh'])
      await expect(readResult(write(path.join(temp, file.replace(/\W/g, '')), { ...pull, file }), ISSUE)).rejects.toThrow(
        'is not content/',
      );
    await expect(readResult(write(path.join(temp, 'b'), { ...pull, body: 'x'.repeat(70_000) }), ISSUE)).rejects.toThrow(
      'at most 60000',
    );
    await expect(readResult(write(path.join(temp, 'c'), { ...pull, kind: 'merge' }), ISSUE)).rejects.toThrow('unknown kind');
    const ok = write(path.join(temp, 'd'), pull, { 'content/mllm/x.yaml': 'title: X\n' });
    expect(await readResult(ok, ISSUE)).toEqual({ ...pull, text: 'title: X\n', labels: [] });
  });

  it('asks for no label but the ones the publisher owns', async () => {
    const files = { 'content/mllm/x.yaml': 'title: X\n' };
    const labelled = write(path.join(temp, 'e'), { ...pull, labels: ['already listed'] }, files);
    expect(await readResult(labelled, ISSUE)).toMatchObject({ labels: ['already listed'] });
    for (const labels of [['already listed', 'approved'], 'already listed', [{ name: 'already listed' }]])
      await expect(
        readResult(write(path.join(temp, `f${JSON.stringify(labels).replace(/\W/g, '')}`), { ...pull, labels }, files), ISSUE),
      ).rejects.toThrow('labels must be among ["already listed"]');
  });

  it("takes the paper's record only at its entry's record path, and only a file the records code writes", async () => {
    const record =
      '# Written by `npm run records` from arXiv or OpenReview: do not edit, the next run rewrites it.\nsource: arxiv\n';
    const files = { 'content/mllm/x.yaml': 'title: X\n', 'content/records/mllm/x.yaml': record };
    const ok = write(path.join(temp, 'record'), { ...pull, record: { file: 'content/records/mllm/x.yaml' } }, files);
    expect(await readResult(ok, ISSUE)).toEqual({
      ...pull,
      text: 'title: X\n',
      record: { file: 'content/records/mllm/x.yaml', text: record },
      labels: [],
    });
    for (const file of [
      'content/records/mllm/y.yaml',
      'content/records/survey/x.yaml',
      '.github/workflows/x.yml',
      'content/records/mllm/../x.yaml',
    ])
      await expect(
        readResult(
          write(
            path.join(temp, `record-${file.replace(/\W/g, '')}`),
            { ...pull, record: { file } },
            { ...files, [file]: record },
          ),
          ISSUE,
        ),
      ).rejects.toThrow(`the record must be content/records/mllm/x.yaml, not "${file}"`);
    const forged = { ...files, 'content/records/mllm/x.yaml': 'source: arxiv\n# Written by `npm run records`\n' };
    await expect(
      readResult(
        write(path.join(temp, 'record-forged'), { ...pull, record: { file: 'content/records/mllm/x.yaml' } }, forged),
        ISSUE,
      ),
    ).rejects.toThrow('content/records/mllm/x.yaml is not a record file');
  });
});

describe('the GitHub REST calls', () => {
  /** A Request that answers from `answers` by "METHOD path" and records what was sent. */
  function recordingRequest(answers: Record<string, unknown>) {
    const sent: { call: string; body?: unknown }[] = [];
    const request: Request = async (method, url, body, allowMissing) => {
      const call = `${method} ${url}`;
      sent.push({ call, ...(body === undefined ? {} : { body }) });
      if (call in answers) return answers[call];
      if (allowMissing) return undefined;
      throw new Error(`unexpected ${call}`);
    };
    return { request, sent };
  }
  const repo = '/repos/me/list';
  const base = {
    [`GET ${repo}/git/ref/heads/main`]: { object: { sha: 'main-sha' } },
    [`GET ${repo}/git/commits/main-sha`]: { sha: 'main-sha', tree: { sha: 'main-tree' } },
    [`POST ${repo}/git/trees`]: { sha: 'new-tree' },
    [`POST ${repo}/git/commits`]: { sha: 'new-commit' },
  };
  const change = {
    branch: 'suggestion/issue-7',
    base: 'main',
    path: 'content/mllm/x.yaml',
    text: 'title: X\n',
    message: 'Add x',
  };

  it('creates the branch as one commit on the default branch holding the file', async () => {
    const { request, sent } = recordingRequest({ ...base, [`POST ${repo}/git/refs`]: {} });
    expect(await restGitHub('me/list', request).commitFile(change)).toBe('created');
    expect(sent.filter((call) => call.body)).toEqual([
      {
        call: `POST ${repo}/git/trees`,
        body: {
          base_tree: 'main-tree',
          tree: [{ path: 'content/mllm/x.yaml', mode: '100644', type: 'blob', content: 'title: X\n' }],
        },
      },
      { call: `POST ${repo}/git/commits`, body: { message: 'Add x', tree: 'new-tree', parents: ['main-sha'] } },
      { call: `POST ${repo}/git/refs`, body: { ref: 'refs/heads/suggestion/issue-7', sha: 'new-commit' } },
    ]);
  });

  it("puts the paper's record in the same tree and commit", async () => {
    const { request, sent } = recordingRequest({ ...base, [`POST ${repo}/git/refs`]: {} });
    const alongside = [{ path: 'content/records/mllm/x.yaml', text: 'source: arxiv\n' }];
    expect(await restGitHub('me/list', request).commitFile({ ...change, alongside })).toBe('created');
    expect(sent.find((call) => call.call === `POST ${repo}/git/trees`)?.body).toEqual({
      base_tree: 'main-tree',
      tree: [
        { path: 'content/mllm/x.yaml', mode: '100644', type: 'blob', content: 'title: X\n' },
        { path: 'content/records/mllm/x.yaml', mode: '100644', type: 'blob', content: 'source: arxiv\n' },
      ],
    });
  });

  it('moves an existing branch (force) unless it already holds the same tree', async () => {
    const existing = { [`GET ${repo}/git/ref/heads/suggestion/issue-7`]: { object: { sha: 'old' } } };
    const moved = recordingRequest({
      ...base,
      ...existing,
      [`GET ${repo}/git/commits/old`]: { sha: 'old', tree: { sha: 'old-tree' } },
      [`PATCH ${repo}/git/refs/heads/suggestion/issue-7`]: {},
    });
    expect(await restGitHub('me/list', moved.request).commitFile(change)).toBe('updated');
    expect(moved.sent.at(-1)).toEqual({
      call: `PATCH ${repo}/git/refs/heads/suggestion/issue-7`,
      body: { sha: 'new-commit', force: true },
    });
    const same = recordingRequest({
      ...base,
      ...existing,
      [`GET ${repo}/git/commits/old`]: { sha: 'old', tree: { sha: 'new-tree' } },
    });
    expect(await restGitHub('me/list', same.request).commitFile(change)).toBe('unchanged');
    expect(same.sent.map((call) => call.call)).not.toContain(`POST ${repo}/git/commits`);
  });

  it('reads every page of comments, telling bots from people, and finds the pull request by its head branch', async () => {
    const page = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({
        id: from + index,
        body: 'x',
        user: { type: index === 0 ? 'Bot' : 'User' },
      }));
    const { request, sent } = recordingRequest({
      [`GET ${repo}/issues/7/comments?per_page=100&page=1`]: page(1, 100),
      [`GET ${repo}/issues/7/comments?per_page=100&page=2`]: page(101, 3),
      [`GET ${repo}/pulls?state=open&head=me%3Asuggestion%2Fissue-7`]: [{ number: 9, labels: [{ name: 'already listed' }] }],
    });
    const github = restGitHub('me/list', request);
    const comments = await github.listComments(7);
    expect([comments.length, comments.filter((comment) => comment.byBot).map((comment) => comment.id)]).toEqual([103, [1, 101]]);
    expect(await github.findOpenPullRequest('suggestion/issue-7')).toEqual({ number: 9, labels: ['already listed'] });
    expect(sent).toHaveLength(3);
  });

  it("labels a pull request through its issue's labels, and takes a label off (none there: nothing)", async () => {
    const { request, sent } = recordingRequest({ [`POST ${repo}/issues/9/labels`]: [] });
    const github = restGitHub('me/list', request);
    await github.addLabels(9, ['already listed']);
    await github.removeLabel(9, 'already listed');
    expect(sent).toEqual([
      { call: `POST ${repo}/issues/9/labels`, body: { labels: ['already listed'] } },
      { call: `DELETE ${repo}/issues/9/labels/already%20listed` },
    ]);
  });
});
