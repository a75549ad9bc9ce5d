import { z } from 'zod';
import { queryFields as f } from '../common/query-fields.js';

const MAX_SPAN_DAYS = 366 * 20;

/** The filter every weekly-count reader shares: the JSON endpoint, the CSV download and claim checks. */
export const weeklyCountsFilterSchema = z.object({
  series: f.series.default('convicted').describe('received (by date received), decided, or convicted (verdicts, by date decided)'),
  article: f.article.default('337').describe('Criminal Code article, e.g. 337'),
  part: f.part.prefault('all').describe('all (the article as a whole; a case counts once), none, or a part such as 5'),
  court: f.court.optional().describe('court code, e.g. 63GV0001'),
  level: f.level.optional().describe('court level'),
  region: f.region.optional().describe('two-digit region code'),
  from: f.isoDate.optional().describe('first day (its ISO week is included); default: first stored week, else 52 weeks ago'),
  to: f.isoDate.optional().describe('last day (its ISO week is included); default: last stored week, else this week'),
});

function checkSpan(q: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${q.to})` });
  else if (q.from && q.to && (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > MAX_SPAN_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'the range may span at most 20 years' });
}

const groupBy = z.enum(['none', 'court', 'part', 'level'], { error: 'expected none, court, part or level' }).default('none');

/** `GET /api/weekly-counts` */
export const weeklyCountsQuerySchema = weeklyCountsFilterSchema.extend({ groupBy }).strict().superRefine(checkSpan);

/** `GET /api/weekly-counts.csv`: the same, plus `excel=1` for a byte-order mark. */
export const weeklyCountsCsvQuerySchema = weeklyCountsFilterSchema
  .extend({ groupBy, excel: f.flag.optional().describe('1: start with a UTF-8 byte-order mark for Excel') })
  .strict()
  .superRefine(checkSpan);

export type WeeklyCountsFilter = z.output<typeof weeklyCountsFilterSchema>;
export type WeeklyCountsQuery = z.output<typeof weeklyCountsQuerySchema>;
export type WeeklyCountsCsvQuery = z.output<typeof weeklyCountsCsvQuerySchema>;
export { checkSpan as checkWeeklySpan };
