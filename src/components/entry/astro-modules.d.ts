/**
 * `tsc` alone cannot read .astro files (astro check can): index.ts imports the entry components,
 * so tsc is told what an .astro module exports.
 */
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
