import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatProblem, validateContent } from '../lib/validate';

/**
 * Runs the content validator before Astro reads any entry. `astro build` fails with every problem
 * listed (Astro's own loader stops at the first, and misses duplicates, overwritten ids and unsafe
 * MDX); `astro dev` only logs, so the server still starts while an entry is being fixed.
 */
export function contentValidation(): AstroIntegration {
  return {
    name: 'content-validation',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        // Figures in MDX notes must be files of the public folder this build serves.
        const problems = validateContent({ publicDir: fileURLToPath(config.publicDir) });
        const errors = problems.filter((problem) => problem.severity === 'error');
        for (const problem of problems) {
          if (problem.severity === 'error') logger.error(formatProblem(problem));
          else logger.warn(formatProblem(problem));
        }
        if (errors.length && command === 'build') {
          throw new Error(
            `content validation failed with ${errors.length} error${errors.length === 1 ? '' : 's'} (listed above); run \`npm run validate\``,
          );
        }
      },
    },
  };
}
