import { z } from 'astro/zod';

/**
 * A Zod schema as JSON Schema (draft 7), for editors and for people scripting against the data,
 * from Zod's own converter. What JSON Schema cannot take from a refinement the schema gives as
 * metadata (the http(s)-only rule on link URLs is a pattern there). The output side is described:
 * the only transform, `added`'s preprocess (YAML dates to strings), outputs the string a file holds.
 */
export function toJsonSchema(schema: z.ZodType, about: { title: string; description: string }): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'output',
  }) as Record<string, unknown>;
  return { $schema, ...about, ...rest };
}
