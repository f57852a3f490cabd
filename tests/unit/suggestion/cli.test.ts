import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteAddress, suggest } from '../../../scripts/lib/suggestion/suggest';
import { readEntrySources } from '../../../src/lib/content/entry-files';
import { contentRoot } from '../../../src/lib/paths';
import { validateContent } from '../../../src/lib/validate/validate';
import { lookupRecord, type RecordQuery } from '../../../scripts/lib/records/lookup';
import { createServices } from '../../../scripts/lib/records/services';
import { readSettings } from '../../../scripts/lib/records/settings';
import { readResult } from '../../../scripts/lib/suggestion/publish';
import { recordSchema } from '../../../src/schemas/record';
import { answeringLookup } from '../../helpers/records';
import { startReplayServer, type ReplayServer } from '../../helpers/replay-server';
import { runScript } from '../../helpers/run';
import { openContentRoot } from '../../../src/lib/content/content-root';
import { escapeRegExp } from '../../../src/lib/regexp';
import { titleKey } from '../../../src/lib/title-key';
import { FIXTURES, fixture, fixtureContentEachTest, formBody, ISSUE, textOutsideCode, TODAY } from '../../helpers/suggestion';

/** The suggestion as the workflow runs it: the command, on the real list, and with the paper's record. */
const content = fixtureContentEachTest();

describe('npm run suggestion', () => {
  const cli = (body: string, ...args: string[]) =>
    runScript('scripts/suggestion.ts', [
      path.join(FIXTURES, 'issues', body),
      '--content',
      content.root,
      '--added',
      TODAY,
      ...args,
    ]);

  it('writes the entry into the content folder and the artifact, and prints the pull request', async () => {
    const out = path.join(path.dirname(content.root), 'out');
    const { status, stdout, stderr } = await cli('english-full.md', '--issue', '7', '--out', out);
    expect({ status, stderr: stderr.trim() }).toEqual({
      status: 0,
      stderr: expect.stringMatching(/^wrote .*mllm\/2408\.03326\.yaml$/),
    });
    expect(stdout).toContain('Closes #7');
    const entry = readFileSync(path.join(content.root, 'mllm', '2408.03326.yaml'), 'utf8');
    expect(readFileSync(path.join(out, 'content', 'mllm', '2408.03326.yaml'), 'utf8')).toBe(entry);
    expect(JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8'))).toEqual({
      kind: 'pull-request',
      issue: 7,
      file: 'content/mllm/2408.03326.yaml',
      title: 'Add paper: LLaVA-OneVision: Easy Visual Task Transfer',
      body: stdout,
      labels: [],
    });
  });

  it('prints the pull request of a paper another section lists starting with where, and asks for the label', async () => {
    const out = path.join(path.dirname(content.root), 'out');
    const { status, stdout } = await cli('issue-31.md', '--out', out);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^Already listed in BenchMark and Dataset as \[Mitigating Hallucination in Large Multi-Modal Models via Robust Instruction Tuning\]\(\S+\/benchmarks\/2306\.14565\/\); this adds it to Multimodal Large Language Models too\.\n/,
    );
    expect(JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8'))).toMatchObject({
      file: 'content/mllm/mitigating-hallucination-in-large-multi-modal-models-via.yaml',
      labels: ['already listed'],
    });
  });

  it('writes nothing on a problem and prints the comment (exit 1); an issue not made with the form gets nothing (exit 0)', async () => {
    const before = readEntrySources(content.root, ['mllm', 'survey']).map((entry) => entry.file);
    const refused = await cli('bad-url.md');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('`ftp://example.org/paper.pdf` is neither an arXiv id');
    const ignored = await cli('not-a-form.md');
    expect({ status: ignored.status, stdout: ignored.stdout }).toEqual({ status: 0, stdout: '' });
    expect(readEntrySources(content.root, ['mllm', 'survey']).map((entry) => entry.file)).toEqual(before);
  });

  it('names a bad --added or --issue in one line (exit 2)', async () => {
    expect(await cli('english-full.md', '--added', '4 March')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--added 4 March'),
    });
    expect(await cli('english-full.md', '--issue', 'x')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--issue x'),
    });
  });
});

