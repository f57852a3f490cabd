import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntrySource, serializeEntry } from '../../src/lib/content/entry-files';
import { openContentRoot } from '../../src/lib/content/content-root';
import { REPO_ROOT } from '../../src/lib/paths';
import type { PaperInput } from '../../src/schemas/paper';
import { cleanUp, copyEnv, copyProject, runIn } from '../helpers/project-copy';

/**
 * Astro's incremental build reuses a paper page while its cacheKey (src/lib/data/cache-key.ts) and its
 * code are unchanged. A part of the page left out of the key would leave the page stale, so a warm
 * build after each kind of change must write exactly what a clean build of the same content
 * writes, and must really have reused pages (or the first assertion proves nothing).
 */

/** Astro's per-page log marks a reused page `(restored)` or `(cached)` (BUILD_VERBOSE=1 shows the lines). */
const REUSED_PAGE = /\((?:restored|cached)\)/g;
const PAGE = /[├└]─ /g;

// The same environment for every build: Astro folds the variables the site reads into its hashes.
const env = copyEnv({ BUILD_VERBOSE: '1' });
let warm: string;
let clean: string;

async function astroBuild(project: string): Promise<string> {
  const run = await runIn(project, process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], env);
  expect(run.status, run.output).toBe(0);
  return run.output;
}

function cleanBuild(project: string): Promise<string> {
  for (const dir of ['dist', '.astro', 'node_modules/.astro']) rmSync(path.join(project, dir), { recursive: true, force: true });
  return astroBuild(project);
}

/** Every file of `dir`, relative path to content. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    found.set(path.relative(dir, file), readFileSync(file));
  }
  return found;
}

function expectSameOutput(): void {
  const warmFiles = files(path.join(warm, 'dist'));
  const cleanFiles = files(path.join(clean, 'dist'));
  expect([...warmFiles.keys()].sort()).toEqual([...cleanFiles.keys()].sort());
  const differing = [...cleanFiles].filter(([file, bytes]) => !warmFiles.get(file)!.equals(bytes)).map(([file]) => file);
  expect(differing, 'pages a warm build left stale').toEqual([]);
}

/** Rewrites one YAML entry in both copies. */
function editEntry(file: string, change: (data: Record<string, unknown>) => void): void {
  for (const project of [warm, clean]) {
    const absolute = path.join(project, file);
    const source = parseEntrySource(absolute, readFileSync(absolute, 'utf8'));
    const data = { ...(source.data as Record<string, unknown>) };
    change(data);
    writeFileSync(absolute, serializeEntry(data as PaperInput));
  }
}

function writeEntry(file: string, data: Record<string, unknown>): void {
  for (const project of [warm, clean]) writeFileSync(path.join(project, file), serializeEntry(data as PaperInput));
}

const FIGURE = 'incremental-test-figure.svg';
const svgOfSize = (width: number, height: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}"/></svg>`;

describe('incremental builds', () => {
  const sources = openContentRoot().entrySources();
  const yamlEntries = sources.filter((source) => source.format === 'yaml' && source.data);
  const paperPages = sources.length;

  const retitled = yamlEntries[Math.floor(yamlEntries.length / 2)]!;

  beforeAll(async () => {
    [warm, clean] = [copyProject('incremental-warm-'), copyProject('incremental-clean-')];
    // A long note that names the paper the first test retitles (its page shows that title) and
    // shows a figure the third test replaces (its page prints the image's size).
    for (const project of [warm, clean]) {
      writeFileSync(path.join(project, 'public', FIGURE), svgOfSize(40, 30));
      writeFileSync(
        path.join(project, 'content/mllm/incremental-test-ref.mdx'),
        `---\ntitle: A Note Naming Another Paper\nlinks:\n  - kind: paper\n    url: https://example.org/incremental-test-ref\nadded: 2024-01-02\n---\n\nSee <PaperRef id="${retitled.section}/${retitled.id}" />.\n\n<Figure src="/${FIGURE}" alt="A figure" />\n`,
      );
    }
    await astroBuild(warm);
  });
  afterAll(async () => {
    await cleanUp(warm);
    await cleanUp(clean);
  });

  it('after a note is edited and a title changed, re-render only what shows them', async () => {
    const noted = yamlEntries[0]!;
    editEntry(path.relative(REPO_ROOT, noted.file), (data) => {
      data.note = `${data.note ?? ''} (edited)`;
    });
    editEntry(path.relative(REPO_ROOT, retitled.file), (data) => {
      data.title = `${data.title} (retitled)`;
    });
    const log = await astroBuild(warm);
    const pages = log.match(PAGE)?.length ?? 0;
    const reused = log.match(REUSED_PAGE)?.length ?? 0;
    expect(reused, 'pages reused (Astro’s log wording may have changed)').toBeGreaterThan(paperPages / 2);
    expect(reused, 'pages re-rendered').toBeLessThan(pages);
    await cleanBuild(clean);
    expectSameOutput();
  });

  it('after a paper is added, re-render its section and its neighbours, not every page', async () => {
    const model = yamlEntries[1]!;
    const folder = path.basename(path.dirname(model.file));
    writeEntry(`content/${folder}/incremental-test-paper.yaml`, {
      ...(model.data as Record<string, unknown>),
      title: 'An Added Paper For The Incremental Build',
      links: [{ kind: 'paper', url: 'https://example.org/incremental-test-paper' }],
      arxiv: undefined,
      listPosition: undefined,
    });
    const log = await astroBuild(warm);
    // Nothing every page shows counts papers (the header's nav has no counts), so most pages stay.
    expect(log.match(REUSED_PAGE)?.length ?? 0, 'pages reused after an addition').toBeGreaterThan(paperPages / 2);
    await cleanBuild(clean);
    expectSameOutput();
  });

  it('after a scholarly record is written, which changes its paper’s page and its section’s cards', async () => {
    const recorded = yamlEntries[2]!;
    const record = [
      'source: arxiv',
      'fetched: 2026-12-01',
      'arxiv: 2401.99999v1',
      `title: ${JSON.stringify((recorded.data as { title: string }).title)}`,
      'authors:',
      '  - Incremental Testauthor',
      'abstract: An abstract the incremental build must show.',
      'published: 2024-01-02',
      'url: https://arxiv.org/abs/2401.99999v1',
      '',
    ].join('\n');
    for (const project of [warm, clean]) {
      const file = openContentRoot(path.join(project, 'content')).recordFile(recorded.section, recorded.id);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, record);
    }
    await astroBuild(warm);
    await cleanBuild(clean);
    expect(readFileSync(path.join(clean, `dist/${recorded.section}/${recorded.id}/index.html`), 'utf8')).toContain(
      'Incremental Testauthor',
    );
    expectSameOutput();
  });

  it('after a figure’s image is replaced under public/, which changes the size its page prints', async () => {
    for (const project of [warm, clean]) writeFileSync(path.join(project, 'public', FIGURE), svgOfSize(80, 20));
    await astroBuild(warm);
    await cleanBuild(clean);
    expect(readFileSync(path.join(clean, 'dist/mllm/incremental-test-ref/index.html'), 'utf8')).toContain(
      'width="80" height="20"',
    );
    expectSameOutput();
  });
});
