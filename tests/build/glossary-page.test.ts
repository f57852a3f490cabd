import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { compileGlossary, conceptsIn } from '../../src/lib/search/glossary';
import { loadGlossary } from '../../src/lib/content/glossary-file';
import { paperKeys } from '../../src/lib/data/same-paper';
import { textEntries } from '../helpers/search';
import { DIST } from '../setup/dist';

const concepts = loadGlossary();
const entries = textEntries();
const keys = paperKeys(entries.map((entry) => entry.data));

describe('the glossary page', () => {
  const $ = load(readFileSync(path.join(DIST, 'glossary', 'index.html'), 'utf8'));

  it('shows every concept with its forms and the papers using it, each paper once', () => {
    const glossary = compileGlossary(concepts);
    for (const concept of concepts) {
      const block = $(`[data-concept="${concept.id}"]`);
      expect(block.length, concept.id).toBe(1);
      expect(block.find('[data-form="en"]').text()).toContain(concept.en[0]);
      expect(block.find('[data-form="zh"]').text()).toContain(concept.zh[0]);
      // By the list's own words: an abstract's passing mention does not list a paper under a concept.
      const expected = new Set(
        entries
          .filter((entry) => conceptsIn(entry.ownText, glossary).has(concept.id))
          .map((entry) => keys[entries.indexOf(entry)]),
      );
      const links = block
        .find('[data-glossary-paper]')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(links.length, concept.id).toBe(expected.size);
      for (const href of links) expect(existsSync(path.join(DIST, href, 'index.html')), href).toBe(true);
    }
  });

  it('is linked from every page', () => {
    const home = load(readFileSync(path.join(DIST, 'index.html'), 'utf8'));
    expect(home('a[href="/glossary/"]').length).toBeGreaterThan(0);
  });

  it('ships the glossary to the search client', () => {
    const shipped = JSON.parse(readFileSync(path.join(DIST, 'search', 'glossary.json'), 'utf8'));
    expect(shipped).toEqual(concepts);
  });
});
