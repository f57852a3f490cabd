import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Root, RootContent, Parent } from 'mdast';
import type { Element, ElementContent, Root as HtmlRoot } from 'hast';
import { memoize } from '../memo';

const SAFE_URL = /^(?:https?:\/\/|mailto:|#|\/(?!\/))/i;

/** Notes come from strangers: raw HTML is shown as text, never dropped and never live. */
function remarkInertHtml() {
  return (tree: Root) => {
    const visit = (node: Parent) => {
      node.children = node.children.map((child): RootContent => {
        if (child.type === 'html') return { type: 'text', value: child.value };
        if ('children' in child) visit(child as Parent);
        return child;
      });
    };
    visit(tree);
  };
}

/**
 * URLs once Markdown is HTML, for notes and for MDX long notes (astro.config.mjs), so reference
 * links and MDX are covered too: a link or image whose URL is not http(s), mailto, an anchor or
 * site-relative is replaced by its text; a link to another site gets rel="noopener noreferrer".
 */
export function rehypeSafeLinks() {
  return (tree: HtmlRoot) => {
    const clean = (children: ElementContent[]): ElementContent[] =>
      children.flatMap((child): ElementContent[] => {
        if (child.type !== 'element') {
          // MDX components (mdxJsx* nodes) hold Markdown too: a link inside <Callout> is cleaned as well.
          if ('children' in child) (child as { children: ElementContent[] }).children = clean(child.children as ElementContent[]);
          return [child];
        }
        const url = urlOf(child);
        if (url !== undefined && !SAFE_URL.test(url.trim())) {
          return child.tagName === 'img' ? [{ type: 'text', value: String(child.properties.alt ?? '') }] : clean(child.children);
        }
        if (child.tagName === 'a' && url !== undefined && /^https?:\/\//i.test(url.trim()))
          child.properties.rel = ['noopener', 'noreferrer'];
        child.children = clean(child.children);
        return [child];
      });
    tree.children = clean(tree.children as ElementContent[]);
  };
}

/**
 * A GFM table column's alignment as a class (`align-right`): MDX would turn the `align` attribute
 * into an inline style, which the site's CSP (`style-src 'self'`) blocks.
 */
export function rehypeTableAlignClasses() {
  return (tree: HtmlRoot) => {
    // Every node with children, MDX components included (a table inside <Results>).
    const visit = (node: { children?: unknown[] }) => {
      for (const child of (node.children ?? []) as (Element | { type: string; children?: unknown[] })[]) {
        if (child.type === 'element') {
          const element = child as Element;
          const align = element.properties.align;
          if ((element.tagName === 'td' || element.tagName === 'th') && typeof align === 'string') {
            delete element.properties.align;
            element.properties.className = [...[element.properties.className ?? []].flat().map(String), `align-${align}`];
          }
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

function urlOf(element: Element): string | undefined {
  const value =
    element.tagName === 'a' ? element.properties.href : element.tagName === 'img' ? element.properties.src : undefined;
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * One line in which Markdown (CommonMark with GFM) finds no syntax, so its HTML is the line itself:
 * no character that opens inline syntax, a character reference or an autolink, and no start that
 * opens a block. Most notes are such lines, and running the processor on each was a large share of
 * the build (bench/results.md has the figures); a property test holds this to the processor's output.
 */
export function isPlainMarkdownLine(markdown: string): boolean {
  return (
    markdown.length > 0 &&
    markdown === markdown.trim() &&
    !/[\u0000-\u001f\u007f\\`*_~[\]<>&|@]|:\/\/|www\./i.test(markdown) &&
    !/^(?:[#>+=-]|\d+[.)])/.test(markdown)
  );
}

/**
 * The site's one Markdown pipeline: notes and `.md` bodies (below) and Astro's own Markdown and MDX
 * processing (astro.config.mjs passes it to `unified()` from @astrojs/markdown-remark) run these
 * plugins, so an MDX long note and a YAML note follow the same rules. GFM is listed here rather
 * than left to Astro's default so that both sides apply the same plugin; smartypants stays off on
 * both sides, since a note's HTML must be its text (isPlainMarkdownLine).
 */
export const markdownPipeline = {
  remarkPlugins: [remarkGfm, remarkInertHtml],
  rehypePlugins: [rehypeSafeLinks, rehypeTableAlignClasses],
};

const processor = unified()
  .use(remarkParse)
  .use(markdownPipeline.remarkPlugins)
  .use(remarkRehype)
  .use(markdownPipeline.rehypePlugins)
  .use(rehypeStringify);

/**
 * A note's inline Markdown as HTML, without the wrapping paragraph. Memoised: a note is shown on
 * its section's every sorted and tag view, the home page, tag pages and the feed.
 */
export function renderInlineMarkdown(markdown: string): string {
  return isPlainMarkdownLine(markdown) ? markdown : renderInline(markdown);
}
const renderInline = memoize((markdown: string) => {
  const block = String(processor.processSync(markdown)).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(block);
  return single && !single[1]!.includes('<p>') ? single[1]! : block;
});

/** Block Markdown (the list's header, about page) as HTML, with the same safety rules. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

const textParser = unified().use(remarkParse).use(remarkGfm);

/**
 * A note's text without its Markdown (link text kept, URLs and emphasis marks dropped), for the
 * places that cannot show HTML: the page's meta description and OG tags.
 */
export function markdownPlainText(markdown: string): string {
  if (isPlainMarkdownLine(markdown)) return markdown.replace(/\s+/g, ' ');
  return toString(textParser.parse(markdown)).replace(/\s+/g, ' ').trim();
}
