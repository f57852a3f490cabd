import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEntrySource, serializeEntry } from '../../src/lib/entry-files';
import { createEntry, parseNewEntryArgs } from '../../scripts/lib/list/new-entry';
import { ENTRY_COMPONENT_NAMES, findUnsafeMdx, inspectMdx } from '../../src/lib/mdx-safety';
import { contentRoot, REPO_ROOT, sectionRegistryPath } from '../../src/lib/paths';
import { loadSections } from '../../src/lib/sections';
import { formatProblem, validateContent } from '../../src/lib/validate';
import { LINK_KINDS, paperSchema } from '../../src/schemas/paper';

const doc = readFileSync(path.join(REPO_ROOT, 'CONTRIBUTING.md'), 'utf8');
const lines = doc.split('\n');

/** The cells of the first Markdown table after the line `marker`, header and separator dropped. */
function tableAfter(marker: string): string[][] {
  const start = lines.indexOf(marker);
  expect(start, `CONTRIBUTING.md has no line "${marker}"`).toBeGreaterThanOrEqual(0);
  const first = lines.findIndex((line, index) => index > start && line.startsWith('|'));
  const end = lines.findIndex((line, index) => index > first && !line.startsWith('|'));
  return lines.slice(first + 2, end).map((row) =>
    row
      .slice(1, -1)
      .split(' | ')
      .map((cell) => cell.trim()),
  );
}

/** The contents of every fenced block in a language. */
function codeBlocks(language: string): string[] {
  return [...doc.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1]!);
}

