import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { siteNavItemsHtml, type NavSection } from '../../../src/lib/render/site-nav';

const sections: NavSection[] = [
  { id: 'mllm', path: 'mllm/', title: 'Multimodal LLMs', short: 'MLLMs' },
  { id: 'odd', path: 'odd/', title: `A <b>"bold"</b> & odd one` },
];

describe('the header nav', () => {
  it('lists each section (no paper count: adding a paper must not change every page), then the site pages, and marks only the current one', () => {
    const $ = load(`<ul>${siteNavItemsHtml(sections, 'odd')}</ul>`);
    const items = $('li a')
      .map((_, link) => [[$(link).attr('href'), $(link).text(), $(link).attr('aria-current') ?? '']])
      .get();
    expect(items).toEqual([
      ['/mllm/', 'MLLMs', ''],
      ['/odd/', `A <b>"bold"</b> & odd one`, 'page'],
      ['/tags/', 'Tags', ''],
      ['/glossary/', 'Glossary', ''],
      ['/stats/', 'Stats', ''],
      ['/about/', 'About', ''],
    ]);
    expect($('b')).toHaveLength(0);
  });

  it('marks a site page, or nothing, and writes each variant once', () => {
    expect(load(siteNavItemsHtml(sections, 'tags').value)('[aria-current]').text()).toBe('Tags');
    expect(load(siteNavItemsHtml(sections).value)('[aria-current]')).toHaveLength(0);
    expect(siteNavItemsHtml(sections, 'mllm')).toBe(siteNavItemsHtml(sections, 'mllm'));
    expect(siteNavItemsHtml(sections, 'mllm').value).not.toBe(siteNavItemsHtml(sections, 'odd').value);
  });
});
