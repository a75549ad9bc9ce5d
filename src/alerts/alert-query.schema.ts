import { z } from 'zod';
import { queryFields as f } from '../common/query-fields.js';

/** `GET /api/alerts` */
export const alertQuerySchema = z
  .strictObject({
    kind: z.enum(['spike', 'data'], { error: 'expected spike or data' }).optional().describe('spike, or data (operator alerts)'),
    reason: z
      .enum(['ears', 'inhibited', 'court-blocked', 'captcha-waiting', 'layout-changed', 'crawl-failing', 'silent-court', 'court-stale'], {
        error: 'expected ears, inhibited, court-blocked, captcha-waiting, layout-changed, crawl-failing, silent-court or court-stale',
      })
      .optional(),
    series: f.series.optional(),
    article: f.article.optional(),
    part: f.part.optional(),
    court: f.court.optional(),
    level: z.enum(['garrison', 'okrug'], { error: 'expected garrison or okrug' }).optional(),
    method: z.enum(['C1', 'C2', 'C3'], { error: 'expected C1, C2 or C3' }).optional(),
    from: f.isoDate.optional().describe('first week (or day, for court alerts)'),
    to: f.isoDate.optional().describe('last week (or day, for court alerts)'),
    limit: f.int(1, 500).prefault('50').describe('at most this many, newest first (default 50, at most 500)'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'must not be after to', path: ['from'] });

export type AlertQuery = z.output<typeof alertQuerySchema>;
