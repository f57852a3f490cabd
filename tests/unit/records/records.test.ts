import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { arxivRecord, parseArxivFeed } from '../../../scripts/lib/records/arxiv';
import { acceptMatch, rejectMatch } from '../../../scripts/lib/records/decide';
import { parsePaperId } from '../../../scripts/lib/records/decisions';
import { compareTitles } from '../../../scripts/lib/records/matching';
import { openreviewForumOf } from '../../../scripts/lib/records/openreview';
import { exitCodeOf } from '../../../scripts/lib/records/outcome';
import { renderReport } from '../../../scripts/lib/records/report';
import { createServices } from '../../../scripts/lib/records/services';
import { readSettings } from '../../../scripts/lib/records/settings';
import { serializeRecord } from '../../../scripts/lib/records/store';
import { addEntry, ARIA, BLIP2, fakeClock, LLAVA, MINI_GEMINI, recordsFixture, SOFT, TITLE_ONLY } from '../../helpers/records';

/*
 * `npm run records`' lookups, in process, against the replay server (tests/helpers/replay-server.ts)
 * answering from tests/fixtures/records/ (its README names the case each entry is for): by id, by
 * title, and the maintainer's answers. Failures and reruns: records-runs.test.ts.
 */

const fx = recordsFixture('records-');
const { recordFile, recordOf, removeEntries, idsOnly, run } = fx;

