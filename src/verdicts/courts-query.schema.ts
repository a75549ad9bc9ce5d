import { z } from 'zod';
import { queryFields as f } from '../common/query-fields.js';

/** `GET /api/courts` */
export const courtsQuerySchema = z
  .strictObject({
    level: f.level.optional().describe('court level'),
    region: f.region.optional().describe('two-digit region code'),
    enabled: f.flag.optional().describe('1: only courts that are crawled; 0: only disabled ones'),
  });

export type CourtsQuery = z.output<typeof courtsQuerySchema>;
