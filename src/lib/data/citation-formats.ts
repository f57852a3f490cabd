/**
 * Citations written out for reference managers: BibTeX, RIS and CSL-JSON, from the one model of
 * lib/data/citation. Written here rather than by citation-js's output plugins, which drop every
 * character they have no LaTeX for (a Chinese title loses its Chinese) and, in RIS, a preprint's
 * DOI; its name parser is used (lib/data/person-name). Build time only: nothing here ships to readers.
 */
import { memoize } from '../memo';
import type { Citation } from './citation';
import type { CslName } from './person-name';

/** LaTeX's accents by the combining mark Unicode decomposes an accented letter into. */
const ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030a': 'r',
  '\u030b': 'H',
  '\u030c': 'v',
  '\u0323': 'd',
  '\u0327': 'c',
  '\u0328': 'k',
};
/** Letters LaTeX writes as commands of their own. */
const LETTERS: Record<string, string> = {
  ø: '{\\o}',
  Ø: '{\\O}',
  ß: '{\\ss}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ł: '{\\l}',
  Ł: '{\\L}',
  ı: '{\\i}',
};
/** What BibTeX and LaTeX treat specially, written so it prints as itself. */
const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * A field value in BibTeX's own terms: specials escaped, accented Latin letters as LaTeX accents
 * (`é` → `{\'e}`, `ř` → `{\v r}`), and every other character (Chinese, Greek, …) kept as UTF-8,
 * which biber and BibTeX with UTF-8 input read as it is.
 */
export function bibtexText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (SPECIAL[char]) out += SPECIAL[char];
    else if (LETTERS[char]) out += LETTERS[char];
    else if (char.charCodeAt(0) < 0x80) out += char;
    else {
      const [base, ...marks] = [...char.normalize('NFD')];
      if (/^[A-Za-z]$/.test(base!) && marks.length && marks.every((mark) => ACCENTS[mark])) {
        // `{\'i}`, not the older `{\'\i}`: LaTeX since 2018 accents an i itself, and parsers read it back as í.
        out += marks.reduce((inner, mark) => `{\\${ACCENTS[mark]}${/^[a-z]$/i.test(ACCENTS[mark]!) ? ' ' : ''}${inner}}`, base!);
      } else out += char;
    }
  }
  return out;
}

/**
 * A title for BibTeX: words with a capital after their first letter (DPO, GPT-4V, LLaVA) braced,
 * so a style that lower-cases titles keeps them.
 */
function bibtexTitle(title: string): string {
  return title
    .split(/(\s+)/)
    .map((word) => (/^\S.*\p{Lu}/u.test(word) ? `{${bibtexText(word)}}` : bibtexText(word)))
    .join('');
}

