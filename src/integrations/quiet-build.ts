import type { AstroIntegration } from 'astro';

/** A per-page line of `astro build` (`  ├─ /mllm/x/index.html`), which Astro writes in two pieces. */
const ROUTE = /[├└]─ /;
/** The second piece: the page's time, ` (+3ms) ` (colours or not). */
const ROUTE_TIME = /^(?:\x1b\[[\d;]*m|\s)*\(\+[\d.]+m?s\)/;

/** A filter for the build's stdout that drops per-page lines and counts them. */
export function routeLineFilter() {
  let inRoute = false;
  let dropped = 0;
  return {
    get dropped() {
      return dropped;
    },
    filter(text: string): string {
      let kept = '';
      for (const piece of text.split(/(?<=\n)/)) {
        if (inRoute && ROUTE_TIME.test(piece)) {
          inRoute = !piece.endsWith('\n');
          continue;
        }
        inRoute = false;
        if (ROUTE.test(piece)) {
          dropped++;
          inRoute = !piece.endsWith('\n');
          continue;
        }
        kept += piece;
      }
      return kept;
    },
  };
}

/**
 * `astro build` prints one line per page: hundreds of lines that hide what matters. This keeps the
 * rest of the log and ends page generation with one summary line; `BUILD_VERBOSE=1` shows every
 * page. Astro has no setting for it (`--silent` also hides errors), so stdout is filtered while
 * pages are generated, and restored as soon as they are.
 */
export function quietBuild(): AstroIntegration {
  let restore: (() => void) | undefined;
  let filter: ReturnType<typeof routeLineFilter> | undefined;
  return {
    name: 'quiet-build',
    hooks: {
      'astro:build:start': () => {
        if (process.env.BUILD_VERBOSE === '1') return;
        const write = process.stdout.write.bind(process.stdout);
        const routes = routeLineFilter();
        filter = routes;
        process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
          const text = routes.filter(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
          return text ? (write as (...args: unknown[]) => boolean)(text, ...rest) : true;
        }) as typeof process.stdout.write;
        restore = () => {
          process.stdout.write = write;
          restore = undefined;
        };
      },
      'astro:build:generated': ({ logger }) => {
        if (!restore) return;
        restore();
        logger.info(`${filter?.dropped ?? 0} pages written (one line each with BUILD_VERBOSE=1)`);
      },
      'astro:build:done': () => restore?.(),
    },
  };
}