describe('fetching by id', () => {
  it('asks arXiv for many ids a request (max_results set to match), one request open at a time, the pause between them', async () => {
    removeEntries(TITLE_ONLY);
    addEntry(fx.content, 'mllm/2301.12597', {
      title: 'BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models',
      arxiv: '2301.12597',
    });
    const clock = fakeClock();
    const outcome = await run({ settings: { batchSize: 2, pauseMs: 3000 }, clock });
    const asked = fx.server.requests.map((request) => [
      request.url.pathname,
      request.url.searchParams.get('id_list'),
      request.url.searchParams.get('max_results'),
    ]);
    expect(asked).toEqual([
      ['/api/query', '2301.12597,2409.02889', '2'],
      ['/api/query', '2409.12191', '1'],
      ['/openreview/notes', null, null],
    ]);
    expect(clock.waits).toEqual([3000, 3000]);
    expect(fx.server.maxOpen()).toBe(1);
    expect(fx.server.requests[0]!.headers['user-agent']).toMatch(
      /^awesome-mllm-site-records\/1\.0 \(\+https:\/\/github\.com\/[^;]+; npm run records\)$/,
    );
    expect(outcome.written.map((item) => [item.key, item.outcome])).toEqual([
      ['mllm/2301.12597', 'new'],
      ['mllm/2409.02889', 'new'],
      ['mllm/2409.12191', 'new'],
      [SOFT, 'new'],
    ]);
    expect(exitCodeOf(outcome)).toBe(0);
  });

  it("writes arXiv's record: latest version, title and abstract unwrapped, authors in order, dates, category, pages, code", async () => {
    idsOnly();
    await run();
    const record = recordOf('mllm/2409.12191')!;
    expect(record).toEqual({
      source: 'arxiv',
      fetched: '2026-12-01',
      arxiv: '2409.12191v2',
      title: "Qwen2-VL: Enhancing Vision-Language Model's Perception of the World at Any Resolution",
      authors: expect.arrayContaining(['Peng Wang', 'Junyang Lin']),
      abstract: expect.stringMatching(
        /^We present the Qwen2-VL Series, an advanced upgrade .* Code is available at https:\/\/github\.com\/QwenLM\/Qwen2-VL\.$/,
      ),
      published: '2024-09-18',
      updated: '2024-10-03',
      category: 'cs.CV',
      url: 'https://arxiv.org/abs/2409.12191',
      pdf: 'https://arxiv.org/pdf/2409.12191v2',
      code: 'https://github.com/QwenLM/Qwen2-VL',
    });
    expect(record.authors).toHaveLength(19);
    expect(record.authors.slice(0, 3)).toEqual(['Peng Wang', 'Shuai Bai', 'Sinan Tan']);
    const text = readFileSync(recordFile('mllm/2409.12191'), 'utf8');
    expect(text).toBe(serializeRecord(record));
    expect(text.split('\n')[0]).toContain('Written by `npm run records`');
    // A first version has no `updated`; the entry file is never written.
    expect(recordOf('mllm/2409.02889')).not.toHaveProperty('updated');
    expect(readFileSync(path.join(fx.content.dir, 'mllm/2409.12191.yaml'), 'utf8')).toBe(
      readFileSync(path.join(__dirname, '../../fixtures/records/content/mllm/2409.12191.yaml'), 'utf8'),
    );
  });

  it("reads an OpenReview forum: the forum's own note (not its reviews), fields under content.<name>.value", async () => {
    removeEntries(TITLE_ONLY);
    await run();
    expect(fx.server.requests.at(-1)!.url.search).toBe('?id=28TLorTMnP');
    expect(recordOf(SOFT)).toEqual({
      source: 'openreview',
      fetched: '2026-12-01',
      openreview: '28TLorTMnP',
      title: 'A Novel Soft Alignment Approach for Language Models with Explicit Listwise Rewards',
      authors: ['Invented Author One', 'Invented Author Two', 'Invented Author Three'],
      abstract: expect.stringMatching(/^We cast language model alignment .* at once, with soft labels/),
      published: '2025-01-23',
      venue: 'ICLR 2025 Poster',
      url: 'https://openreview.net/forum?id=28TLorTMnP',
      pdf: 'https://openreview.net/pdf/0f3c2d1e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d.pdf',
      code: 'https://github.com/invented/soft-preference-optimization',
    });
  });

  it('reports a wrong id in the list as a conflict and writes nothing for it', async () => {
    idsOnly();
    // The list gives Qwen-VL the id of Qwen2-VL.
    addEntry(fx.content, 'mllm/qwen-vl', {
      title: 'Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text Reading, and Beyond',
      arxiv: '2409.12191',
    });
    const outcome = await run();
    expect(outcome.conflicts).toEqual([
      {
        key: 'mllm/qwen-vl',
        entryTitle: 'Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text Reading, and Beyond',
        candidate: {
          id: '2409.12191v2',
          title: "Qwen2-VL: Enhancing Vision-Language Model's Perception of the World at Any Resolution",
          url: 'https://arxiv.org/abs/2409.12191',
        },
      },
    ]);
    expect(recordOf('mllm/qwen-vl')).toBeUndefined();
    expect(recordOf('mllm/2409.12191')).toBeDefined();
    expect(exitCodeOf(outcome)).toBe(1);
  });

  it("takes the list's short form (the name before the colon) for the same paper", async () => {
    idsOnly();
    addEntry(fx.content, 'mllm/longllava', { title: 'LongLLaVA', arxiv: '2409.02889' });
    const outcome = await run();
    expect(outcome.conflicts).toEqual([]);
    expect(recordOf('mllm/longllava')?.arxiv).toBe('2409.02889v1');
  });

  it('reports an id arXiv does not know and a withdrawn paper, writing neither', async () => {
    idsOnly();
    addEntry(fx.content, 'mllm/unknown', { title: 'A Paper arXiv Never Had', arxiv: '2412.99999' });
    addEntry(fx.content, 'mllm/withdrawn', { title: 'A Withdrawn Study of Visual Tokens', arxiv: '2405.99992' });
    const outcome = await run();
    expect(outcome.unknown).toEqual([{ key: 'mllm/unknown', id: '2412.99999', service: 'arXiv' }]);
    expect(outcome.withdrawn).toEqual([{ key: 'mllm/withdrawn', candidate: expect.objectContaining({ id: '2405.99992v2' }) }]);
    expect([recordOf('mllm/unknown'), recordOf('mllm/withdrawn')]).toEqual([undefined, undefined]);
    expect(exitCodeOf(outcome)).toBe(1);
  });

  it('reports an OpenReview forum that does not exist', async () => {
    removeEntries([...TITLE_ONLY, 'mllm/2409.02889', 'mllm/2409.12191']);
    addEntry(fx.content, 'llm-alignment/gone', {
      title: 'Gone',
      links: [{ kind: 'openreview', url: 'https://openreview.net/pdf?id=NoSuchForum' }],
    });
    const outcome = await run();
    expect(outcome.unknown).toEqual([{ key: 'llm-alignment/gone', id: 'openreview:NoSuchForum', service: 'OpenReview' }]);
  });
});

