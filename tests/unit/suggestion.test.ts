import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fetch } from '../../scripts/lib/records/http';
import { FORM_FIELDS } from '../../scripts/lib/suggestion/form';
import { parseIssueBody } from '../../scripts/lib/suggestion/issue-body';
import { siteAddress, suggest, type Outcome } from '../../scripts/lib/suggestion/suggest';
import { parseEntrySource, readEntrySources, serializeEntry, writeFileAtomic } from '../../src/lib/entry-files';
import { renderInlineMarkdown, renderMarkdown } from '../../src/lib/markdown';
import { contentRoot, REPO_ROOT } from '../../src/lib/paths';
import { validateContent } from '../../src/lib/validate';
import { paperSchema } from '../../src/schemas/paper';
import { lookupRecord, type RecordQuery } from '../../scripts/lib/records/lookup';
import { createServices } from '../../scripts/lib/records/services';
import { readSettings } from '../../scripts/lib/records/settings';
import { readResult } from '../../scripts/lib/suggestion/publish';
import { recordSchema } from '../../src/schemas/record';
import { answeringLookup } from '../helpers/records';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server';
import { runScript } from '../helpers/run';
import { openContentRoot } from '../../src/lib/content-root';
import { escapeRegExp } from '../../src/lib/regexp';
import { titleKey } from '../../src/lib/title-key';

const FIXTURES = path.join(REPO_ROOT, 'tests/unit/fixtures/suggestion');
const fixture = (...parts: string[]) => readFileSync(path.join(FIXTURES, ...parts), 'utf8');
const TODAY = '2025-03-04';
const ISSUE = 42;

/** An issue body as GitHub renders the form, from answers by field id (absent: `_No response_`). */
function formBody(answers: Partial<Record<(typeof FORM_FIELDS)[number]['id'], string>>): string {
  return FORM_FIELDS.map((field) => `### ${field.label}\n\n${answers[field.id] ?? '_No response_'}`).join('\n\n');
}

let root: string;
beforeEach(() => {
  root = path.join(mkdtempSync(path.join(tmpdir(), 'suggestion-')), 'content');
  cpSync(path.join(FIXTURES, 'content'), root, { recursive: true });
});
afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

/** suggest() against the fixture content, with arXiv's recorded answer (or `feed`) and the default site. */
const run = (body: string, feed = fixture('arxiv', '2101.05225.xml')) =>
  suggest(body, { root, today: TODAY, issue: ISSUE, lookup: answeringLookup(feed), site: siteAddress({}) });

describe('reading the issue body GitHub renders from the form', () => {
  it('reads each answer under its heading, `_No response_` as no answer, CRLF as LF, the note on several lines', () => {
    const body = formBody({ section: 'Survey and Outlook', url: '2409.12191', note: 'line one\n\n### Title\n\nline two' });
    expect(parseIssueBody(body.replace(/\n/g, '\r\n'))).toEqual({
      kind: 'form',
      answers: { section: 'Survey and Outlook', url: '2409.12191', note: 'line one\n\n### Title\n\nline two' },
    });
  });

  it('takes an answer that reads like the next heading as the answer: fields cannot shift', () => {
    const parsed = parseIssueBody(formBody({ section: 'x', url: '### Title', title: '### Tags' }));
    expect(parsed).toEqual({ kind: 'form', answers: { section: 'x', url: '### Title', title: '### Tags' } });
  });

  it('leaves an issue not made with the form alone, and names a heading an edit removed', () => {
    expect(parseIssueBody(fixture('issues', 'not-a-form.md'))).toEqual({ kind: 'not-form' });
    expect(parseIssueBody('')).toEqual({ kind: 'not-form' });
    expect(parseIssueBody(fixture('issues', 'broken.md'))).toEqual({ kind: 'broken', missingLabel: 'Link or arXiv id' });
  });
});

