import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { REPO_ROOT } from '../paths';

/**
 * The width and height of a `<Figure src>` (a file under public/, which validation has checked),
 * for its `<img>`: with them the browser keeps the image's room before it loads, so the note below
 * does not jump. Undefined when the file's header gives no size (an SVG without viewBox or size).
 */
export function figureSize(
  src: string,
  publicDir = path.join(REPO_ROOT, 'public'),
): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(readFileSync(path.join(publicDir, src)));
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/** A `<Figure … src="…">` as an MDX body writes it (validation allows only literal attributes). */
const FIGURE_SRC = /<Figure\s[^>]*?\bsrc\s*=\s*(["'])(.*?)\1/g;

/**
 * Each `<Figure>` of a long note with the size its page prints: part of the page's cache key, so
 * an image replaced under public/ re-renders the pages that show it.
 */
export function figureSizesIn(body: string, publicDir?: string): [string, ReturnType<typeof figureSize>][] {
  if (!body.includes('<Figure')) return [];
  return [...body.matchAll(FIGURE_SRC)].map(([, , src]) => [src!, figureSize(src!, publicDir)]);
}
