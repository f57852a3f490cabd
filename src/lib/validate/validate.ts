import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { paperSchema, type Paper } from '../../schemas/paper';
import type { Section } from '../../schemas/section';
import { arxivIdFromUrl, stripArxivVersion } from '../arxiv';
import { ENTRY_EXTENSIONS, readEntrySources, type EntrySource } from '../content/entry-files';
import { inspectMdx } from './mdx-safety';
import { GLOSSARY_FILE_NAME, readGlossary } from '../content/glossary-file';
import { contentRoot, REPO_ROOT, sectionRegistryPath } from '../paths';
import type { Problem, Severity } from '../content/problems';
import { paperKeys } from '../data/same-paper';
import { entryName, sectionDuplicates, type ValidEntry } from './section-duplicates';
import { openContentRoot, RECORDS_FOLDER_NAME } from '../content/content-root';
import { ENTRY_ID_PATTERN, RESERVED_ENTRY_IDS, reservedEntryId, suggestEntryId } from '../routes';
import { readRegistry as readRegistryFile } from '../content/sections';
import { recordProblems } from './validate-records';
import { yamlProblems } from '../content/yaml-file';

/** What one run found, with the counts the CLI summary reports. */
export interface ContentCheck {
  problems: Problem[];
  entryCount: number;
  sectionCount: number;
}

/** The content root is missing or not a readable folder: nothing can be checked at all. */
export class ContentRootError extends Error {}

/** Where `<Figure src="/…">` files live: the site's public folder. */
const PUBLIC_DIR = path.join(REPO_ROOT, 'public');

/** Entry file extensions one typo away from being read: such files would silently drop off the site. */
const IGNORED_ENTRY_EXTENSIONS = ['.yml', '.markdown'];

/** Where the content is checked: `root` (default: the site's content root), `publicDir` for images. */
export interface CheckOptions {
  root?: string;
  /** The site's public folder, where `<Figure src="/…">` files must exist (default: the repository's). */
  publicDir?: string;
}

/** Every problem in the content under `root` (default: the site's content root); see checkContent. */
export function validateContent(options: CheckOptions = {}): Problem[] {
  return checkContent(options).problems;
}

/**
 * Checks every entry under `root` (the folder with sections.yaml and one folder per section):
 * syntax, schema, duplicates, file ids, unregistered folders and MDX safety, and the scholarly
 * records beside them (lib/validate/validate-records). Entries are read in
 * registry order, files by name; a duplicate is reported on the later one. Problems come sorted
 * by file and line. Throws ContentRootError when `root` is not a readable folder.
 */
export function checkContent({ root = contentRoot(), publicDir = PUBLIC_DIR }: CheckOptions = {}): ContentCheck {
  const folders = listFolders(root);
  const registry = readRegistry(root);
  if ('problems' in registry) return { problems: registry.problems, entryCount: 0, sectionCount: 0 };

  const sectionIds = registry.sections.map((section) => section.id);
  const sources = readEntrySources(root, sectionIds);
  const validEntries: ValidEntry[] = [];
  const problems: Problem[] = [
    ...unregisteredFolderProblems(root, folders, new Set(sectionIds)),
    ...readGlossary(path.join(root, GLOSSARY_FILE_NAME)).problems.map((problem) => ({ ...problem, severity: 'error' as const })),
  ];

  const entryIds = entryIdsOf(sources);
  for (const source of sources) {
    const { problems: entryProblems, paper } = checkEntry(source, { entryIds, publicDir });
    problems.push(...entryProblems);
    if (paper) validEntries.push({ source, paper });
  }
  for (const section of sectionIds) {
    problems.push(
      ...sameIdProblems(sources.filter((source) => source.section === section)),
      ...reservedIdProblems(sources.filter((source) => source.section === section)),
      ...idPatternProblems(sources.filter((source) => source.section === section)),
      ...ignoredFileProblems(root, section),
    );
  }
  problems.push(
    ...duplicatePaperProblems(validEntries),
    ...sharedNoteWarnings(validEntries),
    ...recordProblems(root, sectionIds, sources),
  );

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, entryCount: sources.length, sectionCount: sectionIds.length };
}

/** `N entries in M sections: X errors, Y warnings`. */
export function formatSummary({ problems, entryCount, sectionCount }: ContentCheck): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return `${entryCount} entries in ${sectionCount} sections: ${errors} errors, ${problems.length - errors} warnings`;
}

function listFolders(root: string): string[] {
  try {
    if (!statSync(root).isDirectory()) throw new ContentRootError(`the content root ${root} is not a folder`);
    return readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if (error instanceof ContentRootError) throw error;
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    throw new ContentRootError(`the content root ${root} ${reason}`);
  }
}

