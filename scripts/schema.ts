/** npm run schema: regenerates content/paper.schema.json from paperSchema (commit the result). */
import path from 'node:path';
import { writeFileAtomic } from '../src/lib/entry-files';
import { formatPaperJsonSchema, jsonSchemaPath } from './lib/schema/json-schema';
import { assertInRepository, REPO_ROOT } from '../src/lib/paths';

try {
  assertInRepository();
  const file = jsonSchemaPath();
  writeFileAtomic(file, formatPaperJsonSchema());
  console.log(path.relative(REPO_ROOT, file));
} catch (error) {
  console.error(`json-schema: ${(error as Error).message}`);
  process.exit(1);
}