const unquote = (cell: string) => /^`([^`]+)`$/.exec(cell)?.[1] ?? cell;

let temp: string | undefined;
afterEach(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
  temp = undefined;
});

/** A content root in a temporary folder with the real registry and the given entry files. */
function contentWith(files: Record<string, string>): string {
  temp = mkdtempSync(path.join(tmpdir(), 'contributing-'));
  const root = path.join(temp, 'content');
  mkdirSync(root);
  copyFileSync(sectionRegistryPath(), path.join(root, 'sections.yaml'));
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  return root;
}

describe('CONTRIBUTING.md', () => {
  it('lists exactly the schema fields, each required or optional as the schema says', () => {
    const documented = Object.fromEntries(tableAfter('## Fields').map(([field, required]) => [unquote(field!), required]));
    const schema = Object.fromEntries(
      Object.entries(paperSchema.shape).map(([field, type]) => [field, type.isOptional() ? 'optional' : 'required']),
    );
    expect(documented).toEqual(schema);
  });

  it('lists exactly the link kinds', () => {
    expect(tableAfter('Link kinds:').map(([kind]) => unquote(kind!))).toEqual([...LINK_KINDS]);
  });

  it('names no section by hand: the registry is the one list of sections', () => {
    const titles = loadSections().map((section) => section.title);
    expect(titles.filter((title) => doc.includes(`| ${title} |`))).toEqual([]);
    expect(doc).toContain('content/sections.yaml');
  });

  it('has one YAML, one Markdown and one MDX example, each valid and written as `npm run new` writes entries', () => {
    const [yaml, ...moreYaml] = codeBlocks('yaml');
    const [md, ...moreMd] = codeBlocks('md');
    const [mdx, ...moreMdx] = codeBlocks('mdx');
    expect([moreYaml, moreMd, moreMdx]).toEqual([[], [], []]);

    const yamlEntry = parseEntrySource('content/mllm/2312.14238.yaml', yaml!);
    const mdEntry = parseEntrySource('content/benchmarks/2311.12793.md', md!);
    const mdxEntry = parseEntrySource('content/benchmarks/2311.12793.mdx', mdx!);
    for (const entry of [yamlEntry, mdEntry, mdxEntry]) {
      expect(entry.syntaxErrors).toEqual([]);
      expect(paperSchema.safeParse(entry.data).success, entry.file).toBe(true);
    }
    expect(yaml).toBe(serializeEntry(paperSchema.parse(yamlEntry.data)));
    expect(md).toBe(serializeEntry(paperSchema.parse(mdEntry.data), 'md', mdEntry.body));
    expect(mdx).toBe(serializeEntry(paperSchema.parse(mdxEntry.data), 'mdx', mdxEntry.body));
    // The MDX example shows every component.
    expect(inspectMdx(mdxEntry.body)).toMatchObject({ issues: [], components: ENTRY_COMPONENT_NAMES });
  });

  it('uses examples that are not in the list yet, so copying one adds a paper (the figure once its file is there)', () => {
    const [yaml] = codeBlocks('yaml');
    const [md] = codeBlocks('md');
    const [mdx] = codeBlocks('mdx');
    const { figures } = inspectMdx(parseEntrySource('x.mdx', mdx!).body);
    temp = mkdtempSync(path.join(tmpdir(), 'contributing-'));
    const publicDir = path.join(temp, 'public');
    for (const { src } of figures) {
      mkdirSync(path.dirname(path.join(publicDir, src)), { recursive: true });
      writeFileSync(path.join(publicDir, src), 'image');
    }
    // The .md and .mdx examples are the same paper: each goes into a copy of its own.
    for (const [name, files] of Object.entries({
      markdown: { 'mllm/2312.14238.yaml': yaml!, 'benchmarks/2311.12793.md': md! },
      mdx: { 'benchmarks/2311.12793.mdx': mdx! },
    })) {
      const root = path.join(temp, name);
      cpSync(contentRoot(), root, { recursive: true });
      for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
      const problems = validateContent({ root, publicDir }).filter((problem) => problem.file.startsWith(root));
      expect(
        problems.filter((problem) => Object.keys(files).some((file) => problem.file.endsWith(file))),
        name,
      ).toEqual([]);
      expect(
        problems.filter((problem) => problem.severity === 'error'),
        name,
      ).toEqual([]);
    }
  });

  it('adds a new paper to the real content with the `npm run new` command it shows, word for word', () => {
    const [block] = codeBlocks('sh').filter((text) => text.startsWith('npm run new'));
    const command = block!.replace(/\\\n\s*/g, ' ').split('\n')[0]!;
    const promised = /# → (content\/\S+)/.exec(block!)![1]!;
    // Shell words: "quoted strings" or bare words, after `npm run new --`.
    const argv = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!).slice(4);
    temp = mkdtempSync(path.join(tmpdir(), 'contributing-'));
    const root = path.join(temp, 'content');
    cpSync(contentRoot(), root, { recursive: true });
    const entry = createEntry(parseNewEntryArgs(argv), { root, today: '2026-01-01' });
    expect(path.relative(temp, entry.file)).toBe(promised);
    writeFileSync(entry.file, entry.text);
    expect(validateContent({ root }).filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('shows a validation message exactly as npm run validate prints it', () => {
    const root = contentWith({
      'mllm/x.yaml': 'title: LLaVA\nlinks:\n  - url: javascript:alert(1)\n    kind: paper\nadded: 2023-04-20\n',
    });
    const printed = validateContent({ root }).map((problem) => formatProblem(problem, path.dirname(root)));
    expect(printed).toEqual(['content/mllm/x.yaml:3: links.0.url: must start with http:// or https://']);
    expect(codeBlocks('text')).toContain(`${printed[0]}\n`);
  });

  it('states the component rule, with every component, and its escapes really are plain Markdown', () => {
    expect(doc).toContain('### Components for long notes');
    for (const name of ENTRY_COMPONENT_NAMES) expect(doc).toContain(`\`<${name} `);
    for (const forbidden of ['`import`', '`export`', '`{expressions}`', 'HTML elements']) expect(doc).toContain(forbidden);
    expect(findUnsafeMdx('a \\{literal\\} brace and a \\<Tip> that is text')).toEqual([]);
    expect(findUnsafeMdx('{1 + 1} <Tip>x</Tip>')).toHaveLength(2);
  });

  it('explains how to add, check and preview', () => {
    for (const command of [
      'npm run new',
      'npm run validate',
      'npm run dev',
      'npm run build && npm run preview',
      'npm run changes',
    ]) {
      expect(doc).toContain(command);
    }
  });
});
