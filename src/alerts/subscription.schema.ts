import { z } from 'zod';
import { queryFields as f } from '../common/query-fields.js';

const method = z.enum(['C1', 'C2', 'C3'], { error: 'expected C1, C2 or C3' });
const frequency = z.enum(['immediately', 'daily', 'weekly'], { error: 'expected immediately, daily or weekly' });

/** The series a subscription follows; the same names and values as the trend API's filters. */
export const alertFiltersSchema = z.strictObject({
  series: f.series.default('convicted').describe('received, decided, or convicted (verdicts)'),
  article: f.article.default('337').describe('Criminal Code article, e.g. 337'),
  part: f.part.prefault('all').describe('all (the article as a whole) or a part such as 5'),
  court: f.court.optional().describe('one court, by code, e.g. 63GV0001'),
  level: z.enum(['garrison', 'okrug'], { error: 'expected garrison or okrug' }).optional().describe('court level'),
});

/** `POST /api/alert-subscriptions` */
export const createSubscriptionSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: 'expected an email address' }).max(254)),
  filters: alertFiltersSchema.prefault({}),
  method: method.default('C2').describe('EARS method: C1 (mild), C2 (medium, default), C3 (high)'),
  frequency: frequency.default('immediately').describe('immediately, or in a daily or weekly digest'),
});

/** `PATCH /api/alert-subscriptions/manage?token=…` */
export const updateSubscriptionSchema = z
  .strictObject({ method: method.optional(), frequency: frequency.optional() })
  .refine((v) => v.method !== undefined || v.frequency !== undefined, { error: 'give method or frequency', path: ['method'] });

/** The token of a confirm / unsubscribe / manage link. */
export const tokenQuerySchema = z.strictObject({
  token: z.string().regex(/^[\w-]{20,100}$/, 'expected the token from the link in your email'),
});

export type CreateSubscription = z.output<typeof createSubscriptionSchema>;
export type UpdateSubscription = z.output<typeof updateSubscriptionSchema>;
export type TokenQuery = z.output<typeof tokenQuerySchema>;
