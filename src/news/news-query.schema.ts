import { z } from 'zod';
import { newsFeeds } from '../../scrapers/news/news-feeds.js';
import { queryFields as f } from '../common/query-fields.js';

const keys = newsFeeds.map((x) => x.key) as [string, ...string[]];
const paging = {
  page: f.int(1, 1_000_000).optional().default(1).describe('1-based page number'),
  pageSize: f.int(1, 200).optional().default(20).describe('items per page, at most 200'),
};

/** `GET /api/news`: relevant items with their mentions, links and figures. */
export const newsQuerySchema = z
  .strictObject({
    court: f.court.optional().describe('only items with a mention of this court (code, e.g. 77GV0020)'),
    article: f.article.optional().describe('only items with a mention of this article, e.g. 337'),
    part: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, 'expected a part number such as 5 or 2.1').optional().describe('with article: that part'),
    from: f.isoDate.optional().describe('published on or after (UTC date)'),
    to: f.isoDate.optional().describe('published on or before (UTC date)'),
    source: z.enum(keys, { error: `expected a feed key: ${keys.join(', ')}` }).optional().describe('feed key'),
    linked: f.flag.optional().describe('1: only items with a mention linked to a case; 0: only items without'),
    ...paging,
  })
  .superRefine((q, ctx) => {
    if (q.part !== undefined && !q.article) ctx.addIssue({ code: 'custom', path: ['part'], message: 'needs article' });
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${q.to})` });
  });

/** `GET /api/news/figures`. */
export const figuresQuerySchema = z.strictObject({
  status: z.enum(['candidate', 'accepted', 'rejected'], { error: 'expected candidate, accepted or rejected' }).optional(),
  ...paging,
});

/** A path id (case, figure): a whole number. */
export const idSchema = z.string().regex(/^\d{1,18}$/, 'expected an id (a whole number)');

/**
 * `POST /api/news/figures/:id/accept`: what the figure does not say itself. The period is needed
 * unless the figure names its month; the rest defaults from the figure (series from what it counts,
 * article from its quote, else 337).
 */
export const acceptFigureSchema = z
  .strictObject({
    statement: z.string().trim().min(1, 'must not be empty').max(2000).optional().describe('default: the quoted sentence'),
    series: f.series.optional(),
    article: f.article.optional(),
    part: z.string().optional().describe('all (default), none or a part such as 5'),
    periodFrom: f.isoDate.optional(),
    periodTo: f.isoDate.optional(),
    tolerance: z.number({ error: 'expected a number' }).min(0).max(1).optional(),
    note: z.string().max(2000).optional(),
  })
  .optional()
  .transform((b) => b ?? {});

export type NewsQuery = z.output<typeof newsQuerySchema>;
export type FiguresQuery = z.output<typeof figuresQuerySchema>;
export type AcceptFigure = z.output<typeof acceptFigureSchema>;
