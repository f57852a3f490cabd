/**
 * The one module that talks to GitHub for suggestions: comments, the suggestion branch, pull
 * requests. The workflow's publishing job (the only one with a write token) runs it with plain
 * Node and no installed package, so it imports nothing but Node's own modules; tests put a
 * recorder in its place (or a recording `request`) and check what would have been sent.
 */

export interface IssueComment {
  id: number;
  body: string;
  /** Written by a bot (this workflow's token), not by a person who could fake the marker. */
  byBot: boolean;
}

export interface PullRequest {
  number: number;
  /** The names of its labels. */
  labels: string[];
}

export interface GitHub {
  listComments(issue: number): Promise<IssueComment[]>;
  createComment(issue: number, body: string): Promise<void>;
  updateComment(id: number, body: string): Promise<void>;
  /**
   * Points `branch` at one commit on top of `base`'s head that writes `text` to `path` (and each
   * of `alongside`, the paper's record), so the branch holds those files and nothing else of its
   * own; 'unchanged' when it already does.
   */
  commitFile(change: {
    branch: string;
    base: string;
    path: string;
    text: string;
    alongside?: { path: string; text: string }[];
    message: string;
  }): Promise<'created' | 'updated' | 'unchanged'>;
  findOpenPullRequest(branch: string): Promise<PullRequest | undefined>;
  createPullRequest(request: { branch: string; base: string; title: string; body: string }): Promise<PullRequest>;
  updatePullRequest(number: number, change: { title: string; body: string }): Promise<void>;
  /** Adds labels to a pull request (GitHub creates a label the repository does not have yet). */
  addLabels(number: number, labels: readonly string[]): Promise<void>;
  /** Takes a label off a pull request; nothing when it does not carry it. */
  removeLabel(number: number, label: string): Promise<void>;
}

/** One REST call: JSON in, JSON out; `undefined` for a 404 when `allowMissing`. */
export type Request = (method: string, path: string, body?: unknown, allowMissing?: boolean) => Promise<unknown>;

/** A Request over `fetch` with a token, for https://api.github.com (or GITHUB_API_URL). */
export function fetchRequest({ token, apiUrl = 'https://api.github.com' }: { token: string; apiUrl?: string }): Request {
  return async (method, path, body, allowMissing = false) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'x-github-api-version': '2022-11-28',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (allowMissing && response.status === 404) return undefined;
    if (!response.ok)
      throw new Error(`GitHub answered ${method} ${path} with HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return response.status === 204 ? undefined : response.json();
  };
}

interface Ref {
  object: { sha: string };
}
interface Commit {
  sha: string;
  tree: { sha: string };
}

/** The GitHub REST API of `repository` (`owner/name`) through `request`. */
export function restGitHub(repository: string, request: Request): GitHub {
  const repo = `/repos/${repository}`;
  const owner = repository.split('/')[0]!;
  const headOf = async (branch: string) =>
    (await request('GET', `${repo}/git/ref/heads/${branch}`, undefined, true)) as Ref | undefined;
  const commit = async (sha: string) => (await request('GET', `${repo}/git/commits/${sha}`)) as Commit;
  return {
    async listComments(issue) {
      const comments: IssueComment[] = [];
      for (let page = 1; ; page++) {
        const batch = (await request('GET', `${repo}/issues/${issue}/comments?per_page=100&page=${page}`)) as {
          id: number;
          body?: string;
          user?: { type?: string };
        }[];
        comments.push(
          ...batch.map((comment) => ({ id: comment.id, body: comment.body ?? '', byBot: comment.user?.type === 'Bot' })),
        );
        if (batch.length < 100) return comments;
      }
    },
    async createComment(issue, body) {
      await request('POST', `${repo}/issues/${issue}/comments`, { body });
    },
    async updateComment(id, body) {
      await request('PATCH', `${repo}/issues/comments/${id}`, { body });
    },
    async commitFile({ branch, base, path, text, alongside = [], message }) {
      const baseHead = await headOf(base);
      if (!baseHead) throw new Error(`the branch ${base} does not exist`);
      const baseCommit = await commit(baseHead.object.sha);
      const tree = (await request('POST', `${repo}/git/trees`, {
        base_tree: baseCommit.tree.sha,
        tree: [{ path, text }, ...alongside].map((file) => ({
          path: file.path,
          mode: '100644',
          type: 'blob',
          content: file.text,
        })),
      })) as { sha: string };
      const existing = await headOf(branch);
      if (existing) {
        const head = await commit(existing.object.sha);
        if (head.tree.sha === tree.sha) return 'unchanged';
      }
      const created = (await request('POST', `${repo}/git/commits`, {
        message,
        tree: tree.sha,
        parents: [baseCommit.sha],
      })) as { sha: string };
      if (existing) {
        await request('PATCH', `${repo}/git/refs/heads/${branch}`, { sha: created.sha, force: true });
        return 'updated';
      }
      await request('POST', `${repo}/git/refs`, { ref: `refs/heads/${branch}`, sha: created.sha });
      return 'created';
    },
    async findOpenPullRequest(branch) {
      const pulls = (await request('GET', `${repo}/pulls?state=open&head=${encodeURIComponent(`${owner}:${branch}`)}`)) as {
        number: number;
        labels?: { name: string }[];
      }[];
      return pulls[0] && { number: pulls[0].number, labels: (pulls[0].labels ?? []).map((label) => label.name) };
    },
    async createPullRequest({ branch, base, title, body }) {
      const pull = (await request('POST', `${repo}/pulls`, { title, head: branch, base, body })) as { number: number };
      return { number: pull.number, labels: [] };
    },
    async updatePullRequest(number, { title, body }) {
      await request('PATCH', `${repo}/pulls/${number}`, { title, body });
    },
    // A pull request's labels are its issue's.
    async addLabels(number, labels) {
      await request('POST', `${repo}/issues/${number}/labels`, { labels });
    },
    async removeLabel(number, label) {
      await request('DELETE', `${repo}/issues/${number}/labels/${encodeURIComponent(label)}`, undefined, true);
    },
  };
}
