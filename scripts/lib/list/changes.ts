import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { ENTRY_EXTENSIONS, parseEntrySource, type EntrySource } from '../../../src/lib/content/entry-files';
import { escapeMarkdown } from '../github-markdown';
import { displayPath } from '../../../src/lib/paths';

export type ChangeKind = 'added' | 'changed' | 'removed';
const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'changed', 'removed'];

export interface EntryChange {
  kind: ChangeKind;
  section: string;
  id: string;
  /** Path under the content root, e.g. `mllm/2409.12191.yaml` (the removed file's for `removed`). */
  path: string;
  title: string;
  /** For `changed`: the fields that differ, plus `body` (MDX note) and `format` (.yaml ↔ .mdx). */
  fields: string[];
}

/** Entry file texts keyed by their path under the content root (`section/id.yaml`). */
export type EntryTexts = ReadonlyMap<string, string>;

/** `section/name.yaml` or `section/name.mdx`, exactly one folder deep: what the site reads. */
export function isEntryPath(relative: string): boolean {
  const parts = relative.split('/');
  return (
    parts.length === 2 && !parts.some((part) => part.startsWith('.')) && ENTRY_EXTENSIONS.some((ext) => relative.endsWith(ext))
  );
}

/** `section/id`: one entry whatever its format, so turning a .yaml into an .mdx is a change. */
const entryKey = (relative: string) => relative.replace(/\.(yaml|mdx?)$/, '');

/**
 * What happened to each entry between `base` and `head`, sorted by kind then path. Texts that
 * differ count as changed even when no field does (a comment or quoting): the diff shows it.
 */
export function diffEntries(base: EntryTexts, head: EntryTexts): EntryChange[] {
  const baseByKey = new Map([...base.keys()].map((relative) => [entryKey(relative), relative]));
  const headByKey = new Map([...head.keys()].map((relative) => [entryKey(relative), relative]));
  const changes: EntryChange[] = [];
  for (const [key, headPath] of headByKey) {
    const basePath = baseByKey.get(key);
    const after = parse(headPath, head.get(headPath)!);
    if (basePath === undefined) changes.push(change('added', after, []));
    else if (basePath !== headPath || base.get(basePath) !== head.get(headPath)) {
      changes.push(change('changed', after, changedFields(parse(basePath, base.get(basePath)!), after)));
    }
  }
  for (const [key, basePath] of baseByKey) {
    if (!headByKey.has(key)) changes.push(change('removed', parse(basePath, base.get(basePath)!), []));
  }
  return changes.sort((a, b) => CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) || a.path.localeCompare(b.path));
}

/** Parsed under its content-relative path, so `file` is that path and `section` its folder. */
const parse = (relative: string, text: string) => parseEntrySource(relative, text);

function change(kind: ChangeKind, source: EntrySource, fields: string[]): EntryChange {
  const title = (source.data as { title?: unknown } | undefined)?.title;
  return {
    kind,
    section: source.section,
    id: source.id,
    path: source.file,
    title: typeof title === 'string' && title.trim() ? title.trim() : source.id,
    fields,
  };
}

const fieldsOf = (source: EntrySource): Record<string, unknown> =>
  source.data && typeof source.data === 'object' ? (source.data as Record<string, unknown>) : {};

function changedFields(before: EntrySource, after: EntrySource): string[] {
  const [a, b] = [fieldsOf(before), fieldsOf(after)];
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  );
  if (before.body.trim() !== after.body.trim()) fields.push('body');
  if (before.format !== after.format) fields.push('format');
  return fields;
}

const HEADINGS: Record<ChangeKind, string> = { added: 'Added', changed: 'Changed', removed: 'Removed' };

/**
 * A Markdown summary for a pull request, grouped added / changed / removed:
 * `- mllm: **Qwen2-VL** (content/mllm/2409.12191.yaml; note, tags)`.
 */
