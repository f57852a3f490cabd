import path from 'node:path';
import { toJsonSchema } from '../../../src/lib/data/json-schema';
import { paperSchema } from '../../../src/schemas/paper';
import { JSON_SCHEMA_REF } from '../../../src/lib/content/entry-files';
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
  return toJsonSchema(paperSchema, {
    title: 'Awesome MLLM paper entry',
    description:
      'One paper of the list: content/<section>/<id>.yaml, or the frontmatter of an .mdx entry. Generated from src/schemas/paper.ts by `npm run schema`; do not edit.',
  });
}

/** The committed file's exact text, so a stale file is a test failure rather than a silent drift. */
export function formatPaperJsonSchema(): string {
  return `${JSON.stringify(buildPaperJsonSchema(), null, 2)}\n`;
}
