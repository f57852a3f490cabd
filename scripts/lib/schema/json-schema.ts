import path from 'node:path';
import { ignoreOverride, zodToJsonSchema } from 'zod-to-json-schema';
import { httpUrl } from '../../../src/schemas/link';
import { paperSchema } from '../../../src/schemas/paper';
import { JSON_SCHEMA_REF } from '../../../src/lib/entry-files';
import { contentRoot } from '../../../src/lib/paths';

/** Where the editor schema is committed: where entry files in content/<section>/ point with JSON_SCHEMA_REF. */
export function jsonSchemaPath(root: string = contentRoot()): string {
  return path.resolve(root, 'any-section', JSON_SCHEMA_REF);
}

/**
 * The JSON Schema editors (VS Code's YAML extension) check entry files against, generated from
 * paperSchema so the two cannot disagree on fields. What a JSON Schema cannot say from Zod alone
 * is filled in: the http(s)-only rule on URLs is a Zod refinement, so it becomes a pattern here.
 */
export function buildPaperJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = zodToJsonSchema(paperSchema, {
    $refStrategy: 'none',
    // `added` is a z.preprocess (YAML dates → strings): describe what a file may hold, the string.
    effectStrategy: 'input',
    override: (def) =>
      def === httpUrl._def ? { type: 'string', format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' } : ignoreOverride,
  }) as Record<string, unknown>;
  return {
    $schema,
    title: 'Awesome MLLM paper entry',
    description:
      'One paper of the list: content/<section>/<id>.yaml, or the frontmatter of an .mdx entry. Generated from src/schemas/paper.ts by `npm run schema`; do not edit.',
    ...schema,
  };
}

/** The committed file's exact text, so a stale file is a test failure rather than a silent drift. */
export function formatPaperJsonSchema(): string {
  return `${JSON.stringify(buildPaperJsonSchema(), null, 2)}\n`;
}
