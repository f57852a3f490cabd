import fc from 'fast-check';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { languageOf } from '../../../src/lib/language';
import { newsPart, splitListHeader } from '../../../src/lib/render/list-header';
import { isPlainMarkdownLine, markdownPlainText, renderInlineMarkdown, renderMarkdown } from '../../../src/lib/render/markdown';
import { editUrl, withBase } from '../../../src/lib/render/urls';

describe('note Markdown', () => {
  it('renders inline Markdown without a wrapping paragraph', () => {
    expect(renderInlineMarkdown('MLP对齐特征，**gpt4v**生成')).toBe('MLP对齐特征，<strong>gpt4v</strong>生成');
  });
  it('shows raw HTML as text, never as markup', () => {
    expect(renderInlineMarkdown('<script>alert(1)</script>')).not.toContain('<script');
    expect(renderInlineMarkdown('<img src=x onerror=alert(1)>')).toBe('&#x3C;img src=x onerror=alert(1)>');
  });
  it('turns javascript: and data: links into plain text and keeps http links', () => {
    expect(renderInlineMarkdown('[x](javascript:alert(1)) [y](data:text/html,hi) [z](https://a.b)')).toBe(
      'x y <a href="https://a.b" rel="noopener noreferrer">z</a>',
    );
    expect(renderInlineMarkdown('[r][1]\n\n[1]: javascript:alert(1)')).toBe('r');
  });
  it('renders block Markdown with the same rules', () => {
    expect(renderMarkdown('- a\n- <b>b</b>')).toContain('&#x3C;b>b&#x3C;/b>');
  });
  it('gives the plain text of a note for meta descriptions: link text kept, marks and URLs dropped', () => {
    expect(markdownPlainText('MLP对齐特征，**gpt4v**生成 [代码](https://a.b/c) `x`')).toBe('MLP对齐特征，gpt4v生成 代码 x');
    expect(markdownPlainText('line one\nline  two')).toBe('line one line two');
  });

  // Notes that hold no Markdown skip the processor; these hold the shortcut to what it would give.
  const pieces = fc.constantFrom(
    ...'ab Z9 统一 视频理解 ， 。 ( ) : . ! ? " \' # > + = - * _ ~ ` | [ ] < > & @ \\ \n \t \u3000 \u00a0 \u0000 1. 2) www. http:// https://a.b mailto: &amp; *x* ![i](x) {x} $'.split(
      ' ',
    ),
    ' ',
  );
  const notes = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));
  const parseText = unified().use(remarkParse).use(remarkGfm);

  it('renders a note with no Markdown in it as the processor does, without running it', () => {
    fc.assert(
      fc.property(notes, (note) => {
        if (!isPlainMarkdownLine(note)) return;
        expect(renderMarkdown(note)).toBe(`<p>${note}</p>`);
        expect(renderInlineMarkdown(note)).toBe(note);
        expect(markdownPlainText(note)).toBe(toString(parseText.parse(note)).replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 3000, seed: 16 },
    );
  });

  it('leaves every note with Markdown syntax to the processor', () => {
    for (const note of [
      '**b**',
      '`c`',
      '[a](https://x.y)',
      'see https://x.y',
      'www.x.y',
      'a@b.cd',
      '&amp;',
      '# h',
      '1. one',
      '- item',
      'a\nb',
      ' lead',
    ])
      expect(isPlainMarkdownLine(note), note).toBe(false);
    expect(isPlainMarkdownLine('统一的视频理解（含长视频）, e.g. LLaVA-1.5: 2x faster!')).toBe(true);
  });
});

describe('the list header', () => {
  const header = splitListHeader(
    '# Awesome List\nIntro **text**.\n\n### About Me\nMe.\n\n###  🔥 Updated 2024-10-28\n- news one\n',
  );
  it('splits title, intro and parts', () => {
    expect(header.title).toBe('Awesome List');
    expect(header.intro).toBe('Intro **text**.');
    expect(header.parts.map((part) => part.heading)).toEqual(['About Me', '🔥 Updated 2024-10-28']);
  });
  it('finds the news part', () => {
    expect(newsPart(header)?.body).toBe('- news one');
  });
});

describe('small helpers', () => {
  it('tags Chinese text zh-Hans and the rest en', () => {
    expect(languageOf('精细的动态分辨率策略')).toBe('zh-Hans');
    expect(languageOf('apple：多模态')).toBe('zh-Hans');
    expect(languageOf('length reg')).toBe('en');
  });
  it('joins paths under the base', () => {
    expect(withBase('mllm/x/', '/awesome-mllm/')).toBe('/awesome-mllm/mllm/x/');
    expect(withBase('', '/')).toBe('/');
    expect(withBase('/stats/', '/base')).toBe('/base/stats/');
  });
  it('points edit links at the file on the forge', () => {
    expect(editUrl('https://github.com/o/r', 'main', 'content/mllm/x.yaml')).toBe(
      'https://github.com/o/r/edit/main/content/mllm/x.yaml',
    );
  });
});
