import { z } from 'zod';
import { queryFields as f } from '../common/query-fields.js';

/** What a claim speaks of and what it expects: the parameters of a check. */
const claimParams = z
  .strictObject({
    series: f.series.default('convicted').describe('received, decided or convicted'),
    article: f.article.default('337'),
    part: f.part.prefault('all').describe('all, none or a part such as 5'),
    court: f.court.optional(),
    level: f.level.optional(),
    region: f.region.optional(),
    periodFrom: f.isoDate.describe('first day of the period the claim speaks of'),
    periodTo: f.isoDate.describe('last day of the period'),
    expectedUnit: z
      .enum(['per-week', 'per-month', 'period-total', 'ratio'], { error: 'expected per-week, per-month, period-total or ratio' })
      .default('per-week')
      .describe('ratio: the period\'s weekly rate over the baseline period\'s'),
    expected: z.number({ error: 'expected a number' }).min(0, 'must not be negative'),
    tolerance: z.number({ error: 'expected a number' }).min(0).max(1).default(0.2).describe('relative half-width of "about": 0.2 = ±20%'),
    baselineFrom: f.isoDate.optional().describe('ratio claims: first day of the baseline period'),
    baselineTo: f.isoDate.optional().describe('ratio claims: last day of the baseline period'),
  });

function checkPeriods(
  c: { periodFrom: string; periodTo: string; expectedUnit: string; baselineFrom?: string; baselineTo?: string },
  ctx: z.RefinementCtx,
): void {
  if (c.periodFrom > c.periodTo) ctx.addIssue({ code: 'custom', path: ['periodFrom'], message: 'must not be after periodTo' });
  if (c.expectedUnit === 'ratio' && !(c.baselineFrom && c.baselineTo))
    ctx.addIssue({ code: 'custom', path: ['baselineFrom'], message: 'a ratio claim needs baselineFrom and baselineTo' });
  if (c.baselineFrom && c.baselineTo && c.baselineFrom > c.baselineTo)
    ctx.addIssue({ code: 'custom', path: ['baselineFrom'], message: 'must not be after baselineTo' });
}

/** `POST /api/claims/check`: an ad-hoc check. */
export const claimParamsSchema = claimParams.superRefine(checkPeriods);

/** `POST /api/claims`: the same parameters plus the statement and where it was published. */
export const createClaimSchema = claimParams
  .extend({
    statement: z.string().trim().min(1, 'must not be empty').max(2000),
    sourceUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
    sourceName: z.string().max(200).optional(),
    publishedOn: f.isoDate.optional(),
    note: z.string().max(2000).optional(),
  })
  .superRefine(checkPeriods);

export const claimIdSchema = z.string().regex(/^\d{1,18}$/, 'expected a claim id (a whole number)');

export type ClaimParams = z.output<typeof claimParamsSchema>;
export type CreateClaim = z.output<typeof createClaimSchema>;
