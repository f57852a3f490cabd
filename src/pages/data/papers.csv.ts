import type { APIContext } from 'astro';
import { loadContent } from '../../content';
import { papersCsv } from '../../lib/data/data-export';
import { toExport } from '../../lib/render/site-data';

/** One row per entry (columns: CSV_COLUMNS in lib/data/data-export; README "Data"). */
export async function GET(context: APIContext) {
  const { papers } = await loadContent();
  return new Response(papersCsv(toExport(papers, context.site!)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