export function formatChanges(
  changes: readonly EntryChange[],
  { base, contentDir }: { base: string; contentDir: string },
): string {
  if (!changes.length) return `No entries added, changed or removed against \`${base}\`.\n`;
  const counts = CHANGE_KINDS.map((kind) => `${changes.filter((entry) => entry.kind === kind).length} ${kind}`).join(', ');
  const lines = [`### Entry changes against \`${base}\` (${counts})`];
  for (const kind of CHANGE_KINDS) {
    const group = changes.filter((entry) => entry.kind === kind);
    if (!group.length) continue;
    lines.push('', `**${HEADINGS[kind]}**`, '');
    for (const entry of group) {
      const file = `\`${path.posix.join(contentDir, entry.path)}\``;
      const detail = entry.kind === 'changed' ? `; ${entry.fields.length ? entry.fields.join(', ') : 'formatting only'}` : '';
      lines.push(`- ${entry.section}: **${escapeMarkdown(entry.title)}** (${file}${detail})`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function git(args: readonly string[], cwd: string, input?: Buffer): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

function refExists(ref: string, cwd: string): boolean {
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
    return true;
  } catch {
    return false;
  }
}

/** `origin/main` when the clone has it (what a pull request targets), else the local `main`. */
export function defaultBaseRef(cwd: string): string {
  const ref = ['origin/main', 'main'].find((candidate) => refExists(candidate, cwd));
  if (!ref) throw new Error('neither origin/main nor main exists here: pass --base <ref>');
  return ref;
}

/** Entry texts at a git ref: one `ls-tree` for the paths, one `cat-file --batch` for all contents. */
export function readEntryTextsAtRef(
  ref: string,
  { repo, contentDir }: { repo: string; contentDir: string },
): Map<string, string> {
  if (!refExists(ref, repo)) throw new Error(`unknown git ref "${ref}"`);
  const listing = git(['ls-tree', '-r', '-z', ref, '--', contentDir], repo).toString('utf8');
  const blobs = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split('\t') as [string, string];
      const [, type, oid] = meta.split(' ') as [string, string, string];
      return { type, oid, relative: path.posix.relative(contentDir, file) };
    })
    .filter((blob) => blob.type === 'blob' && isEntryPath(blob.relative));
  if (!blobs.length) return new Map();

  // Output is `<oid> blob <size>\n<content>\n` per requested object.
  const output = git(['cat-file', '--batch'], repo, Buffer.from(blobs.map((blob) => `${blob.oid}\n`).join('')));
  const texts = new Map<string, string>();
  let offset = 0;
  for (const blob of blobs) {
    const headerEnd = output.indexOf(0x0a, offset);
    const size = Number(output.subarray(offset, headerEnd).toString().split(' ')[2]);
    texts.set(blob.relative, output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
    offset = headerEnd + 1 + size + 1;
  }
  return texts;
}

/** Entry texts on disk, committed or not (a new entry is usually not committed yet). */
export function readEntryTextsInWorkingTree(root: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const folder of readdirSync(root, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const name of readdirSync(path.join(root, folder.name)).sort()) {
      const relative = `${folder.name}/${name}`;
      if (isEntryPath(relative)) texts.set(relative, readFileSync(path.join(root, folder.name, name), 'utf8'));
    }
  }
  return texts;
}

/** The Markdown report of entries added, changed and removed in the working tree since `base`. */
export function reportChanges({ root, base }: { root: string; base?: string }): string {
  const repo = git(['rev-parse', '--show-toplevel'], root).toString('utf8').trim();
  // git names the top level by its real path; resolve symlinks (macOS /tmp) the same way.
  const contentDir = displayPath(realpathSync(root), realpathSync(repo));
  const ref = base ?? defaultBaseRef(repo);
  const changes = diffEntries(readEntryTextsAtRef(ref, { repo, contentDir }), readEntryTextsInWorkingTree(root));
  return formatChanges(changes, { base: ref, contentDir });
}
