import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { findBrokenLinks, htmlFiles } from '../../scripts/lib/checks/check-links';
import { runScript } from '../helpers/run';
import { DIST, SUBPATH_BASE, SUBPATH_DIST } from '../setup/dist';

describe('internal links and assets', () => {
  it('all resolve in the root build', () => {
    expect(findBrokenLinks(DIST, '/')).toEqual([]);
  });

  it('all resolve in the sub-path build, and none escapes the base', () => {
    expect(findBrokenLinks(SUBPATH_DIST, SUBPATH_BASE)).toEqual([]);
    for (const file of htmlFiles(SUBPATH_DIST)) {
      const $ = load(readFileSync(path.join(SUBPATH_DIST, file), 'utf8'));
      const rooted = $('[href^="/"], [src^="/"]')
        .map((_, el) => $(el).attr('href') ?? $(el).attr('src'))
        .get()
        .filter((url) => !url.startsWith(SUBPATH_BASE));
      expect(rooted, file).toEqual([]);
    }
  });

  it('passes `npm run check:links` on the build', async () => {
    const run = await runScript('scripts/check-links.ts', ['--dist', DIST]);
    expect([run.status, run.stdout.trim()]).toEqual([0, 'no broken internal links']);
  });

  it('reports a missing page and a missing anchor (the checker itself works)', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(path.join(tmpdir(), 'links-'));
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(
      path.join(dir, 'index.html'),
      '<a href="/a/">ok</a><a href="/b/">gone</a><a href="/a/#top">anchor</a><img src="/x.png">',
    );
    writeFileSync(path.join(dir, 'a', 'index.html'), '<h1 id="title">A</h1><a href="../#nowhere">up</a>');
    const broken = findBrokenLinks(dir, '/').map((link) => `${link.page} ${link.url} ${link.reason}`);
    expect(broken.sort()).toEqual([
      'a/index.html ../#nowhere no element with id "nowhere"',
      'index.html /a/#top no element with id "top"',
      'index.html /b/ no such file',
      'index.html /x.png no such file',
    ]);
  });
});
