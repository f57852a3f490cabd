import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { paperCardHtml, paperListItems, type CardPaper } from '../../../src/lib/render/paper-card';
import { linkChipsHtml } from '../../../src/lib/render/links';

const hostile = `"><script>alert('x')</script> & <b>`;
const paper: CardPaper = {
  id: 'a-b',
  path: 'mllm/a-b/',
  data: {
    title: `Title ${hostile}`,
    note: '统一的**视频**理解',
    venue: `CVPR ${hostile}`,
    org: `Org ${hostile}`,
    tags: ['video', `t ${hostile}`],
    added: '2024-05-01',
    links: [
      { kind: 'paper', url: `https://arxiv.org/abs/2401.00001?a=1&b="2"` },
      { kind: 'code', url: 'https://github.com/o/r' },
    ],
  },
  section: { path: 'mllm/', title: 'Multimodal LLMs', short: 'MLLM' },
};

describe('a paper card', () => {
  const $ = load(paperCardHtml(paper, { showSection: true, headingLevel: 3 }).value);

  it('shows every field as text, however it is written, and runs nothing', () => {
    expect($('script')).toHaveLength(0);
    expect($('b')).toHaveLength(0);
    expect($('h3.paper-title a').text()).toBe(paper.data.title);
    expect($('h3.paper-title').attr('lang')).toBe('en');
    expect($('.venue').text()).toBe(paper.data.venue);
    expect($('.meta li').eq(2).text()).toBe(paper.data.org);
    expect(
      $('a.tag')
        .map((_, tag) => $(tag).text())
        .get(),
    ).toEqual(['#video', `#t ${hostile}`]);
  });

  it('renders the note as safe Markdown and marks its language', () => {
    expect($('p.note').html()).toBe('统一的<strong>视频</strong>理解');
    expect($('p.note').attr('lang')).toBe('zh-Hans');
  });

  it('links the paper page, the section, the tags and every link as written', () => {
    expect($('.paper-title a').attr('href')).toBe('/mllm/a-b/');
    expect($('.meta li').first().find('a').attr('href')).toBe('/mllm/');
    expect($('.meta li').first().text()).toBe('MLLM');
    expect($('a.tag').first().attr('href')).toBe('/tags/video/');
    expect(
      $('.link-chip')
        .map((_, link) => `${$(link).text()} ${$(link).attr('href')}`)
        .get(),
    ).toEqual([`Paper ${paper.data.links[0]!.url}`, 'Code https://github.com/o/r']);
    expect($('.link-chip').attr('rel')).toBe('noopener noreferrer');
    expect($('time').attr('datetime')).toBe('2024-05-01');
  });

  it('names the section only where asked, with the heading level asked for', () => {
    const $plain = load(paperCardHtml(paper).value);
    expect($plain('h2.paper-title')).toHaveLength(1);
    expect($plain('.meta li').first().text()).toBe(`CVPR ${hostile}`);
    expect($plain('.meta a[href="/mllm/"]')).toHaveLength(0);
  });

  it('lists cards as list items, in order', () => {
    const other = { ...paper, id: 'c-d', path: 'mllm/c-d/', data: { ...paper.data, title: 'Other', note: undefined } };
    const $list = load(`<ol>${paperListItems([paper, other])}</ol>`);
    expect(
      $list('ol > li > article.paper-card')
        .map((_, card) => $list(card).attr('data-id'))
        .get(),
    ).toEqual(['a-b', 'c-d']);
    expect($list('li').last().find('p.note')).toHaveLength(0);
  });
});

describe('link chips', () => {
  const links = paper.data.links;

  it('are the same on a card and on the paper page, where each also names its host', () => {
    const card = load(linkChipsHtml(links).value);
    const page = load(linkChipsHtml(links, { hosts: true }).value);
    expect(
      card('a.link-chip')
        .map((_, chip) => card(chip).text())
        .get(),
    ).toEqual(['Paper', 'Code']);
    expect(
      page('a.link-chip')
        .map((_, chip) => page(chip).text())
        .get(),
    ).toEqual(['Paper arxiv.org', 'Code github.com']);
    for (const $ of [card, page]) {
      expect(
        $('ul.links > li > a.link-chip')
          .map((_, chip) => $(chip).attr('href'))
          .get(),
      ).toEqual(links.map((link) => link.url));
      expect($('a.kind-paper').attr('rel')).toBe('noopener noreferrer');
    }
  });
});
