import { ARXIV_ID_PATTERN } from '../schemas/arxiv';

/** The start of any arxiv.org URL (abs, pdf, html, listing pages), as a pattern's source. */
export const ARXIV_URL_START = String.raw`^https?:\/\/(?:www\.|export\.)?arxiv\.org\/`;
/** The start of a Hugging Face paper page's URL (huggingface.co/papers/<arXiv id>), as a pattern's source. */
export const HF_PAPERS_URL_START = String.raw`^https?:\/\/(?:www\.)?huggingface\.co\/papers\/`;

const ARXIV_URL = new RegExp(`${ARXIV_URL_START}(?:abs|pdf|html)\\/([^?#]+?)(?:\\.pdf)?\\/?(?:[?#].*)?$`, 'i');
const HF_PAPERS_URL = new RegExp(`${HF_PAPERS_URL_START}([^/?#]+)\\/?(?:[?#].*)?$`, 'i');

/** The arXiv id a link names (arxiv.org abs/pdf/html, huggingface.co/papers), without its version. */
export function arxivIdFromUrl(url: string): string | undefined {
  const id = (ARXIV_URL.exec(url) ?? HF_PAPERS_URL.exec(url))?.[1];
  if (!id || !ARXIV_ID_PATTERN.test(id)) return undefined;
  return stripArxivVersion(id);
}

export function stripArxivVersion(id: string): string {
  return id.replace(/v\d+$/, '');
}

/** A paper's abstract page on arXiv: where the site and the citations link an arXiv id. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
