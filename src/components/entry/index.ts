import type { EntryComponentName } from '../../lib/validate/mdx-safety';
import Callout from './Callout.astro';
import Figure from './Figure.astro';
import PaperRef from './PaperRef.astro';
import Results from './Results.astro';

/**
 * The implementations of the allow-listed entry components (ENTRY_COMPONENTS in
 * src/lib/validate/mdx-safety.ts), which LongNote.astro renders a note's components with and the
 * contributing guide shows: entries import nothing.
 * Their styles are src/styles/entry.css, which a page rendering them links (most paper pages have
 * no long note, so the components carry no <style> that would ride along with this import).
 */
export const entryComponents = { Figure, Callout, PaperRef, Results } satisfies Record<EntryComponentName, unknown>;
