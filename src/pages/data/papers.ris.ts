import { loadContent } from '../../content';
import { risFile } from '../../lib/citation-formats';
import { siteCitations } from '../../lib/site-data';

/** One RIS record per paper, for EndNote, Zotero, Mendeley (lib/citation-formats). */
export async function GET() {
  const { papers } = await loadContent();
  return new Response(risFile([...siteCitations(papers).values()]), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
}
