import { loadContent } from '../../content';
import { bibtexFile } from '../../lib/citation-formats';
import { siteCitations } from '../../lib/site-data';

/** One BibTeX record per paper, keyed as its page's (lib/citation). */
export async function GET() {
  const { papers } = await loadContent();
  return new Response(bibtexFile([...siteCitations(papers).values()]), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
}
