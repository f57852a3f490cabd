import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { figureSize, figureSizesIn } from '../../../src/lib/render/figure-size';

const publicDir = mkdtempSync(path.join(tmpdir(), 'figure-size-'));
afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

/** A PNG of `width` × `height` as far as its header goes (the size is all image-size reads). */
function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'ascii');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

describe('figureSize', () => {
  it('reads a raster image’s size and an SVG’s viewBox, from a path under public/', () => {
    writeFileSync(path.join(publicDir, 'pipeline.png'), pngHeader(1200, 675));
    writeFileSync(path.join(publicDir, 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"></svg>');
    expect(figureSize('/pipeline.png', publicDir)).toEqual({ width: 1200, height: 675 });
    expect(figureSize('/chart.svg', publicDir)).toEqual({ width: 640, height: 360 });
  });

  it('gives no size for a file whose header says none (the image still shows, unsized)', () => {
    writeFileSync(path.join(publicDir, 'bare.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    writeFileSync(path.join(publicDir, 'broken.png'), 'not a png');
    expect(figureSize('/bare.svg', publicDir)).toBeUndefined();
    expect(figureSize('/broken.png', publicDir)).toBeUndefined();
  });
});

describe('figureSizesIn', () => {
  it('lists each <Figure> of a long note with its size, whatever the attribute order and quotes', () => {
    writeFileSync(path.join(publicDir, 'a.png'), pngHeader(10, 20));
    writeFileSync(path.join(publicDir, 'b.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"></svg>');
    const body = `Text.\n\n<Figure src="/a.png" alt="A" />\n\n<Figure alt='B' caption="b" src='/b.svg' />\n`;
    expect(figureSizesIn(body, publicDir)).toEqual([
      ['/a.png', { width: 10, height: 20 }],
      ['/b.svg', { width: 4, height: 3 }],
    ]);
    expect(figureSizesIn('No figure here.', publicDir)).toEqual([]);
  });
});
