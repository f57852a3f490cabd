// src/lib/content/: reading content/: its root, entry files, the one YAML reader, sections.yaml, the glossary, problems.

import { readFile } from 'node:fs/promises';

/**
 * Reads many small files in order, a batch at a time: enough reads at once to keep the disk busy,
 * few enough not to run out of file handles or hold every file in memory.
 */
export async function* readInBatches(files: readonly string[], atOnce = 64): AsyncGenerator<{ file: string; content: Buffer }> {
  for (let start = 0; start < files.length; start += atOnce) {
    const batch = files.slice(start, start + atOnce);
    const contents = await Promise.all(batch.map((file) => readFile(file)));
    for (const [i, file] of batch.entries()) yield { file, content: contents[i]! };
  }
}
