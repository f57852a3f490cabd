import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { openContentRoot } from '../../src/lib/content/content-root';
import { ENTRY_COMPONENT_NAMES, ENTRY_COMPONENTS } from '../../src/lib/validate/mdx-safety';
import { isOptionalField, LINK_KIND_DESCRIPTIONS, LINK_KINDS, paperSchema, type Paper } from '../../src/schemas/paper';
import { contentEntries } from '../helpers/content';
import { DIST } from '../setup/dist';

const page = (sitePath: string): CheerioAPI => load(readFileSync(path.join(DIST, sitePath, 'index.html'), 'utf8'));
const rows = ($: CheerioAPI, table: string) =>
  $(`${table} tbody tr`)
    .map((_, row) => [
      $(row)
        .find('td')
        .map((__, cell) => $(cell).text().replace(/\s+/g, ' ').trim())
        .get(),
    ])
    .get() as string[][];
/** What a describe() text reads as once its inline Markdown is HTML. */
const plain = (markdown: string) => markdown.replace(/\*\*|`/g, '').replace(/\s+/g, ' ');

const sections = openContentRoot().sections();
const entries = contentEntries();

describe('the about page (src/pages/about.mdx)', () => {
  const $ = page('about');

  it('lists the registry’s sections in order, with what each covers and its number of papers', () => {
    expect(rows($, '[data-section-table]')).toEqual(
      sections.map((section) => [
        section.title,
        section.description,
        String(entries.filter((entry) => entry.section === section.id).length),
      ]),
    );
    expect(
      $('[data-section-table] a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(sections.map((s) => `/${s.id}/`));
  });

  it('says how many papers and sections there are, and links to the guide', () => {
    expect($('.page-intro').text()).toContain(`a reading list of ${entries.length} papers in ${sections.length} sections`);
    expect($('a[href="/contributing/"]').text()).toBe('contributing guide');
  });
});

describe('the contributing guide (src/pages/contributing.mdx)', () => {
  const $ = page('contributing');

  it('lists the schema’s fields, each required or optional and described as the schema says', () => {
    expect(rows($, '[data-field-table]')).toEqual(
      Object.entries(paperSchema.shape).map(([field, type]) => [
        field,
        isOptionalField(field as keyof Paper) ? 'optional' : 'required',
        plain(type.description!),
      ]),
    );
  });

  it('lists the link kinds and the registry’s sections with their folders', () => {
    expect(rows($, '[data-link-kind-table]')).toEqual(LINK_KINDS.map((kind) => [kind, LINK_KIND_DESCRIPTIONS[kind]]));
    expect(rows($, '[data-section-table]')).toEqual(sections.map((section) => [section.title, `content/${section.id}/`]));
  });

  it('documents every allow-listed component with its attributes and example', () => {
    expect(
      $('[data-component]')
        .map((_, section) => $(section).attr('data-component'))
        .get(),
    ).toEqual(ENTRY_COMPONENT_NAMES);
    for (const name of ENTRY_COMPONENT_NAMES) {
      const section = $(`[data-component="${name}"]`);
      expect(
        section
          .find('[data-attribute]')
          .map((_, row) => $(row).attr('data-attribute'))
          .get(),
        name,
      ).toEqual(Object.keys(ENTRY_COMPONENTS[name].attributes));
      expect(section.find('pre[data-example]').text(), name).toBe(ENTRY_COMPONENTS[name].example);
    }
  });

  it('shows the components rendered, a reference linking to a real paper', () => {
    expect($('aside.callout.callout-takeaway .callout-title').text()).toBe('Key takeaway');
    expect($('figure.entry-results td.align-right').first().text()).toBe('64.3');
    const href = $('a.paper-ref').attr('href')!;
    const target = entries.find((entry) => href === `/${entry.section}/${entry.id}/`);
    expect(target, href).toBeDefined();
    expect($('a.paper-ref').text()).toBe(target!.data.title);
  });

  it('renders a long note exactly as @astrojs/mdx renders the same MDX in this page', () => {
    // The guide is an MDX page, compiled to a module by @astrojs/mdx; a paper's `.mdx` note is a
    // tree its loader made and the page renders (src/lib/render/long-note.ts). The fixture entry
    // holds the guide's examples as its body, so the two HTML strings must be the same.
    const examples = (html: string) =>
      html.slice(html.indexOf('<aside class="callout callout-takeaway"'), html.lastIndexOf('</figure>') + '</figure>'.length);
    const guideSource = readFileSync('src/pages/contributing.mdx', 'utf8');
    const entry = entries.find((candidate) => candidate.id === 'component-examples-as-a-note')!;
    const noteSource = readFileSync(entry.file, 'utf8');
    const body = (source: string) => source.slice(source.indexOf('<Callout kind="takeaway">'), source.indexOf('</Results>'));
    expect(body(noteSource), `${entry.file} holds the guide's examples, as they are in contributing.mdx`).toBe(body(guideSource));
    const guide = examples($.html());
    expect(guide).toMatch(/^<aside [\s\S]*<\/aside>\n<aside [\s\S]*<\/figure>$/);
    const note = examples(page(`${entry.section}/${entry.id}`)('.long-note').html()!);
    expect(note).toBe(guide);
  });
});
