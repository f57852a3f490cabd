// src/lib/validate/: the content checks of npm run validate and the build: fields, records, MDX safety, duplicates.

import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';

/** Something in an MDX body that an entry must not contain; `line` is 1-based in the body. */
export interface MdxSafetyIssue {
  line: number;
  message: string;
}

/** One attribute an entry component takes: always a string literal. */
export interface ComponentAttribute {
  description: string;
  required?: boolean;
  /** The only values allowed, when the attribute is a choice. */
  values?: readonly string[];
}

/** A component entries may use, as the validator checks it and the guide documents it. */
export interface EntryComponentSpec {
  /** What a note uses it for. */
  purpose: string;
  attributes: Readonly<Record<string, ComponentAttribute>>;
  /** `none`: self-closing; `markdown`: any Markdown (and allowed components); `table`: a Markdown table. */
  content: 'none' | 'markdown' | 'table';
  /** A short MDX example; every one passes validation (tested) and the guide page shows it. */
  example: string;
}

/** Image files a `<Figure>` may show. */
export const FIGURE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg'] as const;

/** Callout kinds and the heading each shows unless `title` is given. */
export const CALLOUT_KINDS = { takeaway: 'Key takeaway', caveat: 'Caveat', note: 'Note' } as const;

/**
 * THE allow-list: the only components an `.mdx` entry may use, each with the only attributes it
 * takes. Pages pass the implementations (src/components/entry/) to `<Content components={…} />`;
 * entries import nothing.
 */
export const ENTRY_COMPONENTS = {
  Figure: {
    purpose: 'an image with a caption, from a file under `public/` (remote images are blocked by the site’s CSP)',
    attributes: {
      src: {
        required: true,
        description: `a path under \`public/\` starting with \`/\`, ending in ${FIGURE_EXTENSIONS.join(', ')}`,
      },
      alt: { required: true, description: 'what the image shows, for readers who cannot see it' },
      caption: { description: 'the caption under the image (inline Markdown)' },
    },
    content: 'none',
    example:
      '<Figure src="/figures/2311.12793/pipeline.svg" alt="GPT-4V captions 100K images; a captioner trained on them captions 1.2M more" caption="The caption pipeline (Figure 2 of the paper)." />',
  },
  Callout: {
    purpose: 'a boxed key takeaway, caveat or side note',
    attributes: {
      kind: { required: true, values: Object.keys(CALLOUT_KINDS), description: 'what kind of remark it is' },
      title: { description: 'a heading instead of the kind’s own' },
    },
    content: 'markdown',
    example: '<Callout kind="takeaway">\n\n描述的**质量**比数量更重要。\n\n</Callout>',
  },
  PaperRef: {
    purpose: 'a link to another paper of the list, shown with its title',
    attributes: {
      id: {
        required: true,
        description: 'the paper’s entry id (its file name), or `section/id` when several sections list that id',
      },
    },
    content: 'none',
    example: '<PaperRef id="2409.12191" />',
  },
  Results: {
    purpose: 'a small table of results with a caption, scrolling sideways on narrow screens',
    attributes: {
      caption: { required: true, description: 'what the table compares' },
      source: { description: 'where the numbers come from, such as "Table 3 of the paper"' },
    },
    content: 'table',
    example:
      '<Results caption="MMBench accuracy" source="Table 2 of the paper">\n\n| Model | MMBench |\n| --- | ---: |\n| LLaVA-1.5-7B | 64.3 |\n| ShareGPT4V-7B | 68.8 |\n\n</Results>',
  },
} as const satisfies Record<string, EntryComponentSpec>;

export type EntryComponentName = keyof typeof ENTRY_COMPONENTS;
export const ENTRY_COMPONENT_NAMES = Object.keys(ENTRY_COMPONENTS) as EntryComponentName[];

