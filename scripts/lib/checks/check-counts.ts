import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import type { Section } from '../../../src/schemas/section';
import { htmlFiles } from './check-links';
import { parseList } from '../list/parse';
import { exportListFromDisk } from '../list/write';
import { PAGEFIND_DIR } from '../../../src/lib/routes';
import { readFragment } from '../../../src/lib/search/search-order';
import { openContentRoot } from '../../../src/lib/content/content-root';
import { formatTextTable } from '../text-table';

/**
 * Where a paper can be counted: its file, its page, its search record, its record in the
 * downloadable data (/data/papers.json), its line in the exported list.
 */
export const COUNT_SOURCES = ['content', 'pages', 'index', 'data', 'export'] as const;
export type CountSource = (typeof COUNT_SOURCES)[number];

/** Entry ids per section id, for one source. The export has no ids (its lines carry titles): ids stand in as line numbers. */
export type IdsBySection = ReadonlyMap<string, readonly string[]>;

export interface SectionCounts {
  section: string;
  counts: Record<CountSource, number>;
}

export interface CountReport {
  sections: SectionCounts[];
  /** One line per mismatch or unreadable source; empty when nothing is lost. */
  problems: string[];
}

/**
 * Compares per-section entries across sources. Counts must agree; ids (content, pages, index)
 * must be the same sets, and each difference is named. Sections that a source has but the
 * registry lacks are problems too: such papers would be counted nowhere.
 */
export function compareCounts(sectionIds: readonly string[], sources: Record<CountSource, IdsBySection>): CountReport {
  const problems: string[] = [];
  const sections = sectionIds.map((section) => {
    const idsOf = (source: CountSource) => sources[source].get(section) ?? [];
    const counts = Object.fromEntries(COUNT_SOURCES.map((source) => [source, idsOf(source).length])) as Record<
      CountSource,
      number
    >;
    if (new Set(Object.values(counts)).size > 1) {
      problems.push(`${section}: ${COUNT_SOURCES.map((source) => `${counts[source]} in ${source}`).join(', ')}`);
    }
    const expected = new Set(idsOf('content'));
    for (const source of ['pages', 'index', 'data'] as const) {
      const found = new Set(idsOf(source));
      const missing = [...expected].filter((id) => !found.has(id));
      const extra = [...found].filter((id) => !expected.has(id));
      if (missing.length) problems.push(`${section}: missing in ${source}: ${missing.join(', ')}`);
      if (extra.length) problems.push(`${section}: in ${source} but not in content: ${extra.join(', ')}`);
      const duplicated = idsOf(source).filter((id, index, all) => all.indexOf(id) !== index);
      if (duplicated.length) problems.push(`${section}: more than once in ${source}: ${[...new Set(duplicated)].join(', ')}`);
    }
    return { section, counts };
  });
  const known = new Set(sectionIds);
  for (const source of COUNT_SOURCES) {
    for (const [section, ids] of sources[source]) {
      if (!known.has(section) && ids.length)
        problems.push(`${source}: ${ids.length} in "${section}", which is not a registry section`);
    }
  }
  return { sections, problems };
}

function groupBySection(pairs: Iterable<{ section: string; id: string }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { section, id } of pairs) out.set(section, [...(out.get(section) ?? []), id]);
  return out;
}

/** Entry files per section (the file name is the id). */
export function contentIds(contentDir: string, sections: readonly Section[]): IdsBySection {
  return groupBySection(openContentRoot(contentDir).entrySources(sections.map((section) => section.id)));
}

/** `mllm/2409.12191/` (a site path without the base) → its section and entry id, or undefined. */
export function paperOfSitePath(sitePath: string): { section: string; id: string } | undefined {
  const match = /^\/?([^/]+)\/([^/]+)\/(?:index\.html)?$/.exec(sitePath);
  return match ? { section: decodeURIComponent(match[1]!), id: decodeURIComponent(match[2]!) } : undefined;
}

/**
 * Paper pages in a build, told apart from listings by their markup: the paper article is the only
 * element Pagefind indexes (`data-pagefind-body`), so the path of that page names the paper.
 */
export function pageIds(dist: string): { ids: IdsBySection; problems: string[] } {
  const problems: string[] = [];
  const papers: { section: string; id: string }[] = [];
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(path.join(dist, file), 'utf8');
    if (!html.includes('data-pagefind-body') || load(html)('[data-pagefind-body]').length === 0) continue;
    const paper = paperOfSitePath(file.split(path.sep).join('/'));
    if (paper) papers.push(paper);
    else problems.push(`pages: ${file} is a paper page outside <section>/<id>/`);
  }
  return { ids: groupBySection(papers), problems };
}

/**
 * The search records of a build: one fragment file per indexed page, holding its URL (without
 * the deployment base). The total is checked against the page count Pagefind's entry file
 * announces, so a fragment the index does not know of cannot hide a missing one.
 */
