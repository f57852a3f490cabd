import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { expect, it } from 'vitest';
import { readmePaper, readmeShots, takeScreenshots, VIEWPORT } from '../../scripts/lib/screenshots/readme-screenshots';
import { openContentRoot } from '../../src/lib/content/content-root';
import { routes } from '../../src/lib/routes';
import { browserSuite } from '../helpers/browser';
import { tempFolder } from '../helpers/temp-folder';
import { DIST, FIXTURE_CONTENT } from '../setup/dist';

/** `npm run screenshots` (scripts/lib/screenshots/): the README's pictures, here of the fixture build. */
browserSuite("the README's screenshots", () => {
  const out = tempFolder('screenshots-');
  const content = openContentRoot(FIXTURE_CONTENT);

  it('shows a paper with a scholarly record unless told which, and names a paper that is not there', () => {
    const paper = readmePaper(content);
    expect(readFileSync(content.recordFile(paper.section, paper.id), 'utf8')).toMatch(/^authors:/m);
    expect(readmePaper(content, 'reasoning/glm-4-5')).toMatchObject({ section: 'reasoning', id: 'glm-4-5' });
    expect(() => readmePaper(content, 'reasoning/no-such-paper')).toThrow(/--paper reasoning\/no-such-paper: no such entry/);
  });

  it('writes the home page and the paper page as PNGs of the laptop viewport', async () => {
    const shots = readmeShots({ section: 'reasoning', id: 'glm-4-5' });
    expect(shots.map((shot) => shot.sitePath)).toEqual([routes.home(), routes.paper('reasoning', 'glm-4-5')]);
    const files = await takeScreenshots(DIST, shots, out);
    expect(files.map((file) => path.basename(file))).toEqual(['home.png', 'paper.png']);
    for (const file of files) expect(imageSize(readFileSync(file))).toMatchObject({ type: 'png', ...VIEWPORT });
    // Two pages, two pictures: the paper page is not the home page again.
    expect(readFileSync(files[0]!).equals(readFileSync(files[1]!))).toBe(false);
  });

  it('fails on a page the build does not have, naming it', async () => {
    await expect(takeScreenshots(DIST, [{ file: 'x.png', sitePath: 'no-such-section/' }], out)).rejects.toThrow(
      /\/no-such-section\/: HTTP 404/,
    );
  });
});