/** What an MDX body holds, as far as validation cares. */
export interface MdxInspection {
  /** Everything that is not allowed, each at its line. */
  issues: MdxSafetyIssue[];
  /** Allow-listed components the body uses (an `.mdx` entry without any should be `.md`). */
  components: EntryComponentName[];
  /** `<PaperRef id>` values, for the check that each names a paper of the list. */
  paperRefs: { line: number; id: string }[];
  /** `<Figure src>` and Markdown image paths, for the check that each file exists under `public/`. */
  figures: { line: number; src: string }[];
}

/** The parts of an MDX syntax tree node this check reads. */
interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  identifier?: string;
  attributes?: MdxAttribute[];
  position?: { start: { line: number } };
  children?: MdxNode[];
}
interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}

/** Problems are reported one per line: a multi-line or long expression is shown shortened. */
function oneLine(code: string, maxLength = 40): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

/** ` (3:1-3:6)`: where some parse errors (an unclosed tag) give their place, inside the text only. */
const POSITION_IN_TEXT = / \((\d+):\d+(?:-\d+:\d+)?\)/;
/** A Figure's src: a site path under public/, no `.` or `..` segment, no query; the extension is checked apart. */
const PUBLIC_PATH = /^(?:\/(?!\.\.?(?:\/|$))[\w.-]+)+$/;
/** `2409.12191` or `mllm/2409.12191`: entry ids are file names. */
const PAPER_REF = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[\w.-]+$/;
const ALLOWED_LIST = ENTRY_COMPONENT_NAMES.map((name) => `<${name}>`).join(', ');

/** Parses as the site does (MDX + GFM); created once because building a processor is not free. */
let processor: ReturnType<typeof createProcessor> | undefined;

/**
 * Checks an MDX body against the allow-list on its syntax tree, before anything compiles it: MDX
 * compiles to JavaScript that runs at build time, and entries come from strangers' pull requests.
 * Allowed: Markdown (GFM) and the components of ENTRY_COMPONENTS with string-literal attributes.
 * Refused: import/export, `{expressions}`, HTML elements, unknown components, spread and
 * expression attributes, event handlers, and images that are not files under public/.
 */
