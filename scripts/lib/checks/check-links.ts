import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';

export interface BrokenLink {
  /** The page holding the link, relative to the output folder. */
  page: string;
  attribute: 'href' | 'src' | 'srcset';
  url: string;
  reason: string;
}

/** Every .html file under `dir`, relative paths, sorted. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out;
}

/** The file a site path is served from (`/a/` → a/index.html), or undefined when there is none. */
function resolveSitePath(dist: string, base: string, sitePath: string): string | undefined {
  if (!sitePath.startsWith(base)) return undefined;
  const relative = decodeURIComponent(sitePath.slice(base.length));
  const candidate = path.join(dist, relative);
  if (relative === '' || relative.endsWith('/'))
    return existsSync(path.join(candidate, 'index.html')) ? path.join(candidate, 'index.html') : undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

/**
 * Checks every internal href, src and srcset of every page in `dist` (built with `base`): the file
 * must exist and a `#fragment` must name an element id on the target page. External URLs are not
 * fetched (no network in CI); `npm run check:external` does that.
 */
export function findBrokenLinks(dist: string, base = '/'): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsCache.get(file);
    if (!ids) {
      const $ = load(readFileSync(file, 'utf8'));
      ids = new Set(
        $('[id]')
          .map((_, el) => $(el).attr('id')!)
          .get(),
      );
      idsCache.set(file, ids);
    }
    return ids;
  };
  for (const page of htmlFiles(dist)) {
    const pageFile = path.join(dist, page);
    const $ = load(readFileSync(pageFile, 'utf8'));
    const pageUrl = new URL(`http://site${base}${page.replace(/(^|\/)index\.html$/, '$1')}`);
    const check = (attribute: BrokenLink['attribute'], raw: string) => {
      const url = new URL(raw, pageUrl);
      if (url.host !== 'site' || url.protocol !== 'http:') return;
      const target = resolveSitePath(dist, base, url.pathname);
      if (!target) return broken.push({ page, attribute, url: raw, reason: 'no such file' });
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
        broken.push({ page, attribute, url: raw, reason: `no element with id "${fragment}"` });
      }
    };
    $('[href]').each((_, el) => void check('href', $(el).attr('href')!));
    $('[src]').each((_, el) => void check('src', $(el).attr('src')!));
    $('[srcset]').each((_, el) => {
      for (const candidate of $(el).attr('srcset')!.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) check('srcset', url);
      }
    });
  }
  return broken;
}