export function indexedIds(dist: string): { ids: IdsBySection; problems: string[] } {
  const problems: string[] = [];
  const pagefindDir = path.join(dist, PAGEFIND_DIR);
  const entryFile = path.join(pagefindDir, 'pagefind-entry.json');
  if (!existsSync(entryFile)) return { ids: new Map(), problems: [`index: ${entryFile} is missing (is this a build?)`] };
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { page_count: number }> };
  const announced = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  const fragmentDir = path.join(pagefindDir, 'fragment');
  const fragments = existsSync(fragmentDir) ? readdirSync(fragmentDir).filter((name) => name.endsWith('.pf_fragment')) : [];
  if (fragments.length !== announced)
    problems.push(`index: ${fragments.length} fragments, but pagefind-entry.json announces ${announced} pages`);
  const papers: { section: string; id: string }[] = [];
  for (const name of fragments) {
    let url: unknown;
    try {
      ({ url } = readFragment(`fragment/${name}`, gunzipSync(readFileSync(path.join(fragmentDir, name))).toString('utf8')));
    } catch (error) {
      problems.push(`index: ${(error as Error).message}`);
      continue;
    }
    const paper = typeof url === 'string' ? paperOfSitePath(url) : undefined;
    if (paper) papers.push(paper);
    else problems.push(`index: record ${url} is not a paper page`);
  }
  return { ids: groupBySection(papers), problems };
}

/** The records of the build's /data/papers.json, by section (each record names its section and id). */
export function dataIds(dist: string): { ids: IdsBySection; problems: string[] } {
  const file = path.join(dist, 'data', 'papers.json');
  if (!existsSync(file)) return { ids: new Map(), problems: [`data: ${file} is missing (is this a build?)`] };
  let parsed: { count?: unknown; papers?: { section?: unknown; id?: unknown }[] };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ids: new Map(), problems: [`data: ${file} is not JSON: ${(error as Error).message}`] };
  }
  const problems: string[] = [];
  const papers: { section: string; id: string }[] = [];
  for (const [index, record] of (parsed.papers ?? []).entries()) {
    if (typeof record.section === 'string' && typeof record.id === 'string')
      papers.push({ section: record.section, id: record.id });
    else problems.push(`data: record ${index} has no section or id`);
  }
  if (parsed.count !== (parsed.papers ?? []).length)
    problems.push(`data: "count" says ${String(parsed.count)}, but ${(parsed.papers ?? []).length} records follow`);
  return { ids: groupBySection(papers), problems };
}

/** Entry lines per section in the list `npm run export:readme` writes (ids are line numbers). */
export function exportedIds(contentDir: string, sections: readonly Section[]): { ids: IdsBySection; problems: string[] } {
  const exported = exportListFromDisk(contentDir);
  if (exported.problems.length) return { ids: new Map(), problems: exported.problems.map((problem) => `export: ${problem}`) };
  const parsed = parseList(
    exported.text,
    sections.map((section) => section.title),
  );
  const problems = parsed.problems.map((problem) => `export: line ${problem.line} does not parse: ${problem.reason}`);
  const ids = new Map<string, string[]>();
  for (const parsedSection of parsed.sections) {
    const section = sections.find((candidate) => candidate.title === parsedSection.title);
    const lines = parsedSection.entries.map((entry) => String(entry.line));
    if (section) ids.set(section.id, lines);
    else problems.push(`export: heading "${parsedSection.title}" is not a registry section`);
  }
  return { ids, problems };
}

/** Every source for a content folder and its build (`dist`, built from that content). */
export function checkCounts({ contentDir, dist }: { contentDir: string; dist: string }): CountReport {
  const sections = openContentRoot(contentDir).sections();
  const pages = pageIds(dist);
  const index = indexedIds(dist);
  const data = dataIds(dist);
  const exported = exportedIds(contentDir, sections);
  const report = compareCounts(
    sections.map((section) => section.id),
    { content: contentIds(contentDir, sections), pages: pages.ids, index: index.ids, data: data.ids, export: exported.ids },
  );
  return {
    sections: report.sections,
    problems: [...pages.problems, ...index.problems, ...data.problems, ...exported.problems, ...report.problems],
  };
}

/** A table: one row per section, one column per source, and the totals. */
export function formatCountTable(report: CountReport): string {
  const total = Object.fromEntries(
    COUNT_SOURCES.map((source) => [source, report.sections.reduce((sum, row) => sum + row.counts[source], 0)]),
  ) as Record<CountSource, number>;
  const rows = [
    ['section', ...COUNT_SOURCES],
    ...report.sections.map((row) => [row.section, ...COUNT_SOURCES.map((source) => String(row.counts[source]))]),
    ['total', ...COUNT_SOURCES.map((source) => String(total[source]))],
  ];
  return formatTextTable(rows);
}
