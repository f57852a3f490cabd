import { z } from 'astro/zod';
import { typeError } from './errors';

/** True when `year-month-day` names a day that exists (rejects 2024-02-30). */
export function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar day as `YYYY-MM-DD`. YAML 1.1 readers (Astro's) turn an unquoted date into a Date,
 * YAML 1.2 readers keep the string: both end up as the same string.
 */
export const isoDay = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string(typeError('a date written YYYY-MM-DD'))
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .refine(isRealDate, 'is not a real calendar date'),
);

/** A month as `YYYY-MM`, for when a paper was published. */
export const isoMonth = z
  .string(typeError('a month written YYYY-MM (quote it in YAML)'))
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM');
