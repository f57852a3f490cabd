// @ts-check
// The Astro floor: the least an Astro 7 content-collection site can do for the same pages as the
// no-framework floor (bench/floor.mjs), built by `npm run bench` beside it and the site, on the
// project's own Astro and Node. Astro's defaults throughout: no integrations, no Markdown, no
// validation beyond a minimal schema. The bench roots each build in a folder of its own and points
// srcDir here (scripts/lib/bench/astro-floor.ts); CONTENT_DIR names the content it builds.
import { defineConfig } from 'astro/config';

export default defineConfig({});
