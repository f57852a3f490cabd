import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { largestPage, pageWeight, servedBytes } from '../../../scripts/lib/bench/output';
import { writeFileAtomic as write } from '../../../src/lib/content/entry-files';
import { tempFolder } from '../../helpers/temp-folder';

/** The benchmark's weighing of a build's output (scripts/lib/bench/output.ts): a page with what it loads, the largest page. */

const temp = tempFolder('bench-');

describe('page weight', () => {
  const dist = path.join(temp, 'dist');
  write(
    path.join(dist, 'mllm/paper/index.html'),
    [
      '<!doctype html><html lang="en"><head>',
      '<link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="https://cdn.example/x.css">',
      '<script src="/theme.js"></script><script type="module" src="../../_astro/page.js"></script>',
      '<link rel="icon" href="/favicon.svg">',
      '</head><body><script type="module" src="/pagefind/pagefind.js"></script><p>note</p></body></html>',
    ].join(''),
  );
  write(path.join(dist, '_astro/site.css'), 'body{color:red}'.repeat(50));
  write(path.join(dist, 'theme.js'), 'document.documentElement.dataset.theme="dark";');
  write(
    path.join(dist, '_astro/page.js'),
    'import{a as b}from"./chunk.js";import"./side.js";const later=()=>import("./lazy.js");b(later);',
  );
  write(path.join(dist, '_astro/chunk.js'), 'export const a=(f)=>f;');
  write(path.join(dist, '_astro/side.js'), 'console.log(1);');
  write(path.join(dist, '_astro/lazy.js'), 'x'.repeat(10_000));
  write(path.join(dist, 'pagefind/pagefind.js'), 'x'.repeat(10_000));

  it('counts the HTML, its stylesheets and the scripts it loads eagerly, with their static imports', () => {
    const weight = pageWeight(dist, 'mllm/paper/');
    expect(weight.assets.sort()).toEqual([
      '/_astro/chunk.js',
      '/_astro/page.js',
      '/_astro/side.js',
      '/_astro/site.css',
      '/theme.js',
    ]);
    expect(weight.css.raw).toBe(15 * 50);
    expect(weight.css.served).toBeLessThan(weight.css.raw);
    expect(weight.total.raw).toBe(weight.html.raw + weight.css.raw + weight.js.raw);
  });

  it('finds the largest HTML page and counts the paper cards on it', () => {
    write(
      path.join(dist, 'tags/video/index.html'),
      `<ol>${'<li><article class="paper-card" data-id="x"></article></li>'.repeat(300)}</ol>`,
    );
    expect(largestPage(dist)).toEqual({ file: 'tags/video/index.html', bytes: expect.any(Number), cards: 300 });
  });

  it('serves text gzipped and Pagefind’s compressed files as they are', () => {
    const text = Buffer.from('<p>hello</p>'.repeat(100));
    expect(servedBytes('a/index.html', text).served).toBeLessThan(text.length);
    expect(servedBytes('pagefind/index/zh_1.pf_index', text)).toEqual({ raw: text.length, served: text.length });
  });
});
