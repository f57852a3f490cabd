/**
 * The README's pictures of the site: the home page and a paper page of a build, taken in
 * Chromium at a laptop's width, so they are made again by a command whenever the site changes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ContentRoot } from '../../../src/lib/content/content-root';
import { writeFileAtomic } from '../../../src/lib/content/entry-files';
import { routes } from '../../../src/lib/routes';
import { launchChromium } from '../chromium';
import { serveDist } from '../static-server';

/** Where the README shows them from (its images point here). */
export const SCREENSHOTS_DIR = '.github/screenshots';
export const VIEWPORT = { width: 1280, height: 800 };

export interface Shot {
  /** The file name under the output folder. */
  file: string;
  /** The site path, under the build's root. */
  sitePath: string;
}

/**
 * The paper the README shows: `chosen` (`section/id`) when given, else the first paper, in the
 * registry's order, that has a scholarly record (authors and abstract on its page), else the first
 * with an arXiv id (a PDF link and a full citation), else the first.
 */
export function readmePaper(content: ContentRoot, chosen?: string): { section: string; id: string } {
  const entries = content.entrySources();
  if (chosen !== undefined) {
    const [section, id] = chosen.split('/');
    const found = entries.find((entry) => entry.section === section && entry.id === id);
    if (!found) throw new Error(`--paper ${chosen}: no such entry (write <section id>/<entry id>, e.g. mllm/2304.08485)`);
    return found;
  }
  const hasArxiv = (entry: (typeof entries)[number]) =>
    typeof entry.data === 'object' && entry.data !== null && 'arxiv' in entry.data;
  const paper =
    entries.find((entry) => existsSync(content.recordFile(entry.section, entry.id))) ?? entries.find(hasArxiv) ?? entries[0];
  if (!paper) throw new Error(`${content.dir} has no paper to show`);
  return paper;
}

export function readmeShots(paper: { section: string; id: string }): Shot[] {
  return [
    { file: 'home.png', sitePath: routes.home() },
    { file: 'paper.png', sitePath: routes.paper(paper.section, paper.id) },
  ];
}

/** Each shot of the build in `dist`, in the light theme, written whole to `outDir`; resolves with the files. */
export async function takeScreenshots(dist: string, shots: readonly Shot[], outDir: string): Promise<string[]> {
  const site = await serveDist(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: 'light' });
    const written: string[] = [];
    for (const shot of shots) {
      const response = await page.goto(site.url(shot.sitePath), { waitUntil: 'load' });
      if (!response?.ok())
        throw new Error(`/${shot.sitePath}: HTTP ${response?.status() ?? 'no answer'} from the build in ${dist}`);
      const file = path.join(outDir, shot.file);
      writeFileAtomic(file, await page.screenshot({ type: 'png' }));
      written.push(file);
    }
    return written;
  } finally {
    await browser.close();
    await site.close();
  }
}