describe('against the real list', () => {
  it("says where the list has issue #31's paper when it is suggested for another section, computed from content/", async () => {
    const title = 'Mitigating Hallucination in Large Multi-Modal Models via Robust Instruction Tuning';
    const sections = openContentRoot(contentRoot()).sections();
    const listed = readEntrySources(
      contentRoot(),
      sections.map((section) => section.id),
    ).filter((entry) => titleKey(String((entry.data as { title?: unknown } | undefined)?.title)) === titleKey(title));
    const elsewhere = listed.filter((entry) => entry.section !== 'mllm');
    const outcome = await suggest(
      formBody({ section: 'Multimodal Large Language Models', url: 'https://github.com/FuxiaoLiu/LRV-Instruction', title }),
      { root: contentRoot(), today: TODAY, lookup: async () => ({ ok: false, reason: 'not asked' }), site: siteAddress({}) },
    );
    if (listed.some((entry) => entry.section === 'mllm')) return expect(outcome.kind).toBe('comment');
    if (outcome.kind !== 'pull-request') throw new Error(`expected a pull request, got ${outcome.kind}`);
    expect(outcome.labels).toEqual(elsewhere.length ? ['already listed'] : []);
    if (!elsewhere.length) return;
    const first = elsewhere[0]!;
    const sectionTitle = sections.find((section) => section.id === first.section)!.title;
    expect(outcome.body).toMatch(
      new RegExp(
        `^Already listed in ${escapeRegExp(sectionTitle)} as \\[${escapeRegExp(title)}\\]\\(\\S+/${first.section}/${escapeRegExp(first.id)}/\\)`,
      ),
    );
  });

  it('answers a paper content/ already has with a link to its page, whichever paper that is', async () => {
    const listed = readEntrySources(contentRoot(), ['mllm']).find(
      (entry) => (entry.data as { arxiv?: string } | undefined)?.arxiv,
    )!;
    const arxiv = (listed.data as { arxiv: string }).arxiv;
    const outcome = await suggest(
      formBody({ section: 'mllm', url: `https://arxiv.org/abs/${arxiv}v3`, title: 'Another title' }),
      {
        root: contentRoot(),
        today: TODAY,
        lookup: async () => ({ ok: false, reason: 'not asked' }),
        site: siteAddress({}),
      },
    );
    expect(outcome).toMatchObject({
      kind: 'comment',
      body: expect.stringContaining(`/Awesome-Multimodal-Large-Language-Models/mllm/${listed.id}/)`),
    });
  });
});

