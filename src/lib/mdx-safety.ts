import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';

/** Something in an MDX body that a plain-Markdown note must not contain; `line` is 1-based in the body. */
export interface MdxSafetyIssue {
  line: number;
  message: string;
}

/** The parts of an MDX syntax tree node this check reads. */
interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  position?: { start: { line: number } };
  children?: MdxNode[];
}

/**
 * MDX bodies are compiled to JavaScript that runs at build time and in readers' browsers, and
 * entries come from strangers' pull requests: a long note may be Markdown only, never code.
 */
const UNSAFE_NODE_MESSAGES: Record<string, (node: MdxNode) => string> = {
  mdxjsEsm: () => 'import/export statements are not allowed in an entry',
  mdxJsxFlowElement: jsxMessage,
  mdxJsxTextElement: jsxMessage,
  mdxFlowExpression: expressionMessage,
  mdxTextExpression: expressionMessage,
};

function jsxMessage(node: MdxNode): string {
  return `JSX/HTML element ${elementName(node)} is not allowed in an entry (use Markdown; write \\< for a literal <)`;
}

function expressionMessage(node: MdxNode): string {
  return `expression {${oneLine(node.value ?? '')}} is not allowed in an entry (write \\{ for a literal brace)`;
}

/** Problems are reported one per line: a multi-line or long expression is shown shortened. */
function oneLine(code: string, maxLength = 40): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

function elementName(node: MdxNode): string {
  return node.name ? `<${node.name}>` : '<>';
}

/** ` (3:1-3:6)`: where some parse errors (an unclosed tag) give their place, inside the text only. */
const POSITION_IN_TEXT = / \((\d+):\d+(?:-\d+:\d+)?\)/;

/** Parses as the site does (MDX + GFM); created once because building a processor is not free. */
let processor: ReturnType<typeof createProcessor> | undefined;

/** Every import/export, JSX element and `{expression}` in an MDX body, or the error that stops it parsing. */
export function findUnsafeMdx(body: string): MdxSafetyIssue[] {
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
    return [{ line: line ?? (placeInText ? Number(placeInText[1]) : 1), message: `the MDX does not parse: ${message}` }];
  }
  const issues: MdxSafetyIssue[] = [];
  const visit = (node: MdxNode) => {
    const describe = UNSAFE_NODE_MESSAGES[node.type];
    // An unsafe node is reported once, not again for the JSX or expressions nested inside it.
    if (describe) issues.push({ line: node.position?.start.line ?? 1, message: describe(node) });
    else node.children?.forEach(visit);
  };
  visit(tree);
  return issues;
}
