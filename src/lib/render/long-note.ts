import { unified as astroUnified } from '@astrojs/markdown-remark';
import type { ElementContent, Root, RootContent } from 'hast';
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import type { NoteComponent, NoteNode, NoteTree } from '../entries/paper-entry';
import { markdownPipeline } from './markdown';

/**
 * The site's Markdown processor as Astro runs it for Markdown and MDX (astro.config.mjs): the one
 * pipeline's plugins, GFM from the pipeline itself and smartypants off (see markdownPipeline).
 */
export function markdownProcessor(extraRehypePlugins: RehypePlugins = []) {
  return astroUnified({
    ...markdownPipeline,
    rehypePlugins: [...markdownPipeline.rehypePlugins, ...extraRehypePlugins],
    gfm: false,
    smartypants: false,
  });
}
type RehypePlugins = NonNullable<NonNullable<Parameters<typeof astroUnified>[0]>['rehypePlugins']>;

/**
 * The tree of each compile, by the frontmatter object that compile was given (Astro hands it to
 * plugins as `file.data.astro.frontmatter`): one object per call, so two compiles of the same file
 * at once (one save in `astro dev` can fire two events) never take each other's tree.
 */
const captured = new WeakMap<object, Root>();

/**
 * Keeps the tree of the note being compiled. It runs after the site's rehype plugins; Astro's own
 * (heading ids among them) run after it and change the same tree in place, and the JavaScript
 * step that follows reads the tree without changing it, so once `process` ends this is the tree
 * @astrojs/mdx would have turned into a module.
 */
function rehypeKeepTree() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: object } } }) => {
    const key = file.data.astro?.frontmatter;
    if (key) captured.set(key, tree);
  };
}

let renderer: ReturnType<NonNullable<ReturnType<typeof markdownProcessor>['createMdxRenderer']>> | undefined;

/**
 * A validated `.mdx` long note as a tree of data, through the same MDX compiler, plugins and
 * options as @astrojs/mdx (src/components/entry/LongNote.astro renders it with the allow-listed
 * components). So no module is bundled per note, and nothing from the note is ever run as code:
 * the tree holds only elements, text and components with string attributes, or this throws.
 */
export async function longNoteTree(body: string, file: string): Promise<NoteTree> {
  renderer ??= markdownProcessor([rehypeKeepTree]).createMdxRenderer!(
    { syntaxHighlight: false, gfm: false, smartypants: false },
    { optimize: false, sourcemap: false },
  );
  const frontmatter = {};
  await (await renderer).process(body, file, frontmatter);
  const tree = captured.get(frontmatter);
  if (!tree) throw new Error(`${file}: the MDX compiler gave no tree for the long note`);
  return { type: 'root', children: plainChildren(tree.children, file) };
}

function plainChildren(children: readonly (RootContent | ElementContent)[], file: string): NoteNode[] {
  return children.flatMap((child): NoteNode[] => {
    switch (child.type) {
      case 'text':
        return [{ type: 'text', value: child.value }];
      case 'element':
        return [
          {
            type: 'element',
            tagName: child.tagName,
            properties: child.properties,
            children: plainChildren(child.children, file),
          },
        ];
      // The exports Astro adds (frontmatter, headings) are module code, which a page renders
      // without; an entry's own import or export never gets here (validation refuses it).
      case 'mdxjsEsm':
      case 'comment':
        return [];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return [plainComponent(child, file)];
      default:
        throw new Error(`${file}: a long note cannot hold a ${child.type} node (npm run validate says why)`);
    }
  });
}

function plainComponent(node: MdxJsxFlowElementHast | MdxJsxTextElementHast, file: string): NoteComponent {
  const attributes = node.attributes.map((attribute) => {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string')
      throw new Error(`${file}: <${node.name}> takes string attributes only (npm run validate says where)`);
    return { type: 'mdxJsxAttribute' as const, name: attribute.name, value: (attribute as MdxJsxAttribute).value as string };
  });
  if (!node.name) throw new Error(`${file}: a long note cannot hold a fragment (<>…</>)`);
  return { type: node.type, name: node.name, attributes, children: plainChildren(node.children, file) };
}
