import path from 'node:path';

/** A summary of a V8 CPU profile (`node --cpu-prof`): self time by owner and the hottest functions. */

/** The parts of a V8 `.cpuprofile` the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  owner: string;
  name: string;
  ms: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by owner (`ours`, a package name, `node`, `(garbage collector)`…), largest first. */
  byOwner: { owner: string; ms: number }[];
  /** Functions by self time, largest first. */
  topSelf: ProfileLine[];
  /** Our functions (ours and the site bundle) by inclusive time, their callees counted, largest first. */
  oursInclusive: ProfileLine[];
}

/** Frames of code Vite bundled for rendering: our pages, components and src/lib, and Astro's content runtime. */
export const SITE_BUNDLE = 'site bundle';

/**
 * Who a stack frame belongs to: a package, `node`, `ours` (src/ run from source, e.g. the
 * integrations) or SITE_BUNDLE. Pages render from `<outDir>/chunks/*.mjs`, where Vite bundled our
 * src/ together with `astro:content`'s runtime; Astro's render runtime goes to `chunks/astro/`.
 */
export function frameOwner(url: string, repoRoot: string): string {
  if (!url || url.startsWith('node:')) return 'node';
  // Astro imports page modules with a `?time=` query.
  const file = url.startsWith('file://') ? new URL(url).pathname : url.replace(/[?#].*$/, '');
  const packageMatch = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (packageMatch) return packageMatch[1]!;
  if (/\/chunks\/astro\//.test(file)) return 'astro';
  if (file.startsWith(path.join(repoRoot, 'src') + '/')) return 'ours';
  if (/\/(chunks|pages)\/.+\.mjs$/.test(file)) return SITE_BUNDLE;
  return 'other';
}

const isOurs = (owner: string) => owner === 'ours' || owner === SITE_BUNDLE;

export function summarizeCpuProfile(profile: CpuProfile, repoRoot: string, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));

  const label = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url
      ? `${url
          .replace(/^file:\/\//, '')
          .replace(/[?#].*$/, '')
          .replace(`${repoRoot}/`, '')}:${lineNumber + 1}`
      : '';
    return { owner: frameOwner(url, repoRoot), name: `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}` };
  };
  const byOwner = new Map<string, number>();
  const self = new Map<string, ProfileLine>();
  const inclusive = new Map<string, ProfileLine>();
  for (const [id, ms] of selfMs) {
    const { owner, name } = label(id);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
    const line = self.get(name) ?? { owner, name, ms: 0 };
    line.ms += ms;
    self.set(name, line);
    // Each of our functions on the stack gets the sample once, even when it recurses.
    const counted = new Set<string>();
    for (let frame: number | undefined = id; frame !== undefined; frame = parent.get(frame)) {
      const framed = label(frame);
      if (!isOurs(framed.owner) || counted.has(framed.name)) continue;
      counted.add(framed.name);
      const entry = inclusive.get(framed.name) ?? { ...framed, ms: 0 };
      entry.ms += ms;
      inclusive.set(framed.name, entry);
    }
  }
  const largest = <T extends { ms: number }>(items: Iterable<T>) => [...items].sort((a, b) => b.ms - a.ms);
  return {
    totalMs: [...selfMs.values()].reduce((sum, ms) => sum + ms, 0),
    byOwner: largest([...byOwner].map(([owner, ms]) => ({ owner, ms }))),
    topSelf: largest(self.values()).slice(0, top),
    oursInclusive: largest(inclusive.values()).slice(0, top),
  };
}