export function inspectMdx(body: string): MdxInspection {
  const result: MdxInspection = { issues: [], components: [], paperRefs: [], figures: [] };
  processor ??= createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] });
  let tree: MdxNode;
  try {
    tree = processor.parse(body) as MdxNode;
  } catch (error) {
    const { line, reason } = error as { line?: number; reason?: string };
    const text = reason ?? (error as Error).message;
    // A position in the text counts from the body, not the file: read it, then drop it.
    const placeInText = POSITION_IN_TEXT.exec(text);
    const message = text.replace(new RegExp(POSITION_IN_TEXT.source, 'g'), '');
    result.issues.push({
      line: line ?? (placeInText ? Number(placeInText[1]) : 1),
      message: `the MDX does not parse: ${message}`,
    });
    return result;
  }
  const used = new Set<EntryComponentName>();
  const definitions = new Map<string, string>();
  const collectDefinitions = (node: MdxNode) => {
    if (node.type === 'definition' && node.identifier && node.url !== undefined) definitions.set(node.identifier, node.url);
    node.children?.forEach(collectDefinitions);
  };
  collectDefinitions(tree);

  const visit = (node: MdxNode) => {
    const line = node.position?.start.line ?? 1;
    const refuse = (message: string) => result.issues.push({ line, message });
    switch (node.type) {
      case 'mdxjsEsm':
        return refuse('import/export statements are not allowed in an entry (components need no import)');
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return refuse(
          `expression {${oneLine(String(node.value ?? ''))}} is not allowed in an entry (write \\{ for a literal brace)`,
        );
      case 'image':
      case 'imageReference': {
        const url = node.type === 'image' ? node.url : definitions.get(node.identifier ?? '');
        if (url === undefined) return;
        if (PUBLIC_PATH.test(url)) result.figures.push({ line, src: url });
        // Astro's MDX imports a relative image as a module; a remote one the CSP blocks.
        else
          refuse(
            `image "${oneLine(url)}" is not a file under public/ (remote images are blocked): use <Figure src="/…" alt="…" />`,
          );
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const problem = elementProblem(node, result, line);
        if (problem) return refuse(problem);
        used.add(node.name as EntryComponentName);
        break;
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  result.components = ENTRY_COMPONENT_NAMES.filter((name) => used.has(name));
  return result;
}

/**
 * Why a JSX element is refused (reported once: nothing inside a refused element is checked), or
 * undefined for an allow-listed component used as its spec says. Records refs and figures.
 */
function elementProblem(node: MdxNode, result: MdxInspection, line: number): string | undefined {
  const name = node.name;
  if (!name) return 'fragments <>…</> are not allowed in an entry (write \\< for a literal <)';
  if (/^[a-z]/.test(name))
    return `HTML element <${name}> is not allowed in an entry: use Markdown, or one of the components ${ALLOWED_LIST} (write \\< for a literal <)`;
  if (!Object.hasOwn(ENTRY_COMPONENTS, name))
    return `unknown component <${name}>: entries may use only ${ALLOWED_LIST} (write \\< for a literal <)`;
  const spec: EntryComponentSpec = ENTRY_COMPONENTS[name as EntryComponentName];
  const values = new Map<string, string>();
  for (const attribute of node.attributes ?? []) {
    if (attribute.type === 'mdxJsxExpressionAttribute')
      return `<${name}> with spread attributes {${oneLine(String(attribute.value ?? ''))}} is not allowed: write each attribute as name="text"`;
    const key = attribute.name ?? '';
    if (/^on/i.test(key)) return `<${name} ${key}>: event-handler attributes are not allowed in an entry`;
    if (!Object.hasOwn(spec.attributes, key))
      return `<${name}> has no attribute "${key}" (it takes ${Object.keys(spec.attributes).join(', ')})`;
    const value = attribute.value;
    if (value === null || value === undefined) return `<${name} ${key}> needs a value in quotes: ${key}="…"`;
    if (typeof value !== 'string')
      return `<${name} ${key}={${oneLine(value.value)}}>: attribute values must be text in quotes (${key}="…"), not {expressions}`;
    if (values.has(key)) return `<${name}> has the attribute "${key}" twice`;
    values.set(key, value);
  }
  for (const [key, attribute] of Object.entries(spec.attributes)) {
    const value = values.get(key);
    if (attribute.required && !value?.trim()) return `<${name}> needs ${key}="…" (${attribute.description})`;
    if (value !== undefined && attribute.values && !attribute.values.includes(value))
      return `<${name} ${key}="${value}">: ${key} must be one of ${attribute.values.join(', ')}`;
  }
  const children = node.children ?? [];
  if (spec.content === 'none' && children.length) return `<${name}> takes no content: write it as <${name} … />`;
  if (spec.content === 'table' && !children.some((child) => child.type === 'table'))
    return `<${name}> must hold a Markdown table (leave a blank line after <${name} …> and before </${name}>)`;

  if (name === 'PaperRef') {
    const id = values.get('id')!;
    if (!PAPER_REF.test(id)) return `<PaperRef id="${id}">: id must be an entry id such as "2409.12191" or "mllm/2409.12191"`;
    result.paperRefs.push({ line, id });
  }
  if (name === 'Figure') {
    const src = values.get('src')!;
    const extension = /\.[^./]+$/.exec(src)?.[0]?.toLowerCase() ?? '';
    if (!PUBLIC_PATH.test(src) || !(FIGURE_EXTENSIONS as readonly string[]).includes(extension))
      return `<Figure src="${oneLine(src)}">: src must be an image under public/, written from the site root, such as "/figures/2409.12191/overview.png" (remote images are blocked)`;
    result.figures.push({ line, src });
  }
  return undefined;
}

/** Every problem in an MDX body that its file alone shows (see inspectMdx). */
export function findUnsafeMdx(body: string): MdxSafetyIssue[] {
  return inspectMdx(body).issues;
}
