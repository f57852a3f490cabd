import { parse } from '@citation-js/name';

/** A name as CSL-JSON holds it: family and given parts, or one literal when it cannot be split. */
export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

/** Han, kana and Hangul: names written in them put the family name first. */
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/**
 * A person's name as a service or an entry writes it ("Peng Wang", "Wang, Peng", "Aäron van den
 * Oord", "王鹏") split into CSL parts, so BibTeX can write `Last, First` and RIS `AU  - Last, First`.
 * Western names go through citation-js's parser (particles, "Last, First"); a name in Chinese,
 * Japanese or Korean script is family name first: "王 鹏" splits at the space, "王鹏" stays one
 * literal (where the family name ends cannot be told from the characters alone).
 */
export function parsePersonName(name: string): CslName {
  const text = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (EAST_ASIAN.test(text) && !text.includes(',')) {
    const [family, ...given] = text.split(' ');
    return given.length ? { family: family!, given: given.join(' ') } : { literal: text };
  }
  const words = text.split(' ');
  // "Martin Luther King Jr." is not Mr. Jr.: the parser only knows the comma form of a suffix.
  if (words.length > 2 && SUFFIX.test(words.at(-1)!) && !text.includes(',')) {
    return { ...parsePersonName(words.slice(0, -1).join(' ')), suffix: words.at(-1)! };
  }
  const parsed = parse(text);
  // The parser gives up on a first word it takes for a particle ("Da Yin", "Di Wu") and drops a
  // last word it takes for a degree ("Qingsong Ma"): a name must keep every word it came with,
  // else it is split as arXiv writes names, the last word the family name.
  const kept = [parsed.given, parsed['non-dropping-particle'], parsed.family, parsed.suffix].join(' ');
  const lost = words.some((word) => !kept.split(/[\s,]+/).includes(word.replace(/,$/, '')));
  if ((!parsed.family || lost) && words.length > 1) return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
  if (!parsed.family) return { literal: text };
  const out: CslName = { family: parsed.family };
  if (parsed.given) out.given = parsed.given;
  if (parsed['non-dropping-particle']) out['non-dropping-particle'] = parsed['non-dropping-particle'];
  if (parsed.suffix) out.suffix = parsed.suffix;
  return out;
}

/** Latin letters and digits of a text, accents dropped, lower case ("Márquez" → "marquez"); "" for "王". */
export function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]/g, '');
}
