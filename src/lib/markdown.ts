import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Root, RootContent, Parent } from 'mdast';

const SAFE_URL = /^(?:https?:\/\/|mailto:|#|\/(?!\/))/i;

/**
 * Notes come from strangers: raw HTML is shown as text (never dropped, never live), and links or
 * images whose URL is not http(s), mailto, an anchor or site-relative become plain text.
 */
function remarkInertHtml() {
  return (tree: Root) => {
    const visit = (node: Parent) => {
      node.children = node.children.map((child): RootContent => {
        if (child.type === 'html') return { type: 'text', value: child.value };
        if ((child.type === 'link' || child.type === 'image') && !SAFE_URL.test(child.url.trim())) {
          return { type: 'text', value: child.type === 'image' ? child.alt ?? '' : toPlain(child) };
        }
        if ('children' in child) visit(child as Parent);
        return child;
      });
    };
    visit(tree);
  };
}

function toPlain(node: RootContent): string {
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(toPlain).join('');
  return '';
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkInertHtml)
  .use(remarkRehype)
  .use(rehypeStringify);

/** A note's inline Markdown as HTML, without the wrapping paragraph. */
export function renderInlineMarkdown(markdown: string): string {
  const html = String(processor.processSync(markdown)).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]! : html;
}

/** Block Markdown (the list's header, about page) as HTML, with the same safety rules. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
