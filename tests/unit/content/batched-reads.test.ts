import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInBatches } from '../../../src/lib/content/batched-reads';

const dir = mkdtempSync(path.join(os.tmpdir(), 'batched-reads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = Array.from({ length: 7 }, (_, i) => {
  const file = path.join(dir, `f${i}.txt`);
  writeFileSync(file, `content ${i}`);
  return file;
});

async function readAll(list: readonly string[], atOnce: number) {
  const read: { file: string; text: string }[] = [];
  for await (const { file, content } of readInBatches(list, atOnce)) read.push({ file, text: content.toString('utf8') });
  return read;
}

describe('readInBatches', () => {
  it('yields every file once, in the order given, across batches of any size', async () => {
    for (const atOnce of [1, 3, 7, 64]) {
      expect(await readAll([...files].reverse(), atOnce), `atOnce ${atOnce}`).toEqual(
        [...files].reverse().map((file) => ({ file, text: `content ${path.basename(file).slice(1, 2)}` })),
      );
    }
  });

  it('fails on a file that cannot be read instead of skipping it', async () => {
    await expect(readAll([files[0]!, path.join(dir, 'missing.txt')], 2)).rejects.toThrow(/ENOENT/);
  });
});
