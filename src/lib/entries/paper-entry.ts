import type { CollectionEntry, CollectionKey } from 'astro:content';
import type { Element } from 'hast';
import type { Paper } from '../../schemas/paper';
import type { PaperRecord } from '../../schemas/record';
import type { Section } from '../../schemas/section';
import type { CompiledConcept, IndexKeywords } from '../search/glossary';

/** A registry section with the site path of its listing. */
export interface SectionInfo extends Section {
  path: string;
}

/** A paper as pages see it: its entry, its section and what the build derives from it. */
export interface PaperEntry {
  id: string;
  section: SectionInfo;
  data: Paper;
  /**
   * Its scholarly record (authors, abstract, dates, PDF) when `npm run records` found one: the
   * service's words, kept apart from the entry's; where both say something, `data` wins.
   */
  record?: PaperRecord;
  /** "Wang et al., 2024", from its record, for listings (lib/data/paper-record). */
  byline?: string;
  /** Shared by entries of the same paper across sections (see lib/data/same-paper). */
  key: string;
  /** The collection entry, for `render()` of a `.md` entry's long note. */
  entry: CollectionEntry<CollectionKey>;
  hasBody: boolean;
  /** An `.mdx` entry's long note, as its loader compiled it (src/lib/render/long-note.ts). */
  noteTree?: NoteTree;
  /** Repository path of the entry file, for "Edit this entry". */
  file: string;
  /** Site-relative path of the paper page, without the base. */
  path: string;
  /** Glossary concept ids its title, note, tags and long note use, with the first form used. */
  concepts: Map<string, string>;
  /** What its page indexes besides its text (see lib/search/glossary). */
  keywords: IndexKeywords;
  /** Other papers of the list close to this one (not the same paper in another section). */
  related: { paper: PaperEntry; shared: string[] }[];
  /** A digest of the entry file's fields and body and its record: changes whenever what a page shows of it can. */
  digest: string;
}

export interface SectionWithPapers extends SectionInfo {
  /** Newest added first. */
  papers: PaperEntry[];
}

export interface Content {
  sections: SectionWithPapers[];
  /** Newest added first. */
  papers: PaperEntry[];
  glossary: CompiledConcept[];
  /**
   * A digest of what every page shows besides its own content (the site's settings, the header's
   * sections, the glossary): part of each page's incremental-build key. No paper count is in it, so
   * adding a paper re-renders only the pages that show it.
   */
  siteKey: string;
}

/** An allow-listed component in a long note: its name, its string attributes, its Markdown. */
export interface NoteComponent {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string;
  attributes: { type: 'mdxJsxAttribute'; name: string; value: string }[];
  children: NoteNode[];
}
/** A long note as data: HTML elements, text and allow-listed components, no positions and no code. */
export type NoteNode = { type: 'text'; value: string } | NoteElement | NoteComponent;
export interface NoteElement {
  type: 'element';
  tagName: string;
  properties: Element['properties'];
  children: NoteNode[];
}
export interface NoteTree {
  type: 'root';
  children: NoteNode[];
}