describe("the suggested paper's record", () => {
  let server: ReplayServer;
  beforeAll(async () => {
    server = await startReplayServer();
  });
  afterAll(() => server.close());
  const fromServer = () => {
    const services = createServices({ settings: readSettings(server.env()), today: '2026-12-01' });
    return (query: RecordQuery) => lookupRecord(services, query);
  };
  const withRecord = (body: string, lookup = fromServer()) =>
    suggest(body, { root: content.root, today: TODAY, issue: ISSUE, lookup, site: siteAddress({}) });

  it('is fetched by the arXiv id, written beside the entry, its authors and abstract shown in the pull request', async () => {
    const out = path.join(path.dirname(content.root), 'out');
    const body = path.join(path.dirname(content.root), 'issue.md');
    writeFileSync(body, formBody({ section: 'Survey and Outlook', url: 'https://arxiv.org/abs/2410.05993', title: 'Aria' }));
    const { status, stdout, stderr } = await runScript(
      'scripts/suggestion.ts',
      [body, '--content', content.root, '--added', TODAY, '--issue', '7', '--out', out],
      server.env(),
    );
    expect({ status, stderr }).toEqual({
      status: 0,
      stderr: expect.stringMatching(/^wrote .*survey\/2410\.05993\.yaml\nwrote .*survey\/2410\.05993\.yaml\n$/),
    });
    const record = readFileSync(path.join(content.root, 'records', 'survey', '2410.05993.yaml'), 'utf8');
    expect(recordSchema.parse(parse(record))).toMatchObject({
      arxiv: '2410.05993v1',
      authors: expect.arrayContaining(['Dongxu Li']),
    });
    expect(readFileSync(path.join(out, 'content', 'records', 'survey', '2410.05993.yaml'), 'utf8')).toBe(record);
    expect(JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8')).record).toEqual({
      file: 'content/records/survey/2410.05993.yaml',
    });
    expect(stdout).toContain('- **Authors** (10): `Dongxu Li, Yudong Liu, Haoning Wu,');
    expect(stdout).toMatch(/```text\nInformation comes in diverse modalities\. We present Aria/);
    expect(await readResult(out, 7)).toMatchObject({ record: { file: 'content/records/survey/2410.05993.yaml', text: record } });
    // The entry and its record pass the checks the content gets.
    expect(validateContent({ root: content.root }).filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('is fetched from OpenReview for a forum link, and by an exact title otherwise', async () => {
    const forum = await withRecord(
      formBody({
        section: 'Survey and Outlook',
        url: 'https://openreview.net/forum?id=28TLorTMnP',
        title: 'A Novel Soft Alignment Approach for Language Models with Explicit Listwise Rewards',
      }),
    );
    expect(forum).toMatchObject({
      kind: 'pull-request',
      record: {
        file: path.join(content.root, 'records', 'survey', 'a-novel-soft-alignment-approach-for-language-models-with.yaml'),
      },
    });
    expect(forum.kind === 'pull-request' && forum.body).toContain('From OpenReview (`openreview:28TLorTMnP`)');
    const titled = await withRecord(
      formBody({
        section: 'Survey and Outlook',
        url: 'https://example.org/blip2.pdf',
        title: 'BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models',
      }),
    );
    expect(titled.kind === 'pull-request' && titled.record?.text).toContain('arxiv: 2301.12597v3');
    // A near title is no match: no record.
    const near = await withRecord(
      formBody({
        section: 'Survey and Outlook',
        url: 'https://example.org/aria.pdf',
        title: 'Aria: An Open Multimodal Native Mixture-of-Experts Mode',
      }),
    );
    expect(near).toMatchObject({ kind: 'pull-request' });
    expect(near.kind === 'pull-request' && near.record).toBeUndefined();
  });

  it("whose title is another paper's is not proposed, and the pull request says so", async () => {
    const outcome = await withRecord(
      formBody({ section: 'Survey and Outlook', url: '2409.12191', title: 'Qwen-VL: A Versatile Vision-Language Model' }),
    );
    if (outcome.kind !== 'pull-request') throw new Error(`expected a pull request, got ${outcome.kind}`);
    expect(outcome.record).toBeUndefined();
    expect(outcome.body).toContain(
      "arXiv `2409.12191v2` is titled `Qwen2-VL: Enhancing Vision-Language Model's Perception of the World at Any Resolution`, not the suggested title, so no record is proposed: check the link.",
    );
  });

  it("shows a service's text only in code: an abstract cannot mention, close or mark up", async () => {
    const feed = fixture('arxiv', '2101.05225.xml')
      .replace('Ke-Li Chiu', '@octocat &lt;img src=x onerror=alert(1)&gt;')
      .replace('In this paper,', 'closes #1 [click](javascript:alert(1)) ``` <script>alert(1)</script> In this paper,');
    const outcome = await withRecord(formBody({ section: 'Survey and Outlook', url: '2101.05225' }), answeringLookup(feed));
    if (outcome.kind !== 'pull-request') throw new Error(`expected a pull request, got ${outcome.kind}`);
    expect(outcome.body).toContain('@octocat <img src=x onerror=alert(1)>');
    const prose = textOutsideCode(outcome.body);
    for (const hostile of ['<script', '<img', '@octocat', 'closes #1', 'javascript:'])
      expect(prose.toLowerCase()).not.toContain(hostile);
  });
});
