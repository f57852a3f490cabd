/** npm run schema: regenerates the editors' JSON Schema from the Zod schema. */
import path from 'node:path';
import { writeFileAtomic } from '../src/lib/content/entry-files';
import { formatPaperJsonSchema, jsonSchemaPath } from './lib/schema/json-schema';
import { REPO_ROOT } from '../src/lib/paths';
import { EXIT, runCommand } from './lib/cli';

await runCommand(
  {
    usage: 'npm run schema',
    help: `Regenerates content/paper.schema.json (the JSON Schema editors use to check entry files)
from src/schemas/paper.ts, and prints its path; commit the result. Exit 0; 2: bad input.`,
  },
  () => {
    const file = jsonSchemaPath();
    writeFileAtomic(file, formatPaperJsonSchema());
    console.log(path.relative(REPO_ROOT, file));
    return EXIT.ok;
  },
);
