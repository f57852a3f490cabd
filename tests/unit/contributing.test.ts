import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEntrySource, serializeEntry } from '../../src/lib/content/entry-files';
import { headingAnchor } from '../../scripts/lib/list/write';
import { ENTRY_COMPONENT_NAMES, findUnsafeMdx, inspectMdx } from '../../src/lib/validate/mdx-safety';
import { contentRoot, REPO_ROOT, sectionRegistryPath } from '../../src/lib/paths';
import { loadSections } from '../../src/lib/content/sections';
import { formatProblem } from '../../src/lib/content/problems';
import { validateContent } from '../../src/lib/validate/validate';
import { routes } from '../../src/lib/routes';
import { LINK_KINDS, paperSchema } from '../../src/schemas/paper';
import { siteLocation } from '../../src/site.config';

const doc = readFileSync(path.join(REPO_ROOT, 'CONTRIBUTING.md'), 'utf8');
const lines = doc.split('\n');
const contributingPage = readFileSync(path.join(REPO_ROOT, 'src/pages/contributing.mdx'), 'utf8');

/** The contents of every fenced block in a language. */
function codeBlocks(language: string): string[] {
  return [...doc.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1]!);
}

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

/**
 * CONTRIBUTING.md, read on GitHub: it copies no table the code has (the site's /contributing/ page
 * renders fields, link kinds, sections and components from the code), so what is tested here is
 * what it still says by hand: examples that work, commands, messages and links that exist.
 */
describe('CONTRIBUTING.md', () => {
  it('keeps no table of fields, link kinds or sections: the schema and the registry are the lists', () => {
    const cells = [...Object.keys(paperSchema.shape), ...LINK_KINDS].map((name) => `| \`${name}\` |`);
    const titles = loadSections().map((section) => `| ${section.title} |`);
    expect([...cells, ...titles].filter((cell) => doc.includes(cell))).toEqual([]);
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

  it('shows a validation message exactly as npm run validate prints it', () => {
    const root = contentWith({
      'mllm/x.yaml': 'title: LLaVA\nlinks:\n  - url: javascript:alert(1)\n    kind: paper\nadded: 2023-04-20\n',
    });
    const printed = validateContent({ root }).map((problem) => formatProblem(problem, path.dirname(root)));
    expect(printed).toEqual(['content/mllm/x.yaml:3: links.0.url: must start with http:// or https://']);
    expect(codeBlocks('text')).toContain(`${printed[0]}\n`);
  });

  it('states what an MDX body may not hold, and its escapes really are plain Markdown', () => {
    expect(doc).toContain('### Components for long notes');
    for (const forbidden of ['`import`', '`export`', '`{expressions}`', 'HTML elements']) expect(doc).toContain(forbidden);
    expect(findUnsafeMdx('a \\{literal\\} brace and a \\<Tip> that is text')).toEqual([]);
    expect(findUnsafeMdx('{1 + 1} <Tip>x</Tip>')).toHaveLength(2);
  });

  it("points to the site's contributing page where the deploy workflow publishes it, and to the schema", () => {
    // Without SITE_REPOSITORY, GitHub Pages serves the list's own repository at /<name>/.
    const { siteUrl, repository } = siteLocation({});
    const page = `${siteUrl}/${repository.split('/')[1]}/${routes.contributing()}`;
    expect(doc).toContain(`](${page})`);
    expect(doc).toContain(`](${page}#components)`);
    expect(contributingPage).toMatch(/^## Components$/m);
    expect(doc).toContain('](src/schemas/paper.ts)');
  });

  it('links only to files and headings that exist', () => {
    const links = [...doc.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
    const anchors = new Set(lines.filter((line) => line.startsWith('#')).map((line) => headingAnchor(line.replace(/^#+ /, ''))));
    for (const link of links) {
      // Absolute URLs and GitHub's own pages (../../issues/new) are not files of the checkout.
      if (/^[a-z]+:/.test(link) || link.startsWith('../')) continue;
      if (link.startsWith('#')) expect(anchors, link).toContain(link.slice(1));
      else expect(existsSync(path.join(REPO_ROOT, link)), link).toBe(true);
    }
    expect(links.filter((link) => !/^[a-z]+:/.test(link)).length).toBeGreaterThan(5);
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
