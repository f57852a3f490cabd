import { titleKey } from './title-key';

/** The year an arXiv id was submitted in (2409.12191 → 2024, hep-th/9901001 → 1999). */
export function arxivYear(id: string): number {
  const yy = Number((/(\d{2})\d{2}[.\d]/.exec(id.includes('/') ? id.split('/')[1]! : id) ?? [])[1]);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

/** Escapes what BibTeX treats specially in a field value. */
function bibtexText(text: string): string {
  return text.replace(/([{}&%$#_])/g, '\\$1');
}

/** A BibTeX record for a paper with a known arXiv id; the key is first title word + year. */
export function bibtexForArxiv(paper: { title: string; arxiv: string; authors?: string[] }): string {
  const year = arxivYear(paper.arxiv);
  const firstWord =
    titleKey(paper.title)
      .split(' ')
      .find((word) => /^[a-z0-9]+$/.test(word)) ?? 'paper';
  const fields: [string, string][] = [
    ['title', `{${bibtexText(paper.title)}}`],
    ...(paper.authors?.length ? [['author', `{${bibtexText(paper.authors.join(' and '))}}`] as [string, string]] : []),
    ['year', `{${year}}`],
    ['eprint', `{${paper.arxiv}}`],
    ['archivePrefix', '{arXiv}'],
    ['url', `{https://arxiv.org/abs/${paper.arxiv}}`],
  ];
  return `@misc{${firstWord}${year}_${paper.arxiv.replace(/[^\w]/g, '')},\n${fields.map(([key, value]) => `  ${key} = ${value}`).join(',\n')}\n}`;
}
