import { arxivAbsUrl } from './arxiv';
import { titleKey } from './title-key';
import { normaliseVenue } from './facets';

/** The year an arXiv id was submitted in (2409.12191 → 2024, hep-th/9901001 → 1999). */
export function arxivYear(id: string): number {
  const yy = Number((/(\d{2})\d{2}[.\d]/.exec(id.includes('/') ? id.split('/')[1]! : id) ?? [])[1]);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

/** Escapes what BibTeX and LaTeX treat specially in a field value. */
export function bibtexText(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (char) =>
    char === '\\'
      ? '\\textbackslash{}'
      : char === '~'
        ? '\\textasciitilde{}'
        : char === '^'
          ? '\\textasciicircum{}'
          : `\\${char}`,
  );
}

/** A BibTeX record for a paper with a known arXiv id (see bibtexFor), as `@misc`. */
export function bibtexForArxiv(paper: { title: string; arxiv: string; authors?: string[] }): string {
  return bibtexFor(paper);
}

/**
 * A BibTeX record for a paper with a known arXiv id; the key is first title word + year + id.
 * `@inproceedings` (booktitle: the venue, grouped as the facets group it) when the venue is a
 * conference, else `@misc` with the arXiv eprint.
 */
export function bibtexFor(paper: { title: string; arxiv: string; authors?: string[]; venue?: string }): string {
  const venue = paper.venue ? normaliseVenue(paper.venue) : undefined;
  const conference = venue?.conference ? venue : undefined;
  const arxivYearOf = arxivYear(paper.arxiv);
  const year = conference?.year ? Number(conference.year) : arxivYearOf;
  const firstWord =
    titleKey(paper.title)
      .split(' ')
      .find((word) => /^[a-z0-9]+$/.test(word)) ?? 'paper';
  const fields: [string, string][] = [
    ['title', `{${bibtexText(paper.title)}}`],
    ...(paper.authors?.length ? [['author', `{${bibtexText(paper.authors.join(' and '))}}`] as [string, string]] : []),
    ...(conference ? [['booktitle', `{${bibtexText(conference.label)}}`] as [string, string]] : []),
    ['year', `{${year}}`],
    ['eprint', `{${paper.arxiv}}`],
    ['archivePrefix', '{arXiv}'],
    ['url', `{${arxivAbsUrl(paper.arxiv)}}`],
  ];
  return `@${conference ? 'inproceedings' : 'misc'}{${firstWord}${arxivYearOf}_${paper.arxiv.replace(/[^\w]/g, '')},\n${fields.map(([key, value]) => `  ${key} = ${value}`).join(',\n')}\n}`;
}