describe('looking up by title', () => {
  it('writes the one paper whose title is the same, and refreshes it by its id from then on', async () => {
    removeEntries([ARIA, LLAVA, MINI_GEMINI]);
    const outcome = await run();
    const search = fx.server.requests.find((request) => request.url.searchParams.has('search_query'))!;
    expect(search.url.searchParams.get('search_query')).toBe(
      'ti:"blip 2 bootstrapping language image pre training with frozen image encoders and large language models"',
    );
    expect(outcome.written.find((item) => item.key === BLIP2)).toMatchObject({
      outcome: 'new',
      candidate: { id: '2301.12597v3' },
    });
    expect(recordOf(BLIP2)).toMatchObject({
      arxiv: '2301.12597v3',
      venue: 'ICML 2023',
      published: '2023-01-30',
      updated: '2023-06-15',
    });
    fx.server.requests.length = 0;
    await run();
    expect(fx.server.requests.some((request) => request.url.searchParams.has('search_query'))).toBe(false);
    expect(fx.server.requests[0]!.url.searchParams.get('id_list')).toContain('2301.12597');
  });

  it('reports a near title and a short form with the candidates, writing nothing', async () => {
    const outcome = await run();
    expect(outcome.toConfirm.filter((item) => item.key !== LLAVA)).toEqual([
      {
        key: ARIA,
        entryTitle: 'Aria: An Open Multimodal Native Mixture-of-Experts Mode',
        why: 'close',
        candidates: [
          {
            id: '2410.05993v1',
            title: 'Aria: An Open Multimodal Native Mixture-of-Experts Model',
            url: 'https://arxiv.org/abs/2410.05993',
          },
        ],
      },
      {
        key: MINI_GEMINI,
        entryTitle: 'Mini-Gemini',
        why: 'close',
        candidates: [
          {
            id: '2403.18814v1',
            title: 'Mini-Gemini: Mining the Potential of Multi-modality Vision Language Models',
            url: 'https://arxiv.org/abs/2403.18814',
          },
        ],
      },
    ]);
    expect([recordOf(ARIA), recordOf(MINI_GEMINI)]).toEqual([undefined, undefined]);
  });

  it('reports two papers of the same title (not the third, another title) and writes neither', async () => {
    const outcome = await run();
    expect(outcome.toConfirm.find((item) => item.key === LLAVA)).toEqual({
      key: LLAVA,
      entryTitle: 'Visual Instruction Tuning',
      why: 'several',
      candidates: [
        { id: '2304.08485v2', title: 'Visual Instruction Tuning', url: 'https://arxiv.org/abs/2304.08485' },
        { id: '2311.99991v1', title: 'Visual Instruction Tuning', url: 'https://arxiv.org/abs/2311.99991' },
      ],
    });
    expect(recordOf(LLAVA)).toBeUndefined();
    const report = renderReport(outcome, 'markdown');
    expect(report).toContain('`npm run records -- --accept mllm/visual-instruction-tuning 2304.08485`');
    expect(report).toContain('`npm run records -- --reject mllm/visual-instruction-tuning 2311.99991`');
  });
});

