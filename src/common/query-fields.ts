import { z } from 'zod';
import { findCourt } from '../../scrapers/sudrf/court-registry.js';
import { parseIsoDate } from './iso-week.js';

/**
 * Zod pieces shared by the API's query schemas, so a parameter means the same everywhere.
 * Each message says what was expected; the validation pipe prefixes the parameter's name.
 */
export const queryFields = {
  series: z.enum(['received', 'decided', 'convicted'], { error: 'expected received, decided or convicted' }),
  article: z.string().regex(/^\d{3}(\.\d{1,2})?$/, 'expected an article number such as 337 or 337.1'),
  /** `all` (the article as a whole, stored as '*'), `none` (charged without a part, stored as ''), or a part such as 5 or 2.1. */
  part: z
    .string()
    .regex(/^(all|none|\d{1,2}(\.\d{1,2})?)$/, 'expected all, none or a part number such as 5 or 2.1')
    .transform((p) => (p === 'all' ? '*' : p === 'none' ? '' : p)),
  court: z
    .string()
    .transform((c, ctx) => {
      const court = findCourt(c);
      if (!court) {
        ctx.addIssue({ code: 'custom', message: 'unknown court code (see GET /api/courts)' });
        return z.NEVER;
      }
      return court.code;
    }),
  level: z.enum(['garrison', 'okrug', 'appeal', 'cassation'], { error: 'expected garrison, okrug, appeal or cassation' }),
  region: z.string().regex(/^\d{2}$/, 'expected a two-digit region code such as 77'),
  isoDate: z.string().refine(isIsoDate, 'expected an ISO date YYYY-MM-DD'),
  outcome: z.enum(['conviction', 'acquittal', 'terminated', 'returned', 'transferred', 'merged', 'other'], {
    error: 'expected conviction, acquittal, terminated, returned, transferred, merged or other',
  }),
  flag: z.enum(['0', '1', 'true', 'false'], { error: 'expected 1 or 0' }).transform((v) => v === '1' || v === 'true'),
  int: (min: number, max: number) =>
    z
      .string()
      .regex(/^\d+$/, 'expected a whole number')
      .transform(Number)
      .refine((n) => n >= min && n <= max, `expected a whole number from ${min} to ${max}`),
};

function isIsoDate(s: string): boolean {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
}

/** How a stored part is named in the API: '*' → all, '' → none. */
export function partName(stored: string): string {
  return stored === '*' ? 'all' : stored === '' ? 'none' : stored;
}

/** The inverse of partName: all → '*', none → ''. */
export function storedPart(name: string): string {
  return name === 'all' ? '*' : name === 'none' ? '' : name;
}
