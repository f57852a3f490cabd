import type { ZodTypeAny } from 'astro/zod';
import { ignoreOverride, zodToJsonSchema } from 'zod-to-json-schema';
import { httpUrl } from '../schemas/link';

/**
 * A Zod schema as JSON Schema (draft 7), for editors and for people scripting against the data.
 * What JSON Schema cannot take from Zod alone is filled in: the http(s)-only rule on URLs is a
 * refinement in Zod, a pattern here.
 */
export function toJsonSchema(schema: ZodTypeAny, about: { title: string; description: string }): Record<string, unknown> {
  const { $schema, ...rest } = zodToJsonSchema(schema, {
    $refStrategy: 'none',
    // `added` is a z.preprocess (YAML dates → strings): describe the string a file or export holds.
    effectStrategy: 'input',
    override: (def) =>
      def === httpUrl._def ? { type: 'string', format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' } : ignoreOverride,
  }) as Record<string, unknown>;
  return { $schema, ...about, ...rest };
}
