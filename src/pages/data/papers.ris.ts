import { loadContent } from '../../content';
import { risFile } from '../../lib/data/citation-formats';
import { siteCitations } from '../../lib/render/site-data';

/** One RIS record per paper, for EndNote, Zotero, Mendeley (lib/data/citation-formats). */
export async function GET() {
  const { papers } = await loadContent();
  return new Response(risFile([...siteCitations(papers).values()]), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
}
