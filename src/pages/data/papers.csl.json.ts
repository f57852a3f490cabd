import { loadContent } from '../../content';
import { cslJsonFile } from '../../lib/data/citation-formats';
import { siteCitations } from '../../lib/render/site-data';

/** One CSL-JSON item per paper, for Zotero, Mendeley and pandoc (lib/data/citation-formats). */
export async function GET() {
  const { papers } = await loadContent();
  return new Response(cslJsonFile([...siteCitations(papers).values()]), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json' },
  });
}