describe("arXiv's API, through npm run records' client", () => {
  it('reads the title (whitespace collapsed) and the record from a recorded answer', async () => {
    const found = await answeringLookup(fixture('arxiv', '2101.05225.xml'))({ arxiv: '2101.05225' });
    expect(found).toMatchObject({
      ok: true,
      record: {
        arxiv: '2101.05225v1',
        title: 'On consistency scores in text data with an implementation in R',
        authors: ['Ke-Li Chiu', 'Rohan Alexander'],
        published: '2021-01-13',
        category: 'cs.CL',
      },
    });
    const wrapped = fixture('arxiv', '2101.05225.xml').replace('text data with', 'text data\n  with');
    expect(await answeringLookup(wrapped)({ arxiv: '2101.05225' })).toMatchObject({
      record: { title: expect.stringContaining('data with') },
    });
  });

  it('treats an error entry, no entry and an entry for another paper as failures', async () => {
    expect(await answeringLookup(fixture('arxiv', 'error.xml'))({ arxiv: '2401.99999' })).toEqual({
      ok: false,
      reason: 'arXiv answered with an error: incorrect id format for 2401.99999',
    });
    expect(await answeringLookup(fixture('arxiv', 'empty.xml'))({ arxiv: '2401.00000' })).toEqual({
      ok: false,
      reason: 'arXiv has no paper 2401.00000',
    });
    expect(await answeringLookup(fixture('arxiv', '2101.05225.xml'))({ arxiv: '2101.05226' })).toMatchObject({ ok: false });
  });

  it('asks export.arxiv.org for the id, and turns HTTP and network failures into reasons', async () => {
    const asked: string[] = [];
    const answering =
      (response: () => Response): Fetch =>
      async (url) => (asked.push(url), response());
    expect(
      await answeringLookup(answering(() => new Response(fixture('arxiv', '2101.05225.xml'))))({ arxiv: '2101.05225' }),
    ).toMatchObject({
      ok: true,
    });
    expect(asked).toEqual(['https://export.arxiv.org/api/query?id_list=2101.05225&max_results=1']);
    expect(await answeringLookup(answering(() => new Response('busy', { status: 503 })))({ arxiv: '2101.05225' })).toEqual({
      ok: false,
      reason: 'arXiv answered HTTP 503',
    });
    const failing: Fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await answeringLookup(failing)({ arxiv: '2101.05225' })).toEqual({
      ok: false,
      reason: 'arXiv could not be reached (fetch failed)',
    });
  });
});

/** Each fixture issue, what it must become, and the arXiv answer it gets. */
const CASES: [name: string, kind: Outcome['kind'], feed?: string][] = [
  ['english-full', 'pull-request'],
  ['english-minimal', 'pull-request'],
  ['chinese-full', 'pull-request'],
  ['chinese-minimal', 'pull-request'],
  ['arxiv-id-only', 'pull-request'],
  ['arxiv-not-found', 'comment', 'empty.xml'],
  ['bad-url', 'comment'],
  ['unknown-section', 'comment'],
  ['duplicate', 'comment'],
  // Listed in another section: the pull request says so first (golden), and is labelled.
  ['listed-elsewhere', 'pull-request'],
  // Known only by a close title (same words, other case and punctuation), in another section and in its own.
  ['close-title', 'pull-request'],
  ['close-title-same-section', 'comment'],
  // Issue #31's case: a BenchMark and Dataset paper suggested, with a new link, for the MLLM section.
  ['issue-31', 'pull-request'],
  ['broken', 'comment'],
  ['hostile', 'pull-request'],
  ['hostile-refused', 'comment'],
  ['hostile-control', 'comment'],
  ['not-a-form', 'none'],
];