describe("the maintainer's answers", () => {
  const options = () => {
    const settings = readSettings(fx.server.env());
    return { content: fx.content, services: createServices({ settings, today: '2026-12-02' }), batchSize: settings.batchSize };
  };

  it('--accept fetches and writes the paper, remembers it, and the entry is fetched by that id from then on', async () => {
    const accepted = await acceptMatch(options(), LLAVA, 'https://arxiv.org/abs/2304.08485v1');
    expect(accepted.written).toEqual([expect.objectContaining({ key: LLAVA, outcome: 'new' })]);
    expect(fx.server.requests.map((request) => request.url.searchParams.get('id_list'))).toEqual(['2304.08485']);
    expect(parse(readFileSync(path.join(fx.content.recordsDir, 'decisions.yaml'), 'utf8'))).toEqual({
      accepted: { [LLAVA]: '2304.08485' },
      rejected: {},
    });
    fx.server.requests.length = 0;
    const outcome = await run();
    expect(outcome.toConfirm.map((item) => item.key)).not.toContain(LLAVA);
    expect(
      fx.server.requests.filter((request) => request.url.searchParams.get('search_query')?.includes('visual instruction')),
    ).toEqual([]);
  });

  it('--accept of a conflict writes the paper whatever its title; nothing is remembered when the fetch fails', async () => {
    idsOnly();
    addEntry(fx.content, 'mllm/qwen-vl', { title: 'Qwen-VL', arxiv: '2409.12191' });
    fx.server.script({ status: 503 }, (url) => url.searchParams.get('id_list') === '2409.12191');
    const settings = { ...readSettings(fx.server.env()), attempts: 1 };
    const failing = await acceptMatch(
      { content: fx.content, services: createServices({ settings, today: '2026-12-02' }), batchSize: 50 },
      'mllm/qwen-vl',
      '2409.12191',
    );
    expect(failing.failures).toHaveLength(1);
    expect(existsSync(path.join(fx.content.recordsDir, 'decisions.yaml'))).toBe(false);
    const outcome = await acceptMatch(options(), 'mllm/qwen-vl', '2409.12191');
    expect(outcome.conflicts).toEqual([]);
    expect(recordOf('mllm/qwen-vl')?.arxiv).toBe('2409.12191v2');
  });

  it('--reject is remembered: the candidate is not proposed again, and a record made from it goes', async () => {
    expect(rejectMatch(fx.content, ARIA, '2410.05993')).toEqual([`${ARIA}: 2410.05993 rejected; it will not be proposed again`]);
    const outcome = await run();
    expect(outcome.toConfirm.map((item) => item.key)).not.toContain(ARIA);
    expect(outcome.notFound).toContain(ARIA);
    // One of two same-title papers rejected: the other is the one match, and is written.
    rejectMatch(fx.content, LLAVA, '2311.99991');
    expect((await run()).written.map((item) => item.key)).toContain(LLAVA);
    expect(rejectMatch(fx.content, LLAVA, '2304.08485')).toContain(`${LLAVA}: its record, made from 2304.08485, is removed`);
    expect(recordOf(LLAVA)).toBeUndefined();
    expect(parse(readFileSync(path.join(fx.content.recordsDir, 'decisions.yaml'), 'utf8')).rejected[LLAVA]).toEqual([
      '2304.08485',
      '2311.99991',
    ]);
  });

  it('reads decisions.yaml with the one YAML reader, naming the line and field of a mistake', async () => {
    mkdirSync(fx.content.recordsDir, { recursive: true });
    writeFileSync(
      path.join(fx.content.recordsDir, 'decisions.yaml'),
      'accepted:\n  mllm/mini-gemini: "2403.18814"\n  mllm/aria: soon\n',
    );
    await expect(run()).rejects.toThrow(/decisions\.yaml:3: accepted\.mllm\/aria: must be an arXiv id or openreview:<forum id>$/);
  });

  it('names an entry or id it cannot use', async () => {
    await expect(acceptMatch(options(), 'mllm/no-such-entry', '2304.08485')).rejects.toThrow(
      'mllm/no-such-entry: there is no entry file no-such-entry.yaml, .md or .mdx in mllm/',
    );
    expect(() => rejectMatch(fx.content, LLAVA, 'not-an-id')).toThrow(
      'not-an-id: give an arXiv id (2409.12191), openreview:<forum id>',
    );
  });
});

