import { Inject, Injectable } from '@nestjs/common';
import { addDays } from '../common/iso-week.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { dateFieldOf, type AlertFilters } from './alert-filters.js';
import type { Sql } from './sql.js';

/** An expected court whose data cannot be trusted right now. */
export interface BrokenCourt {
  code: string;
  why: string;
}

/** A weekly series with what is needed to judge it: counts, coverage per week, and courts in trouble. */
export interface SeriesSnapshot {
  weeks: string[];
  counts: number[];
  /** Courts a good crawl covered, per week. */
  covered: number[];
  expected: number;
  broken: BrokenCourt[];
}

/**
 * Reads one filter's weekly series the way the trend API counts it (src/trends/weekly-counts.sql.ts):
 * counts over the courts matching the filter; coverage = courts a good crawl covered that week / expected
 * courts (enabled garrison and okrug courts matching the filter, and CRAWL_COURTS when set).
 */
@Injectable()
export class SeriesReader {
  constructor(@Inject(ENV) private readonly env: Env) {}

  async read(tx: Sql, f: AlertFilters, from: string, to: string): Promise<SeriesSnapshot> {
    const weeks: string[] = [];
    for (let w = from; w <= to; w = addDays(w, 7)) weeks.push(w);
    const scope = `($1::text IS NULL OR code = $1) AND ($2::text IS NULL OR level = $2)`;
    const expectedCourts: { code: string; blocked: boolean; captcha: boolean; stale: boolean; outcome: string | null }[] = await tx.query(
      `SELECT code, last_outcome AS outcome,
              COALESCE(last_outcome IN ('blocked', 'antibot'), false) AS blocked,
              captcha_waiting OR COALESCE(last_outcome = 'captcha', false) AS captcha,
              COALESCE(last_good_crawl_at < now() - $4 * interval '1 day', false) AS stale
         FROM courts
        WHERE ${scope} AND enabled AND level IN ('garrison', 'okrug') AND (cardinality($3::text[]) = 0 OR code = ANY($3::text[]))
        ORDER BY code`,
      [f.court, f.level, this.env.CRAWL_COURTS, this.env.ALERT_STALE_DAYS],
    );
    const codes = expectedCourts.map((c) => c.code);
    const counts: { week: string; n: number }[] = await tx.query(
      `SELECT to_char(week, 'YYYY-MM-DD') AS week, sum(count)::int AS n FROM weekly_counts
        WHERE series = $3 AND article = $4 AND part = $5 AND week BETWEEN $6::date AND $7::date
          AND court_code IN (SELECT code FROM courts WHERE ${scope})
        GROUP BY week`,
      [f.court, f.level, f.series, f.article, f.part, from, to],
    );
    const covered: { week: string; n: number }[] = await tx.query(
      `SELECT to_char(week, 'YYYY-MM-DD') AS week, count(*)::int AS n FROM court_week_coverage
        WHERE date_field = $1 AND article = $2 AND week BETWEEN $3::date AND $4::date AND court_code = ANY($5::text[])
        GROUP BY week`,
      [dateFieldOf(f.series), f.article, from, to, codes],
    );
    const countOf = new Map(counts.map((r) => [r.week, r.n]));
    const coveredOf = new Map(covered.map((r) => [r.week, r.n]));
    return {
      weeks,
      counts: weeks.map((w) => countOf.get(w) ?? 0),
      covered: weeks.map((w) => coveredOf.get(w) ?? 0),
      expected: codes.length,
      broken: expectedCourts
        .filter((c) => c.blocked || c.captcha || c.stale)
        .map((c) => ({
          code: c.code,
          why: c.captcha ? 'waits for a captcha' : c.blocked ? `blocks the crawler (${c.outcome})` : `no good crawl for over ${this.env.ALERT_STALE_DAYS} days`,
        })),
    };
  }
}
