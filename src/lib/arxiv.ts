import { ARXIV_ID_PATTERN } from '../schemas/arxiv';

const ARXIV_URL = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/([^?#]+?)(?:\.pdf)?\/?(?:[?#].*)?$/i;
const HF_PAPERS_URL = /^https?:\/\/(?:www\.)?huggingface\.co\/papers\/([^/?#]+)\/?(?:[?#].*)?$/i;

/** The arXiv id a link names (arxiv.org abs/pdf/html, huggingface.co/papers), without its version. */
export function arxivIdFromUrl(url: string): string | undefined {
  const id = (ARXIV_URL.exec(url) ?? HF_PAPERS_URL.exec(url))?.[1];
  if (!id || !ARXIV_ID_PATTERN.test(id)) return undefined;
  return stripArxivVersion(id);
}

export function stripArxivVersion(id: string): string {
  return id.replace(/v\d+$/, '');
}
