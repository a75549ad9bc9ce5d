import { Inject, Injectable } from '@nestjs/common';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import type { CourtCondition } from './alert-log.js';
import type { Sql } from './sql.js';

interface CourtRow {
  code: string;
  outcome: string | null;
  captcha_waiting: boolean;
  note: string | null;
  last_good: string | null;
  stale: boolean;
  silent: string | null;
}

/**
 * What the operators must hear about each enabled court, from its last crawl (crawl_runs / courts):
 * blocked, waiting for a captcha, pages of an unknown layout, failing, silent where it used to have
 * cases, or no good crawl for ALERT_STALE_DAYS.
 */
@Injectable()
export class CourtHealth {
  constructor(@Inject(ENV) private readonly env: Env) {}

  async conditions(tx: Sql): Promise<CourtCondition[]> {
    const rows: CourtRow[] = await tx.query(
      `SELECT c.code, c.last_outcome AS outcome, c.captcha_waiting, c.health_note AS note,
              to_char(c.last_good_crawl_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS last_good,
              COALESCE(c.last_good_crawl_at < now() - $1 * interval '1 day', false) AS stale,
              (SELECT min(p) FROM (
                 SELECT DISTINCT ON (r.article, r.date_field, r.instance) r.problems FROM crawl_runs r
                  WHERE r.court_code = c.code AND r.finished_at IS NOT NULL
                  ORDER BY r.article, r.date_field, r.instance, r.finished_at DESC) latest,
                 unnest(latest.problems) p WHERE p LIKE 'silent:%') AS silent
         FROM courts c WHERE c.enabled ORDER BY c.code`,
      [this.env.ALERT_STALE_DAYS],
    );
    return rows.flatMap((r) => this.of(r));
  }

  private of(r: CourtRow): CourtCondition[] {
    const out: CourtCondition[] = [];
    // Crawl notes are our own words, but a parser error may quote a page: anything Cyrillic (a name?) stays out.
    const note = r.note && !/[\u0400-\u04FF]/.test(r.note) ? ` (${r.note.slice(0, 160)})` : '';
    const add = (reason: string, detail: string) => out.push({ reason, court: r.code, detail });
    if (r.outcome === 'blocked' || r.outcome === 'antibot') add('court-blocked', `the last crawl ended ${r.outcome}${note}`);
    if (r.captcha_waiting || r.outcome === 'captcha') add('captcha-waiting', 'the site asks for a captcha; answer it in the dashboard');
    if (r.outcome === 'unknown') add('layout-changed', `the last crawl got pages the parser does not recognise${note}`);
    if (r.outcome === 'down' || r.outcome === 'error') add('crawl-failing', `the last crawl ended ${r.outcome}${note}`);
    if (r.silent) add('silent-court', r.silent);
    if (r.stale) add('court-stale', `no good crawl since ${r.last_good} UTC (over ${this.env.ALERT_STALE_DAYS} days)`);
    return out;
  }
}
