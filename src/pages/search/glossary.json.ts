import type { APIRoute } from 'astro';
import { loadContent } from '../../content';

/**
 * The glossary for the search client: each concept's id and forms. The client computes each
 * concept's token itself (lib/search/glossary), so this holds only what a reader could type.
 */
export const GET: APIRoute = async () => {
  const { glossary } = await loadContent();
  const concepts = glossary.map(({ concept }) => concept);
  return new Response(JSON.stringify(concepts), { headers: { 'Content-Type': 'application/json' } });
};