describe('fixture issues against golden files', () => {
  it('covers every fixture issue', () =>
    expect(CASES.map(([name]) => `${name}.md`).sort()).toEqual(readdirSync(path.join(FIXTURES, 'issues')).sort()));

  it.each(CASES)('%s → %s', async (name, kind, feed) => {
    const outcome = await run(fixture('issues', `${name}.md`), feed && fixture('arxiv', feed));
    expect(outcome.kind).toBe(kind);
    const golden = (suffix: string) => path.join(FIXTURES, 'golden', `${name}${suffix}`);
    if (outcome.kind === 'comment') await expect(outcome.body).toMatchFileSnapshot(golden('.comment.md'));
    if (outcome.kind !== 'pull-request') return;
    await expect(outcome.body).toMatchFileSnapshot(golden('.pr.md'));
    // The label follows the description's first words, and only then.
    expect(outcome.labels).toEqual(outcome.body.startsWith('Already listed in ') ? ['already listed'] : []);
    await expect(`${path.basename(outcome.entry.file)}\n${outcome.entry.text}`).toMatchFileSnapshot(golden('.entry.txt'));
    // The entry is valid content: written next to the fixtures, `npm run validate`'s checks pass.
    writeFileAtomic(outcome.entry.file, outcome.entry.text);
    expect(validateContent({ root }).filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('proposes, byte for byte, the entry `npm run new` writes for the same answers', async () => {
    const outcome = await run(fixture('issues', 'english-full.md'));
    const flags = {
      section: 'mllm',
      url: 'https://arxiv.org/abs/2408.03326',
      title: 'LLaVA-OneVision: Easy Visual Task Transfer',
      tags: 'video, high resolution',
      venue: 'arXiv',
      org: 'ByteDance',
      note: 'One model for single images, multiple images and video; what it learns transfers across the three.',
    };
    const cli = await runScript(
      'scripts/new.ts',
      Object.entries(flags).flatMap(([flag, value]) => [`--${flag}`, value]),
      { CONTENT_DIR: root },
    );
    expect(cli.status).toBe(0);
    if (outcome.kind !== 'pull-request') throw new Error(`expected a pull request, got ${outcome.kind}`);
    const written = path.join(REPO_ROOT, cli.stdout.trim());
    expect(written).toBe(outcome.entry.file);
    // `npm run new` dates the entry today; the suggestion was given TODAY.
    expect(readFileSync(written, 'utf8').replace(/^added: .*$/m, `added: ${TODAY}`)).toBe(outcome.entry.text);
  });
});

describe('a paper another section lists', () => {
  it('opens the pull request, starting with where the list has it', async () => {
    for (const [name, start] of [
      [
        'listed-elsewhere',
        "Already listed in Multimodal Large Language Models as [Qwen2-VL: Enhancing Vision-Language Model's Perception of the World at Any Resolution](https://yfzhang114.github.io/Awesome-Multimodal-Large-Language-Models/mllm/2409.12191/); this adds it to Multimodal Reasoning And Think With Images (o3) too.\nThe same paper (`content/mllm/2409.12191.yaml`: same arXiv id 2409.12191).",
      ],
      [
        'close-title',
        'Already listed in Multimodal Large Language Models as [Visual Instruction Tuning](https://yfzhang114.github.io/Awesome-Multimodal-Large-Language-Models/mllm/visual-instruction-tuning/); this adds it to Survey and Outlook too.\nThe same paper (`content/mllm/visual-instruction-tuning.yaml`: same title).',
      ],
      [
        'issue-31',
        'Already listed in BenchMark and Dataset as [Mitigating Hallucination in Large Multi-Modal Models via Robust Instruction Tuning](https://yfzhang114.github.io/Awesome-Multimodal-Large-Language-Models/benchmarks/2306.14565/); this adds it to Multimodal Large Language Models too.\nThe same paper (`content/benchmarks/2306.14565.yaml`: same title).',
      ],
    ]) {
      const outcome = await run(fixture('issues', `${name}.md`));
      if (outcome.kind !== 'pull-request') throw new Error(`${name}: expected a pull request, got ${outcome.kind}`);
      expect(outcome.body.startsWith(start!), `${name}:\n${outcome.body}`).toBe(true);
      expect(outcome.labels).toEqual(['already listed']);
    }
    const issue31 = await run(fixture('issues', 'issue-31.md'));
    expect(issue31).toMatchObject({
      entry: { file: path.join(root, 'mllm', 'mitigating-hallucination-in-large-multi-modal-models-via.yaml') },
    });
  });

  it('names every section that lists it, escaping the titles', async () => {
    const hostile = 'Seeing [Double] *Twice*: <b>Bold</b> | #1';
    for (const section of ['benchmarks', 'unified'])
      writeFileAtomic(
        path.join(root, section, 'seeing.yaml'),
        serializeEntry({
          title: hostile,
          links: [{ kind: 'paper', url: 'https://arxiv.org/abs/2501.00001' }],
          added: '2025-01-02',
        }),
      );
    const outcome = await run(formBody({ section: 'Survey and Outlook', url: '2501.00001', title: 'Seeing double twice' }));
    if (outcome.kind !== 'pull-request') throw new Error(`expected a pull request, got ${outcome.kind}`);
    const escaped = 'Seeing \\[Double\\] \\*Twice\\*: \\<b\\>Bold\\</b\\> \\| \\#1';
    const page = (section: string) => `https://yfzhang114.github.io/Awesome-Multimodal-Large-Language-Models/${section}/seeing/`;
    expect(outcome.body.split('\n')[0]).toBe(
      `Already listed in BenchMark and Dataset as [${escaped}](${page('benchmarks')}) and in Unify Multimodal Understanding and Generation as [${escaped}](${page('unified')}); this adds it to Survey and Outlook too.`,
    );
  });
});

describe('a paper the list has through another section', () => {
  it('is answered with the entry of the chosen section and the chain, and proposed for a section without it', async () => {
    // benchmarks/llava.yaml has the new paper's arXiv id and the title of mllm/visual-instruction-tuning.yaml.
    writeFileAtomic(
      path.join(root, 'benchmarks', 'llava.yaml'),
      serializeEntry({
        title: 'Visual Instruction Tuning',
        links: [{ kind: 'paper', url: 'https://arxiv.org/abs/2304.08485' }],
        added: '2023-04-20',
      }),
    );
    expect(await run(formBody({ section: 'Multimodal Large Language Models', url: '2304.08485', title: 'LLaVA' }))).toEqual({
      kind: 'comment',
      body: expect.stringContaining(
        '](https://yfzhang114.github.io/Awesome-Multimodal-Large-Language-Models/mllm/visual-instruction-tuning/) in Multimodal Large Language Models (`content/mllm/visual-instruction-tuning.yaml`; through benchmarks/llava.yaml: same arXiv id 2304.08485, then same title), so there is nothing to add.',
      ),
    });
    // A section that lists it nowhere gets it.
    expect(await run(formBody({ section: 'Survey and Outlook', url: '2304.08485', title: 'LLaVA' }))).toMatchObject({
      kind: 'pull-request',
      entry: { file: path.join(root, 'survey', '2304.08485.yaml') },
    });
  });
});

describe('hostile text', () => {
  /** Text of the Markdown outside code spans and blocks: what GitHub would render as markup, mentions, references. */
  function textOutsideCode(markdown: string): string {
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    const out: string[] = [];
    const walk = (node: { type: string; value?: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'code' || node.type === 'inlineCode') return;
      if (node.value) out.push(node.value);
      if (node.url) out.push(node.url);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(tree);
    return out.join('\n');
  }

  it('ends in an entry whose text is only ever in code in the pull request, and inert on the site', async () => {
    const outcome = await run(fixture('issues', 'hostile.md'));
    if (outcome.kind !== 'pull-request') throw new Error(`expected a pull request, got ${outcome.kind}`);
    const prose = textOutsideCode(outcome.body);
    for (const hostile of ['<script', '<img', '@octocat', 'closes #1', '${{', '$(', 'javascript:', 'rm -rf'])
      expect(prose.toLowerCase(), hostile).not.toContain(hostile);
    expect(prose).toContain(`Closes #${ISSUE}`);
    const paper = paperSchema.parse(parseEntrySource(outcome.entry.file, outcome.entry.text).data);
    const note = renderInlineMarkdown(paper.note!);
    expect(note).not.toMatch(/<script|<img|href="javascript:/i);
    expect(note).toContain('alert(document.cookie)');
  });

  it('refuses a 100 KB note with a short comment that says how long it is, writing nothing', async () => {
    const note = '很长的笔记 $(id) '.repeat(9000);
    const outcome = await run(
      formBody({ section: 'Multimodal Large Language Models', url: '2408.03326', title: 'LLaVA-OneVision', note }),
    );
    expect(outcome.kind).toBe('comment');
    const body = outcome.kind === 'comment' ? outcome.body : '';
    expect(body).toContain(`is ${[...note.trim()].length.toLocaleString('en')} characters long; the form takes at most 4,000`);
    expect(body.length).toBeLessThan(1000);
  });

  it('runs nothing it is given: the command on hostile issues creates no file the text names', async () => {
    const out = path.join(path.dirname(root), 'out');
    for (const name of ['hostile', 'hostile-refused']) {
      const { status, stderr } = await runScript('scripts/suggestion.ts', [
        path.join(FIXTURES, 'issues', `${name}.md`),
        '--content',
        root,
        '--added',
        TODAY,
        '--out',
        out,
      ]);
      expect(stderr.startsWith('error:'), stderr).toBe(false);
      expect(status).toBe(name === 'hostile' ? 0 : 1);
    }
    for (const file of ['suggestion-pwned', 'suggestion-pwned2', 'suggestion-pwned3'])
      expect(existsSync(path.join('/tmp', file))).toBe(false);
    expect(renderMarkdown('<Script>alert(1)</Script>')).not.toContain('<script');
  });
});

describe('npm run suggestion', () => {
  const cli = (body: string, ...args: string[]) =>
    runScript('scripts/suggestion.ts', [path.join(FIXTURES, 'issues', body), '--content', root, '--added', TODAY, ...args]);

  it('writes the entry into the content folder and the artifact, and prints the pull request', async () => {
    const out = path.join(path.dirname(root), 'out');
    const { status, stdout, stderr } = await cli('english-full.md', '--issue', '7', '--out', out);
    expect({ status, stderr: stderr.trim() }).toEqual({
      status: 0,
      stderr: expect.stringMatching(/^wrote .*mllm\/2408\.03326\.yaml$/),
    });
    expect(stdout).toContain('Closes #7');
    const entry = readFileSync(path.join(root, 'mllm', '2408.03326.yaml'), 'utf8');
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
    const out = path.join(path.dirname(root), 'out');
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
    const before = readEntrySources(root, ['mllm', 'survey']).map((entry) => entry.file);
    const refused = await cli('bad-url.md');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('`ftp://example.org/paper.pdf` is neither an arXiv id');
    const ignored = await cli('not-a-form.md');
    expect({ status: ignored.status, stdout: ignored.stdout }).toEqual({ status: 0, stdout: '' });
    expect(readEntrySources(root, ['mllm', 'survey']).map((entry) => entry.file)).toEqual(before);
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
    suggest(body, { root, today: TODAY, issue: ISSUE, lookup, site: siteAddress({}) });

  it('is fetched by the arXiv id, written beside the entry, its authors and abstract shown in the pull request', async () => {
    const out = path.join(path.dirname(root), 'out');
    const body = path.join(path.dirname(root), 'issue.md');
    writeFileSync(body, formBody({ section: 'Survey and Outlook', url: 'https://arxiv.org/abs/2410.05993', title: 'Aria' }));
    const { status, stdout, stderr } = await runScript(
      'scripts/suggestion.ts',
      [body, '--content', root, '--added', TODAY, '--issue', '7', '--out', out],
      server.env(),
    );
    expect({ status, stderr }).toEqual({
      status: 0,
      stderr: expect.stringMatching(/^wrote .*survey\/2410\.05993\.yaml\nwrote .*survey\/2410\.05993\.yaml\n$/),
    });
    const record = readFileSync(path.join(root, 'records', 'survey', '2410.05993.yaml'), 'utf8');
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
    expect(validateContent({ root }).filter((problem) => problem.severity === 'error')).toEqual([]);
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
      record: { file: path.join(root, 'records', 'survey', 'a-novel-soft-alignment-approach-for-language-models-with.yaml') },
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
    const tree = unified().use(remarkParse).use(remarkGfm).parse(outcome.body);
    const prose: string[] = [];
    const walk = (node: { type: string; value?: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'code' || node.type === 'inlineCode') return;
      if (node.value) prose.push(node.value);
      if (node.url) prose.push(node.url);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(tree);
    for (const hostile of ['<script', '<img', '@octocat', 'closes #1', 'javascript:'])
      expect(prose.join('\n').toLowerCase()).not.toContain(hostile);
  });
});
