import type { APIContext } from 'astro';
import { loadContent } from '../../content';
import { papersFile } from '../../lib/data/data-export';
import { toExport } from '../../lib/render/site-data';

/** Every entry with its section, id, page URL and all fields (schema: papers.schema.json; README "Data"). */
export async function GET(context: APIContext) {
  const { papers } = await loadContent();
  return new Response(`${JSON.stringify(papersFile(toExport(papers, context.site!)), null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
}
