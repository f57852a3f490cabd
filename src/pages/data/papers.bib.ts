import { loadContent } from '../../content';
import { bibtexFile } from '../../lib/data/citation-formats';
import { siteCitations } from '../../lib/render/site-data';

/** One BibTeX record per paper, keyed as its page's (lib/data/citation). */
export async function GET() {
  const { papers } = await loadContent();
  return new Response(bibtexFile([...siteCitations(papers).values()]), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
}
