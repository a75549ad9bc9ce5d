import { z } from 'zod';
import { checkWeeklySpan, weeklyCountsFilterSchema } from '../trends/weekly-counts-query.schema.js';

/** A claim by id (digits) or by its slug. */
const claimRef = z.string().regex(/^(\d{1,18}|[a-z0-9][a-z0-9-]{0,119})$/, 'expected a claim id or slug');

/** `GET /api/dashboard/trend`: the trend API's filter (its `series` picks coverage and the CSV), plus the claim to draw. */
export const dashboardTrendQuerySchema = weeklyCountsFilterSchema
  .extend({ claim: claimRef.optional().describe('claim id or slug; default the "about 100 verdicts a week" claim; none for no claim') })
  .strict()
  .superRefine(checkWeeklySpan);

/** `GET /api/dashboard/courts`: the same filter without a court. */
export const dashboardCourtsQuerySchema = weeklyCountsFilterSchema.omit({ court: true }).strict().superRefine(checkWeeklySpan);

export type DashboardTrendQuery = z.output<typeof dashboardTrendQuerySchema>;
export type DashboardCourtsQuery = z.output<typeof dashboardCourtsQuerySchema>;
