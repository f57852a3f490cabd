/**
 * about.md after the sync: the list's header prose merged line by line with the local file
 * against the header last synced, so a local fix (a typo) survives and the list's news
 * arrives. Without a record of the last sync, a differing local file is kept and reported.
 */
export function mergeAbout(
  header: string,
  baseHeader: string | undefined,
  currentAbout: string | undefined,
): { text?: string; conflicts: { local: string; list: string }[] } {
  if (!header) return { conflicts: [] };
  if (currentAbout === undefined) return { text: header, conflicts: [] };
  if (currentAbout === header) return { conflicts: [] };
  if (baseHeader === undefined) return { conflicts: [{ local: '(all of about.md)', list: '(the list header)' }] };
  const merged = mergeLines(baseHeader, currentAbout, header);
  return {
    text: merged.text === currentAbout ? undefined : merged.text,
    conflicts: merged.conflicts.map((conflict) => ({ local: conflict.ours, list: conflict.theirs })),
  };
}

/**
 * A line-wise three-way merge (diff3): changes on either side since `base` are combined; where
 * both changed the same lines differently, `ours` is kept and the hunk reported.
 */
export function mergeLines(
  base: string,
  ours: string,
  theirs: string,
): { text: string; conflicts: { ours: string; theirs: string }[] } {
  const [b, o, t] = [base, ours, theirs].map((text) => text.split('\n'));
  const mo = matchLines(b!, o!);
  const mt = matchLines(b!, t!);
  const out: string[] = [];
  const conflicts: { ours: string; theirs: string }[] = [];
  let [i, j, k] = [0, 0, 0];
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((line, index) => line === y[index]);
  while (i < b!.length || j < o!.length || k < t!.length) {
    if (i < b!.length && mo.get(i) === j && mt.get(i) === k) {
      out.push(b![i]!);
      [i, j, k] = [i + 1, j + 1, k + 1];
      continue;
    }
    let next = i;
    while (next < b!.length && !(mo.has(next) && mt.has(next) && mo.get(next)! >= j && mt.get(next)! >= k)) next++;
    const [oEnd, tEnd] = next < b!.length ? [mo.get(next)!, mt.get(next)!] : [o!.length, t!.length];
    const [bc, oc, tc] = [b!.slice(i, next), o!.slice(j, oEnd), t!.slice(k, tEnd)];
    if (same(oc, bc)) out.push(...tc);
    else if (same(tc, bc) || same(oc, tc)) out.push(...oc);
    else {
      out.push(...oc);
      conflicts.push({ ours: oc.join('\n'), theirs: tc.join('\n') });
    }
    [i, j, k] = [next, oEnd, tEnd];
  }
  return { text: out.join('\n'), conflicts };
}

/** The longest common subsequence of two line arrays, as a map from `a` index to `b` index. */
function matchLines(a: readonly string[], b: readonly string[]): Map<number, number> {
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let x = a.length - 1; x >= 0; x--)
    for (let y = b.length - 1; y >= 0; y--)
      table[x]![y] = a[x] === b[y] ? table[x + 1]![y + 1]! + 1 : Math.max(table[x + 1]![y]!, table[x]![y + 1]!);
  const matches = new Map<number, number>();
  let [x, y] = [0, 0];
  while (x < a.length && y < b.length) {
    if (a[x] === b[y]) matches.set(x++, y++);
    else if (table[x + 1]![y]! >= table[x]![y + 1]!) x++;
    else y++;
  }
  return matches;
}
