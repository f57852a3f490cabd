import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, type HtmlValue } from '../../../src/lib/render/html';

describe('the html template', () => {
  const hostile = `<script>alert("x")</script> & 'y'`;
  const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;';

  it('escapes what Astro escapes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes every interpolated value, in text and in attributes', () => {
    expect(html`<a title="${hostile}">${hostile}</a>`.value).toBe(`<a title="${escaped}">${escaped}</a>`);
  });

  it('inserts raw() strings and nested templates as they are, and escapes nothing else twice', () => {
    const inner = html`<b>${hostile}</b>`;
    expect(html`<p>${inner}${raw('<em>safe</em>')}</p>`.value).toBe(`<p><b>${escaped}</b><em>safe</em></p>`);
  });

  it('joins lists, prints numbers, and prints nothing for null, undefined and false', () => {
    const list: HtmlValue = ['<a>', html`<br>`, [1, null, undefined, false, '']];
    expect(html`[${list}]`.value).toBe('[&lt;a&gt;<br>1]');
    expect(`${html`<i>${0}</i>`}`).toBe('<i>0</i>');
  });
});

/** HTML's elements: `<options>` in a usage line or `<PaperRef>` in a message is text, not markup. */
const HTML_ELEMENTS = new Set(
  `a abbr address article aside audio b bdi bdo blockquote body br button canvas caption cite code col colgroup data
  datalist dd del details dfn dialog div dl dt em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header
  hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol
  optgroup option output p picture pre progress q rp rt ruby s samp script search section select slot small source span
  strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track u ul var video wbr`.split(
    /\s+/,
  ),
);

/**
 * Templates in `code` that write HTML without the `html` tag: an untagged template literal
 * interpolating into markup, or markup joined with `+`. A regular expression's source may hold
 * tag names (`new RegExp(`<mark>…`)`): it writes no HTML.
 */
function untaggedMarkup(file: string, code: string): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`;
  const literalText = (node: ts.Node): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('\0');
    return undefined;
  };
  const isMarkup = (text: string | undefined) =>
    text !== undefined && [...text.matchAll(/<\/?([a-z][a-z0-9]*)(?=[\s>/\0])/g)].some(([, name]) => HTML_ELEMENTS.has(name!));
  const visit = (node: ts.Node) => {
    if (ts.isTemplateExpression(node) && isMarkup(literalText(node))) {
      const parent = node.parent;
      const tagged = ts.isTaggedTemplateExpression(parent) && parent.tag.getText() === 'html';
      const regExp = ts.isNewExpression(parent) && parent.expression.getText() === 'RegExp';
      if (!tagged && !regExp) found.push(where(node));
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      (isMarkup(literalText(node.left)) || isMarkup(literalText(node.right)))
    )
      found.push(where(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('HTML written as strings', () => {
  it('the check finds markup written without the html tag, and passes it with the tag', () => {
    expect(untaggedMarkup('a.ts', 'const a = `<li>${name}</li>`;')).toHaveLength(1);
    expect(untaggedMarkup('a.ts', "const a = '<li>' + name + '</li>';")).toHaveLength(2);
    expect(untaggedMarkup('a.ts', 'const a = `<p class="${c}">`;')).toHaveLength(1);
    expect(untaggedMarkup('a.ts', 'const a = html`<li>${name}</li>`, b = new RegExp(`<mark>${x}`);')).toEqual([]);
    // Messages that quote a component tag are text, not markup.
    expect(untaggedMarkup('a.ts', 'const a = `<PaperRef id="${id}"> names no entry`;')).toEqual([]);
  });

  // src/client/search/ is left out while it is rewritten; it should join this check.
  it('is written with the html template everywhere in src/', () => {
    const root = path.resolve(import.meta.dirname, '../../../src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|mts)$/.test(file) && !file.startsWith(`client${path.sep}search${path.sep}`))
      .map((file) => path.join(root, file));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => untaggedMarkup(path.relative(root, file), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
