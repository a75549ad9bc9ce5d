import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { weekStart } from '../common/iso-week.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';

/**
 * Keeps `weekly_counts` equal to what the stored cases say, one court at a time: the court's rows are
 * rebuilt in one transaction, so the table never double-counts whatever order jobs run in.
 * A case counts once per (article, part) it charges, and once for the article as a whole (part '*').
 */
@Injectable()
export class WeeklyCountsUpdater {
  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Recounts the weeks of these dates (all of the court's weeks when `dates` is omitted). */
  async refreshCourt(court: string, dates?: string[]): Promise<void> {
    const weeks = dates && [...new Set(dates.map(weekStart))];
    if (weeks && !weeks.length) return;
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('weekly_counts:' || $1))`, [court]);
      await tx.query(`DELETE FROM weekly_counts WHERE court_code = $1 AND ($2::date[] IS NULL OR week = ANY($2::date[]))`, [court, weeks ?? null]);
      await tx.query(
        `INSERT INTO weekly_counts (week, series, court_code, article, part, count)
         WITH charged AS (
           SELECT c.id, c.received_on, c.decided_on, c.outcome, ch.article, ch.part
             FROM cases c JOIN case_charges ch ON ch.case_id = c.id
            WHERE c.court_code = $1 AND c.instance = 'first' AND ch.article = ANY($2)
              AND ($3::date[] IS NULL OR date_trunc('week', c.received_on)::date = ANY($3::date[])
                                      OR date_trunc('week', c.decided_on)::date = ANY($3::date[]))
         ), keyed AS (
           SELECT id, received_on, decided_on, outcome, article, part FROM charged
           UNION
           SELECT id, received_on, decided_on, outcome, article, '*' FROM charged
         )
         SELECT date_trunc('week', received_on)::date, 'received', $1, article, part, count(DISTINCT id)
           FROM keyed WHERE received_on IS NOT NULL AND ($3::date[] IS NULL OR date_trunc('week', received_on)::date = ANY($3::date[]))
          GROUP BY 1, 4, 5
         UNION ALL
         SELECT date_trunc('week', decided_on)::date, 'decided', $1, article, part, count(DISTINCT id)
           FROM keyed WHERE decided_on IS NOT NULL AND ($3::date[] IS NULL OR date_trunc('week', decided_on)::date = ANY($3::date[]))
          GROUP BY 1, 4, 5
         UNION ALL
         SELECT date_trunc('week', decided_on)::date, 'convicted', $1, article, part, count(DISTINCT id)
           FROM keyed WHERE decided_on IS NOT NULL AND outcome = 'conviction'
            AND ($3::date[] IS NULL OR date_trunc('week', decided_on)::date = ANY($3::date[]))
          GROUP BY 1, 4, 5`,
        [court, this.env.CRAWL_ARTICLES, weeks ?? null],
      );
    });
  }
}