function readRegistry(root: string): { sections: Section[] } | { problems: Problem[] } {
  const file = sectionRegistryPath(root);
  try {
    const { data, problems } = readRegistryFile(file);
    return data ? { sections: data } : { problems };
  } catch (readError) {
    const reason =
      (readError as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read (${(readError as Error).message})`;
    const message = `the section registry ${reason}: no section can be checked`;
    return { problems: [{ file, line: 1, field: '(file)', message, severity: 'error' }] };
  }
}

/**
 * The problems one entry file has on its own (syntax, schema, MDX body; not duplicates), for the
 * dev server, which checks a file as it is saved and shows them as `npm run validate` does.
 * `root` is the content folder, whose entry ids an MDX `<PaperRef>` may name.
 */
export function entryFileProblems(
  source: EntrySource,
  { root = contentRoot(), publicDir = PUBLIC_DIR }: CheckOptions = {},
): Problem[] {
  // Only an MDX body can name other entries; the registry is read for it alone.
  const entryIds = source.format === 'mdx' ? entryIdsOf(openContentRoot(root).entrySources()) : new Set<string>();
  return checkEntry(source, { entryIds, publicDir }).problems;
}

/** Syntax, schema and MDX-body problems of one file, and the paper when its data is valid. */
function checkEntry(source: EntrySource, context: MdxContext): { problems: Problem[]; paper?: Paper } {
  const { data: paper, problems } = yamlProblems<Paper>(source.file, source, paperSchema, '(entry)');
  if (source.format === 'mdx') problems.push(...mdxBodyProblems(source, context));
  return { problems, paper };
}

/** The ids an MDX `<PaperRef>` may name: every entry's `id` and `section/id`. */
function entryIdsOf(sources: readonly EntrySource[]): ReadonlySet<string> {
  return new Set(sources.flatMap((source) => [source.id, `${source.section}/${source.id}`]));
}

/** What an MDX body is checked against: the ids of the list (`id` and `section/id`), the public folder. */
interface MdxContext {
  entryIds: ReadonlySet<string>;
  publicDir: string;
}

/**
 * An `.mdx` body against the component allow-list (src/lib/validate/mdx-safety.ts), every `<PaperRef>`
 * naming an entry of the list and every `<Figure>` a file under public/; an `.mdx` entry that
 * uses no component is plain Markdown and should say so by being `.md`.
 */
function mdxBodyProblems(source: EntrySource, { entryIds, publicDir }: MdxContext): Problem[] {
  const { issues, components, paperRefs, figures } = inspectMdx(source.body);
  const at = (line: number) => line + source.bodyLine - 1;
  const problems = issues.map((issue) => entryProblem(source, at(issue.line), '(body)', issue.message));
  for (const { line, id } of paperRefs) {
    if (!entryIds.has(id))
      problems.push(
        entryProblem(
          source,
          at(line),
          '(body)',
          `<PaperRef id="${id}"> names no entry of the list (the id is a file name, e.g. 2409.12191 or mllm/2409.12191)`,
        ),
      );
  }
  for (const { line, src } of figures) {
    if (!existsSync(path.join(publicDir, ...src.split('/'))))
      problems.push(
        entryProblem(source, at(line), '(body)', `image "${src}": there is no file public${src}; add the image there`),
      );
  }
  if (!issues.length && !components.length && source.body.trim() && !source.syntaxErrors.length)
    problems.push(
      entryProblem(
        source,
        source.bodyLine,
        '(file)',
        'uses no component: a plain Markdown note belongs in an .md file (rename it)',
        'warning',
      ),
    );
  return problems;
}

function entryProblem(source: EntrySource, line: number, field: string, message: string, severity: Severity = 'error'): Problem {
  return { file: source.file, line, field, message, severity };
}

/**
 * Folders with entry files that the registry does not list: no collection would read them. The
 * records folder is not one (its name is a reserved section id, checked by lib/validate/validate-records).
 */
function unregisteredFolderProblems(root: string, folders: readonly string[], registered: ReadonlySet<string>): Problem[] {
  return folders
    .filter((folder) => !registered.has(folder) && folder !== RECORDS_FOLDER_NAME)
    .flatMap((folder) => {
      const entries = readdirSync(path.join(root, folder))
        .filter((name) => ENTRY_EXTENSIONS.some((ext) => name.endsWith(ext)))
        .sort();
      if (!entries.length) return [];
      return [
        {
          file: path.join(root, folder, entries[0]!),
          line: 1,
          field: '(section)',
          message: `folder "${folder}" is not in sections.yaml, so its entries would not appear on the site: add the section to the registry or move the files`,
          severity: 'error' as const,
        },
      ];
    });
}

/** Files in a section folder that look like entries but are not read (`x.yml`, `x.md`). */
function ignoredFileProblems(root: string, section: string): Problem[] {
  let names: string[];
  try {
    names = readdirSync(path.join(root, section));
  } catch {
    return [];
  }
  return names
    .filter((name) => IGNORED_ENTRY_EXTENSIONS.includes(path.extname(name)))
    .sort()
    .map((name) => ({
      file: path.join(root, section, name),
      line: 1,
      field: '(file)',
      message: `is not read: entry files end in ${ENTRY_EXTENSIONS.join(' or ')}`,
      severity: 'error' as const,
    }));
}

/** Ids that section pages use as path segments (`<section>/sort/…`) would collide with a paper page. */
function reservedIdProblems(sources: readonly EntrySource[]): Problem[] {
  return sources
    .filter((source) => reservedEntryId(source.id))
    .map((source) =>
      entryProblem(
        source,
        1,
        '(file)',
        `the id "${source.id}" is reserved for section pages (${RESERVED_ENTRY_IDS.join(', ')}); rename the file`,
      ),
    );
}

/** A file name is the paper's address: `Bad_Name.yaml` or `qwen 2.5 copy.yaml` would publish `/mllm/qwen 2.5 copy/`. */
function idPatternProblems(sources: readonly EntrySource[]): Problem[] {
  return sources
    .filter((source) => !ENTRY_ID_PATTERN.test(source.id))
    .map((source) => {
      const extension = path.extname(source.file);
      return entryProblem(
        source,
        1,
        '(file)',
        `the file name "${source.id}" is not a valid id: use lower-case letters, digits and hyphens, or the arXiv id; rename it, e.g. to ${suggestEntryId(source.id)}${extension} (or 2409.12191${extension})`,
      );
    });
}

/** `x.yaml` and `x.mdx` in one section share the id `x`; Astro would silently keep only one. */
function sameIdProblems(sources: readonly EntrySource[]): Problem[] {
  const firstWithId = new Map<string, EntrySource>();
  return sources.flatMap((source) => {
    const earlier = firstWithId.get(source.id);
    if (!earlier) {
      firstWithId.set(source.id, source);
      return [];
    }
    return [
      entryProblem(
        source,
        1,
        '(file)',
        `has the same id "${source.id}" as ${entryName(earlier)}: only one of them would be published; merge them or rename one`,
      ),
    ];
  });
}

/** A paper listed twice in one section, reported on the later entry at the field that makes the first step of the match. */
function duplicatePaperProblems(entries: readonly ValidEntry[]): Problem[] {
  return sectionDuplicates(entries).map(({ entry: { source, paper }, first, reason, why }) => {
    const fieldPath = reason.by === 'arxiv' ? arxivFieldPath(paper, reason.id) : ['title'];
    return entryProblem(
      source,
      source.lineOf(fieldPath),
      fieldPath.join('.'),
      `same paper as ${entryName(first.source)} (${why}); list it once per section`,
    );
  });
}

/** Where an entry names an arXiv id: its `arxiv` field, else the first link to it. */
function arxivFieldPath(paper: Paper, id: string): (string | number)[] {
  if (paper.arxiv && stripArxivVersion(paper.arxiv) === id) return ['arxiv'];
  const index = paper.links.findIndex((link) => arxivIdFromUrl(link.url) === id);
  return ['links', index, 'url'];
}

/**
 * A note copied from another paper's entry (in any section) is usually a paste mistake. The same
 * paper listed in two sections may share its note.
 */
function sharedNoteWarnings(entries: readonly ValidEntry[]): Problem[] {
  const keys = paperKeys(entries.map(({ paper }) => paper));
  const firstWithNote = new Map<string, { source: EntrySource; key: string }>();
  return entries.flatMap(({ source, paper }, index) => {
    const note = paper.note?.trim();
    if (!note) return [];
    const first = firstWithNote.get(note);
    if (!first) {
      firstWithNote.set(note, { source, key: keys[index]! });
      return [];
    }
    if (first.key === keys[index]) return [];
    const earlier = first.source;
    return [
      entryProblem(
        source,
        source.lineOf(['note']),
        'note',
        `is identical to the note of ${entryName(earlier)}; was it copied by mistake?`,
        'warning',
      ),
    ];
  });
}