/** One name in BibTeX's `von Last, Jr, First` form; a name that cannot be split is braced whole. */
function bibtexName(name: CslName): string {
  if (name.literal || !name.family) return `{${bibtexText(name.literal ?? name.family ?? '')}}`;
  // A family name of two words ("García Márquez") or with a comma must stay one part.
  const family = /[\s,]/.test(name.family) ? `{${bibtexText(name.family)}}` : bibtexText(name.family);
  const last = name['non-dropping-particle'] ? `${bibtexText(name['non-dropping-particle'])} ${family}` : family;
  return [last, name.suffix && bibtexText(name.suffix), name.given && bibtexText(name.given)].filter(Boolean).join(', ');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * One BibTeX record: `@inproceedings` with `booktitle` for a conference, `@article` with `journal`
 * for a journal, else `@misc`, an arXiv preprint with `eprint`, `archivePrefix` and `primaryClass`
 * as arXiv's own export writes them. The month is BibTeX's macro (`sep`), unbraced. `url` and
 * `doi` are verbatim fields (no escaping: biber and url.sty take them as they are). Memoised:
 * the paper's page shows it and `papers.bib` lists it.
 */
export const bibtexRecord = memoize((citation: Citation): string => {
  const { csl } = citation;
  const container = csl['container-title'] && bibtexText(csl['container-title']);
  const fields: [string, string | undefined][] = [
    ['title', `{${bibtexTitle(csl.title)}}`],
    ['author', csl.author && `{${csl.author.map(bibtexName).join(' and ')}}`],
    ['booktitle', csl.type === 'paper-conference' ? `{${container}}` : undefined],
    ['journal', csl.type === 'article-journal' ? `{${container}}` : undefined],
    ['year', citation.year ? `{${citation.year}}` : undefined],
    ['month', citation.month ? MONTHS[citation.month - 1] : undefined],
    ['eprint', citation.arxiv && `{${citation.arxiv.id}}`],
    ['archivePrefix', citation.arxiv && '{arXiv}'],
    ['primaryClass', citation.arxiv?.category && `{${citation.arxiv.category}}`],
    ['doi', csl.DOI && `{${csl.DOI}}`],
    ['url', csl.URL && `{${csl.URL}}`],
  ];
  const type = csl.type === 'paper-conference' ? 'inproceedings' : csl.type === 'article-journal' ? 'article' : 'misc';
  const body = fields.filter(([, value]) => value !== undefined).map(([name, value]) => `  ${name} = ${value}`);
  return `@${type}{${citation.key},\n${body.join(',\n')}\n}`;
});

/** A `.bib` file: the records, a blank line between them. */
export function bibtexFile(citations: readonly Citation[]): string {
  return citations.map((citation) => `${bibtexRecord(citation)}\n`).join('\n');
}

/** RIS's type for each kind of paper: Zotero reads CONF as a conference paper, UNPB as unpublished. */
const RIS_TYPES = { 'paper-conference': 'CONF', 'article-journal': 'JOUR', article: 'UNPB' } as const;

/** One name as RIS writes it: `van den Oord, Aäron`, `King, Martin Luther, Jr.`, `王鹏`. */
function risName(name: CslName): string {
  if (name.literal || !name.family) return name.literal ?? name.family ?? '';
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return [family, name.given, name.suffix].filter(Boolean).join(', ');
}

/**
 * One RIS record (the Research Information Systems tagged format EndNote, Zotero and Mendeley
 * import): a line per field, `TAG  - value`, a value on one line, ended by `ER  - `.
 */
export function risRecord(citation: Citation): string {
  const { csl } = citation;
  const date = csl.issued?.['date-parts'][0];
  const lines: [string, string | undefined][] = [
    ['TY', RIS_TYPES[csl.type]],
    ['ID', citation.key],
    ['TI', csl.title],
    ...(csl.author ?? []).map((name): [string, string] => ['AU', risName(name)]),
    ['PY', citation.year ? String(citation.year) : undefined],
    [
      'DA',
      date && `${date[0]}/${date[1] ? String(date[1]).padStart(2, '0') : ''}/${date[2] ? String(date[2]).padStart(2, '0') : ''}/`,
    ],
    ['T2', csl['container-title']],
    ['PB', csl.publisher],
    ['AN', csl.number],
    ['DO', csl.DOI],
    ['UR', csl.URL],
    ['AB', csl.abstract],
  ];
  return [
    ...lines.filter(([, value]) => value).map(([tag, value]) => `${tag}  - ${value!.replace(/\s+/g, ' ').trim()}`),
    'ER  - ',
  ].join('\n');
}

/** A `.ris` file: the records, a blank line between them. */
export function risFile(citations: readonly Citation[]): string {
  return citations.map((citation) => `${risRecord(citation)}\n`).join('\n');
}

/** CSL-JSON (Zotero, Mendeley, pandoc's citeproc): the items as they are, one array. */
export function cslJsonFile(citations: readonly Citation[]): string {
  return `${JSON.stringify(
    citations.map(({ csl }) => csl),
    null,
    1,
  )}\n`;
}
