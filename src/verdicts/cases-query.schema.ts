import { z } from 'zod';
import { queryFields as f } from '../common/query-fields.js';

/** Filters of `GET /api/cases` and `GET /api/cases.csv`. */
export const casesFilterSchema = z.object({
  court: f.court.optional().describe('court code, e.g. 63GV0001'),
  level: f.level.optional().describe('court level'),
  region: f.region.optional().describe('two-digit region code'),
  article: f.article.optional().describe('only cases charging this article, e.g. 337'),
  part: f.part.optional().describe('with article: all (default), none, or a part such as 5'),
  instance: z.enum(['first', 'appeal', 'cassation'], { error: 'expected first, appeal or cassation' }).default('first'),
  dateField: z.enum(['received', 'decided'], { error: 'expected received or decided' }).default('decided')
    .describe('which date from/to filter on and rows are ordered by'),
  from: f.isoDate.optional().describe('first day, inclusive'),
  to: f.isoDate.optional().describe('last day, inclusive'),
  outcome: f.outcome.optional().describe('conviction, acquittal, terminated, returned, transferred, merged or other'),
});

function check(q: { part?: string; article?: string; from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (q.part !== undefined && !q.article) ctx.addIssue({ code: 'custom', path: ['part'], message: 'needs article' });
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${q.to})` });
}

const MAX_DEPTH = 100_000;

export const casesQuerySchema = casesFilterSchema
  .extend({
    page: f.int(1, MAX_DEPTH).optional().default(1).describe(`1-based page number; page × pageSize at most ${MAX_DEPTH}`),
    pageSize: f.int(1, 500).optional().default(50).describe('rows per page, at most 500'),
  })
  .strict()
  .superRefine(check)
  .superRefine((q, ctx) => {
    if (q.page * q.pageSize > MAX_DEPTH)
      ctx.addIssue({ code: 'custom', path: ['page'], message: `pages reach at most ${MAX_DEPTH} rows deep: download /api/cases.csv for more` });
  });

export const casesCsvQuerySchema = casesFilterSchema
  .extend({ excel: f.flag.optional().describe('1: start with a UTF-8 byte-order mark for Excel') })
  .strict()
  .superRefine(check);

export type CasesFilter = z.output<typeof casesFilterSchema>;
export type CasesQuery = z.output<typeof casesQuerySchema>;
export type CasesCsvQuery = z.output<typeof casesCsvQuerySchema>;
