import { z } from 'astro/zod';
import { typeError } from './errors';

/** New-style (2007+) ids such as 2409.12191 or 0704.0001v2, and old-style ids such as hep-th/9901001. */
export const ARXIV_ID_PATTERN =
  /^(?:\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v\d+)?$/;

export const arxivId = z
  .string(typeError('a quoted string such as "2409.12191" (unquoted, YAML reads a number)'))
  .trim()
  .regex(ARXIV_ID_PATTERN, 'is not a valid arXiv id (expected e.g. 2409.12191)');
