// src/lib/data/: what entries and records add up to: facets, related papers, orders, same paper, citations, /data/.

/** Lower-case name particles that belong to the family name: "Fernández de la Cruz", "van der Berg". */
const PARTICLES = new Set(['da', 'de', 'del', 'della', 'der', 'di', 'dos', 'du', 'la', 'le', 'ten', 'ter', 'van', 'von']);

/**
 * The family name of a name as a service writes it ("Peng Wang" → "Wang"): the last word, with the
 * particles before it ("María José Fernández de la Cruz" → "de la Cruz"). A name written
 * "Family, Given" gives what comes before the comma; a name without spaces (余天予) is kept whole.
 * Names written family-first with a space (山田 花子) cannot be told apart and give the last word.
 */
export function familyName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.includes(',')) return trimmed.split(',')[0]!.trim();
  const words = trimmed.split(/\s+/);
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  return words.slice(start).join(' ');
}

/**
 * How a listing names a paper's authors: "Zhang", "Yu and Zhang", "Wang et al.", with the year
 * after a comma when known ("Wang et al., 2024"); undefined without authors.
 */
export function shortCitation(authors: readonly string[], year?: string): string | undefined {
  if (!authors.length) return undefined;
  const [first, second] = authors.map(familyName);
  const names = authors.length === 1 ? first : authors.length === 2 ? `${first} and ${second}` : `${first} et al.`;
  return year ? `${names}, ${year}` : names;
}
