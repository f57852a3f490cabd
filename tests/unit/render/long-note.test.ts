import { describe, expect, it } from 'vitest';
import type { NoteNode } from '../../../src/lib/entries/paper-entry';
import { longNoteTree } from '../../../src/lib/render/long-note';

/** Every node of a tree, depth first. */
function nodes(children: readonly NoteNode[]): NoteNode[] {
  return children.flatMap((node) => [node, ...('children' in node ? nodes(node.children) : [])]);
}

describe('longNoteTree (an .mdx long note as data)', () => {
  it('runs the site’s plugins and Astro’s own on the tree it keeps: safe links, table classes, heading ids', async () => {
    const tree = await longNoteTree(
      [
        '## Main result',
        '',
        '[bad](javascript:alert(1)) and [good](https://example.org)',
        '',
        '<Results caption="Scores">',
        '',
        '| Model | Score |',
        '| --- | ---: |',
        '| A | 1.0 |',
        '',
        '</Results>',
      ].join('\n'),
      '/content/unified/note.mdx',
    );
    const all = nodes(tree.children);
    // rehypeHeadingIds runs after the plugin that keeps the tree: the id shows it is the final tree.
    expect(all).toContainEqual(expect.objectContaining({ tagName: 'h2', properties: { id: 'main-result' } }));
    expect(all).toContainEqual(
      expect.objectContaining({ tagName: 'a', properties: { href: 'https://example.org', rel: ['noopener', 'noreferrer'] } }),
    );
    expect(all.some((node) => node.type === 'element' && node.properties.href === 'javascript:alert(1)')).toBe(false);
    expect(all).toContainEqual(expect.objectContaining({ tagName: 'td', properties: { className: ['align-right'] } }));
    expect(all).toContainEqual(
      expect.objectContaining({ name: 'Results', attributes: [{ type: 'mdxJsxAttribute', name: 'caption', value: 'Scores' }] }),
    );
    // Data only: no source positions, and none of the module code Astro adds (exports).
    expect(JSON.stringify(tree)).not.toMatch(/"position"|mdxjsEsm|estree/);
  });

  it('refuses anything that would be code, whatever validation let through', async () => {
    await expect(longNoteTree('Sum: {1 + 1}', '/n.mdx')).rejects.toThrow(/cannot hold a mdxTextExpression node/);
    await expect(longNoteTree('<PaperRef id={process.exit(1)} />', '/n.mdx')).rejects.toThrow(
      /<PaperRef> takes string attributes only/,
    );
    await expect(longNoteTree('<Callout {...props}>x</Callout>', '/n.mdx')).rejects.toThrow(/string attributes only/);
    await expect(longNoteTree('<>fragment</>', '/n.mdx')).rejects.toThrow(/fragment/);
  });

  it('compiles one file twice at once without either losing its tree (two events of one save in astro dev)', async () => {
    const trees = await Promise.all(['before', 'after'].map((word) => longNoteTree(word, '/same.mdx')));
    expect(trees.map((tree) => JSON.stringify(tree))).toEqual(
      ['before', 'after'].map((word) =>
        JSON.stringify({
          type: 'root',
          children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: word }] }],
        }),
      ),
    );
  });

  it('compiles notes side by side without mixing them up', async () => {
    const trees = await Promise.all(['one', 'two', 'three'].map((word) => longNoteTree(word, `/${word}.mdx`)));
    expect(trees.map((tree) => JSON.stringify(tree))).toEqual(
      ['one', 'two', 'three'].map((word) =>
        JSON.stringify({
          type: 'root',
          children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: word }] }],
        }),
      ),
    );
  });
});