describe('reading the answers', () => {
  const feed = (entry: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">${entry}</feed>`;

  it("reads an old-style id, LaTeX kept in the title, the DOI, journal reference and a code link out of arXiv's comment", () => {
    const { papers } = parseArxivFeed(
      feed(`<entry><id>http://arxiv.org/abs/hep-th/9901001v3</id><published>1999-01-04T00:00:00Z</published>
        <updated>2001-05-02T00:00:00Z</updated><title>$\\pi_0$: A Flow
          Model for Schr\\"odinger's Cat</title><author><name>Jürgen Müller</name></author><author><name>王小明</name></author>
        <arxiv:doi>10.1103/PhysRevD.60.1</arxiv:doi><arxiv:journal_ref>Phys. Rev. D 60 (1999) 1</arxiv:journal_ref>
        <arxiv:comment>Code: https://github.com/some-one/pi0-cat.</arxiv:comment>
        <arxiv:primary_category term="hep-th"/></entry>`),
    );
    expect(arxivRecord(papers[0]!, '2026-12-01')).toEqual({
      source: 'arxiv',
      fetched: '2026-12-01',
      arxiv: 'hep-th/9901001v3',
      doi: '10.1103/PhysRevD.60.1',
      title: String.raw`$\pi_0$: A Flow Model for Schr\"odinger's Cat`,
      authors: ['Jürgen Müller', '王小明'],
      abstract: undefined,
      published: '1999-01-04',
      updated: '2001-05-02',
      category: 'hep-th',
      venue: 'Phys. Rev. D 60 (1999) 1',
      url: 'https://arxiv.org/abs/hep-th/9901001',
      pdf: 'https://arxiv.org/pdf/hep-th/9901001v3',
      code: 'https://github.com/some-one/pi0-cat',
    });
    expect(compareTitles("π0: A Flow Model for Schrödinger's Cat", papers[0]!.title)).toBe('same');
  });

  it('refuses what is not an Atom feed, and an entry without its id, title or date', () => {
    expect(() => parseArxivFeed('<html><body>Service Unavailable</body></html>')).toThrow(
      "arXiv's answer is not an Atom feed (no <feed> element)",
    );
    expect(() => parseArxivFeed(feed('<entry><id>http://arxiv.org/abs/2401.00001v1</id></entry>'))).toThrow(
      "arXiv's answer has an entry without an id, title or date (http://arxiv.org/abs/2401.00001v1)",
    );
  });

  it('finds the OpenReview forum of a forum or PDF link, and reads the ids a maintainer types', () => {
    expect(
      [
        'https://openreview.net/forum?id=28TLorTMnP',
        'https://openreview.net/pdf?id=28TLorTMnP',
        'https://openreview.net/forum?noteId=x&id=28TLorTMnP#discussion',
        'https://openreview.net/group?id=ICLR.cc',
        'https://example.org/forum?id=28TLorTMnP',
      ].map(openreviewForumOf),
    ).toEqual(['28TLorTMnP', '28TLorTMnP', '28TLorTMnP', undefined, undefined]);
    expect(
      [
        '2409.12191v2',
        'https://arxiv.org/pdf/2409.12191v1',
        'openreview:28TLorTMnP',
        'https://openreview.net/forum?id=28TLorTMnP',
        'soon',
      ].map(parsePaperId),
    ).toEqual([
      { service: 'arxiv', id: '2409.12191' },
      { service: 'arxiv', id: '2409.12191' },
      { service: 'openreview', id: '28TLorTMnP' },
      { service: 'openreview', id: '28TLorTMnP' },
      undefined,
    ]);
  });

  it('tells the same title, a short form, a near title and another paper apart', () => {
    const full = 'Mini-Gemini: Mining the Potential of Multi-modality Vision Language Models';
    expect(compareTitles('MINI-GEMINI — mining the potential of multi‑modality “vision” language models', full)).toBe('same');
    expect(compareTitles('Mini-Gemini', full)).toBe('names');
    expect(compareTitles('Mini-Gemini: Mining the Potential of Multimodality Vision Language Model', full)).toBe('near');
    expect(compareTitles('Qwen-VL: A Versatile Vision-Language Model', full)).toBe('different');
  });
});
