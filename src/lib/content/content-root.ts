import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Section } from '../../schemas/section';
import { readEntrySources, type EntrySource } from './entry-files';
import { contentRoot, sectionRegistryPath } from '../paths';
import { loadSections } from './sections';

/** The list's own header prose (intro and news), shown on the home and about pages. */
export const ABOUT_FILE_NAME = 'about.md';

/**
 * The folder of scholarly records (src/schemas/record.ts), `records/<section>/<entry id>.yaml`:
 * written only by `npm run records`, kept apart from the entry files people write. Its name is a
 * reserved section id (lib/routes).
 */
export const RECORDS_FOLDER_NAME = 'records';

/**
 * A content folder: the section registry, one folder of entry files per section, the about file.
 * The one way every page, script and test opens content, so "where is the registry" and "which
 * files are entries" are answered once. Reads are lazy and cached: open it, then ask.
 */
export interface ContentRoot {
  /** Absolute path of the folder. */
  dir: string;
  /** `sections.yaml`, the section registry. */
  registryFile: string;
  /** `about.md`, the list's header prose. */
  aboutFile: string;
  /** `records/`, the scholarly records' folder (it may not exist yet). */
  recordsDir: string;
  /** Where the record of entry `entryId` of section `sectionId` lives (whether or not it exists). */
  recordFile(sectionId: string, entryId: string): string;
  /** Registry sections by `order`; throws naming the file and field when the registry is invalid. */
  sections(): Section[];
  /** Every entry file of the registry's sections (or of `sectionIds`), sorted by section then name. */
  entrySources(sectionIds?: readonly string[]): EntrySource[];
  /** The about file's text. */
  readAbout(): string;
}

/** Opens the content folder `dir` (default: `CONTENT_DIR`, else the repository's `content/`). */
export function openContentRoot(dir: string = contentRoot()): ContentRoot {
  const absolute = path.resolve(dir);
  let sections: Section[] | undefined;
  const root: ContentRoot = {
    dir: absolute,
    registryFile: sectionRegistryPath(absolute),
    aboutFile: path.join(absolute, ABOUT_FILE_NAME),
    recordsDir: path.join(absolute, RECORDS_FOLDER_NAME),
    recordFile: (sectionId, entryId) => path.join(absolute, RECORDS_FOLDER_NAME, sectionId, `${entryId}.yaml`),
    sections: () => (sections ??= loadSections(root.registryFile)),
    entrySources: (sectionIds = root.sections().map((section) => section.id)) => readEntrySources(absolute, sectionIds),
    readAbout: () => readFileSync(root.aboutFile, 'utf8'),
  };
  return root;
}
