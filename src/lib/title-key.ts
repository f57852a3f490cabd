/**
 * The key two titles share when they name the same paper: LaTeX markup read as the text it
 * prints (arXiv spells `$\pi_0$`, `\'e`, `\textbf{X}`), Unicode NFKC (full-width `：` becomes `:`),
 * case folded, every run of punctuation and spaces (Unicode dashes and quotes among them)
 * collapsed to one space.
 */
export function titleKey(title: string): string {
  return latexText(title)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The name before a subtitle (`Mini-Gemini: Mining …` → key of `Mini-Gemini`), or undefined without one. */
export function shortTitleKey(title: string): string | undefined {
  const normalized = latexText(title).normalize('NFKC');
  const colon = normalized.indexOf(':');
  if (colon <= 0) return undefined;
  const key = titleKey(normalized.slice(0, colon));
  return key || undefined;
}

/** LaTeX accent commands and the combining marks they put on a letter (`\"o` → ö). */
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  c: '\u0327',
  v: '\u030c',
  u: '\u0306',
  H: '\u030b',
  k: '\u0328',
};
const GREEK_NAMES =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi chi psi omega';
/** `\alpha` → α, `\Omega` → Ω: a title may write the letter itself. */
const GREEK_LETTERS: Record<string, string> = Object.fromEntries(
  GREEK_NAMES.split(' ').flatMap((name, index) => {
    const letter = 'αβγδεζηθικλμνξπρστυφχψω'[index]!;
    return [
      [name, letter],
      [name[0]!.toUpperCase() + name.slice(1), letter.toUpperCase()],
    ];
  }),
);

/**
 * The text LaTeX markup prints, near enough to compare titles: math keeps its letters and digits
 * (`$\pi_0$` → `π0`), accents join their letter, a command's name goes and its `{argument}`
 * stays (`\textbf{X}` → `X`), escaped characters lose the backslash. Text without `\` or `$` is
 * returned as it is.
 */
export function latexText(text: string): string {
  if (!/[\\$]/.test(text)) return text;
  return text
    .replace(/\\\$/g, '\u0000')
    .replace(/\$([^$]*)\$/g, (_, math: string) => math.replace(/[_^]/g, ''))
    .replace(/\\([`'^"~=.])\s*\{?([A-Za-z])\}?/g, (_, accent: string, letter: string) =>
      `${letter}${ACCENTS[accent]}`.normalize('NFC'),
    )
    .replace(/\\([cvuHk])\s*\{([A-Za-z])\}/g, (_, accent: string, letter: string) =>
      `${letter}${ACCENTS[accent]}`.normalize('NFC'),
    )
    .replace(/\\([A-Za-z]+)\s*/g, (_, name: string) => GREEK_LETTERS[name] ?? '')
    .replace(/\\([&%#_{}])/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/~/g, ' ')
    .replace(/\u0000/g, '$');
}
