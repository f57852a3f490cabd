import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fetch } from '../../../scripts/lib/records/http';
import { parseIssueBody } from '../../../scripts/lib/suggestion/issue-body';
import { type Outcome } from '../../../scripts/lib/suggestion/suggest';
import { parseEntrySource, serializeEntry, writeFileAtomic } from '../../../src/lib/content/entry-files';
import { renderInlineMarkdown, renderMarkdown } from '../../../src/lib/render/markdown';
import { REPO_ROOT } from '../../../src/lib/paths';
import { validateContent } from '../../../src/lib/validate/validate';
import { paperSchema } from '../../../src/schemas/paper';
import { answeringLookup } from '../../helpers/records';
import { runScript } from '../../helpers/run';

import {
  FIXTURES,
  fixture,
  fixtureContentEachTest,
  formBody,
  ISSUE,
  textOutsideCode,
  suggestOn,
  TODAY,
} from '../../helpers/suggestion';

const content = fixtureContentEachTest();
/** suggest() against the fixture content, with arXiv's recorded answer (or `feed`) and the default site. */
const run = (body: string, feed?: string) => suggestOn(content.root, body, feed);
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
    expect(validateContent({ root: content.root }).filter((problem) => problem.severity === 'error')).toEqual([]);
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
      { CONTENT_DIR: content.root },
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
      entry: { file: path.join(content.root, 'mllm', 'mitigating-hallucination-in-large-multi-modal-models-via.yaml') },
    });
  });

  it('names every section that lists it, escaping the titles', async () => {
    const hostile = 'Seeing [Double] *Twice*: <b>Bold</b> | #1';
    for (const section of ['benchmarks', 'unified'])
      writeFileAtomic(
        path.join(content.root, section, 'seeing.yaml'),
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
      path.join(content.root, 'benchmarks', 'llava.yaml'),
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
      entry: { file: path.join(content.root, 'survey', '2304.08485.yaml') },
    });
  });
});

describe('hostile text', () => {
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
    const out = path.join(path.dirname(content.root), 'out');
    for (const name of ['hostile', 'hostile-refused']) {
      const { status, stderr } = await runScript('scripts/suggestion.ts', [
        path.join(FIXTURES, 'issues', `${name}.md`),
        '--content',
        content.root,
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
