import { papersFileSchema } from '../../schemas/data';
import { toJsonSchema } from '../../lib/data/json-schema';

/** The JSON Schema of papers.json, generated from the Zod schema the site itself uses. */
export function GET() {
  const schema = toJsonSchema(papersFileSchema, {
    title: 'Awesome MLLM papers',
    description: 'Every entry of the reading list (/data/papers.json). Generated from src/schemas/data.ts.',
  });
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
}
