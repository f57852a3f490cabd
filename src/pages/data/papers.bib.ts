import type { APIContext } from 'astro';
import { loadContent } from '../../content';
import { papersBibtex } from '../../lib/data-export';
import { toExport } from '../../lib/site-data';

/** One BibTeX record per paper with an arXiv id. */
export async function GET(context: APIContext) {
  const { papers } = await loadContent();
  return new Response(papersBibtex(toExport(papers, context.site!)), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
}
