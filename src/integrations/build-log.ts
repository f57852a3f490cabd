import type { AstroIntegration, AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeDestination from 'astro/logger/node';

/**
 * A page line of `astro build`: Astro logs each page as an info message with no label and no line
 * end (the path), then its time as a `SKIP_FORMAT` message that ends the line; with several pages
 * in flight the paths come first and the times after. No other message of Astro's has that shape;
 * tests/unit/build-log.test.ts builds a site to hold Astro to it.
 */
export function isPageLine(event: AstroLoggerMessage): boolean {
  return event.level === 'info' && event.label === null && !event.newLine;
}

/**
 * Astro's own Node log destination, less the per-page lines: hundreds of lines that hide what
 * matters (`verbose` keeps them). Loaded by Astro through the public `logger` setting, so nothing
 * patches the process's output. The summary line is the `buildLog()` integration's.
 */
export default function quietPagesDestination(config: { verbose?: boolean } = {}): AstroLoggerDestination {
  const destination = nodeDestination();
  /** Pages whose path was logged and whose time was not yet. */
  let open = 0;
  return {
    write(event) {
      if (!config.verbose) {
        if (isPageLine(event)) {
          open++;
          return;
        }
        if (open > 0 && event.label === 'SKIP_FORMAT') {
          open--;
          return;
        }
      }
      destination.write(event);
    },
  };
}

/** The `logger` setting for astro.config.mjs: per-page lines only with `BUILD_VERBOSE=1`. */
export function quietPagesLogger(env: NodeJS.ProcessEnv = process.env) {
  return { entrypoint: new URL(import.meta.url), config: { verbose: env.BUILD_VERBOSE === '1' } };
}

/** One summary line in place of the page lines. */
export function buildLog(): AstroIntegration {
  return {
    name: 'build-log',
    hooks: {
      'astro:build:done': ({ pages, logger }) => {
        if (process.env.BUILD_VERBOSE === '1') return;
        logger.info(`${pages.length} pages written (one line each with BUILD_VERBOSE=1)`);
      },
    },
  };
}
