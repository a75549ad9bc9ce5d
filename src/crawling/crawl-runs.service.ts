import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PageKind } from '../../scrapers/sudrf/types.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import type { PlannedSearch } from './crawl-planner.js';

export type RunOutcome = 'ok' | 'empty' | 'captcha' | 'blocked' | 'antibot' | 'down' | 'unknown' | 'error';

export interface PageResult {
  runId: string;
  pageNo: number;
  pageId: string | null;
  kind: PageKind | 'error';
  rows: number;
  siteTotal: number | null;
  hasNext: boolean;
  problems: string[];
}

const failureKinds: Partial<Record<PageResult['kind'], RunOutcome>> = {
  captcha: 'captcha',
  blocked: 'blocked',
  antibot: 'antibot',
  down: 'down',
  inactive: 'down',
  'bad-request': 'unknown',
  unknown: 'unknown',
  card: 'unknown',
  act: 'unknown',
  error: 'error',
};

/**
 * What every crawl saw: one `crawl_runs` row per search, its pages, and the outcome that decides coverage.
 * Page results are upserts keyed by (run, page), so a retried job records a page once.
 */
@Injectable()
export class CrawlRunsService {
  private readonly log = new Logger(CrawlRunsService.name);

  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async open(searches: PlannedSearch[], slot: string): Promise<void> {
    if (!searches.length) return;
    await this.db.query(
      `INSERT INTO crawl_runs (id, court_code, instance, date_field, article, window_from, window_to, slot)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[])
       ON CONFLICT (id) DO NOTHING`,
      [
        searches.map((s) => s.runId),
        searches.map((s) => s.court),
        searches.map((s) => s.instance),
        searches.map((s) => s.dateField),
        searches.map((s) => s.article),
        searches.map((s) => s.windowFrom),
        searches.map((s) => s.windowTo),
        searches.map(() => slot),
      ],
    );
  }

  /** Records one page; closes the run when the page is its last or shows the run cannot go on. */
  async recordPage(p: PageResult): Promise<RunOutcome | null> {
    await this.db.query(
      `INSERT INTO crawl_run_pages (run_id, page_no, page_id, kind, rows, site_total, has_next, problems)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (run_id, page_no) DO UPDATE SET page_id = EXCLUDED.page_id, kind = EXCLUDED.kind, rows = EXCLUDED.rows,
         site_total = EXCLUDED.site_total, has_next = EXCLUDED.has_next, problems = EXCLUDED.problems`,
      [p.runId, p.pageNo, p.pageId, p.kind, p.rows, p.siteTotal, p.hasNext, p.problems],
    );
    const failed = failureKinds[p.kind];
    if (failed) return this.close(p.runId, failed);
    if (p.hasNext) {
      await this.db.query(`UPDATE crawl_runs SET pages = GREATEST(pages, $2) WHERE id = $1`, [p.runId, p.pageNo]);
      return null;
    }
    return this.close(p.runId, p.kind === 'empty' ? 'empty' : 'ok');
  }

  private async close(runId: string, proposed: RunOutcome): Promise<RunOutcome> {
    return this.db.transaction(async (tx) => {
      const [run] = await tx.query(`SELECT * FROM crawl_runs WHERE id = $1 FOR UPDATE`, [runId]);
      if (!run) throw new Error(`crawl run ${runId} is unknown`);
      const [agg] = await tx.query(
        `SELECT count(*)::int AS pages, COALESCE(sum(rows), 0)::int AS rows, max(site_total) AS total,
                COALESCE(array_agg(DISTINCT pr) FILTER (WHERE pr IS NOT NULL), '{}') AS problems
           FROM crawl_run_pages LEFT JOIN LATERAL unnest(problems) pr ON true WHERE run_id = $1`,
        [runId],
      );
      const problems: string[] = [...agg.problems];
      let outcome = proposed;
      if (outcome === 'ok' && agg.total !== null && agg.rows !== agg.total) {
        problems.push(`saw ${agg.rows} rows but the site counted ${agg.total}`);
        outcome = 'error';
      }
      if (outcome === 'empty') {
        const silent = await this.silentCourt(tx, run);
        if (silent) problems.push(silent);
      }
      await tx.query(
        `UPDATE crawl_runs SET outcome = $2, finished_at = now(), pages = $3, rows_seen = $4, site_total = $5, problems = $6
          WHERE id = $1`,
        [runId, outcome, agg.pages, agg.rows, agg.total, problems],
      );
      if (run.instance === 'first' && (outcome === 'ok' || outcome === 'empty')) {
        await tx.query(
          `INSERT INTO court_week_coverage (court_code, week, date_field, article, outcome, run_id, crawled_at)
           SELECT $1, w::date, $2, $3, $4, $5, now()
             FROM generate_series(date_trunc('week', $6::date + 6), $7::date - 6, interval '7 days') w
           ON CONFLICT (court_code, week, date_field, article) DO UPDATE
             SET outcome = EXCLUDED.outcome, run_id = EXCLUDED.run_id, crawled_at = EXCLUDED.crawled_at`,
          [run.court_code, run.date_field, run.article, outcome, runId, run.window_from, run.window_to],
        );
      }
      // A failed crawl never erases what an earlier good crawl saw; weeks never seen stay uncovered.
      // TypeORM answers an UPDATE with [rows, count].
      const [[court]] = await tx.query(
        `UPDATE courts SET last_crawl_at = now(), last_outcome = $2,
                last_good_crawl_at = CASE WHEN $2 IN ('ok','empty') THEN now() ELSE courts.last_good_crawl_at END,
                captcha_waiting = CASE WHEN $2 = 'captcha' THEN true WHEN $2 IN ('ok','empty') THEN false ELSE courts.captcha_waiting END,
                health_note = $3
           FROM (SELECT last_outcome AS previous FROM courts WHERE code = $1) before
          WHERE code = $1
          RETURNING before.previous AS last_outcome`,
        [run.court_code, outcome, problems[0] ?? null],
      );
      // One line when a court's health changes, not one per search.
      if (outcome !== 'ok' && outcome !== 'empty' && court?.last_outcome !== outcome) {
        this.log.warn(`court ${run.court_code}: crawl ended ${outcome}${problems.length ? ` (${problems[0]})` : ''}`);
      }
      return outcome;
    });
  }

  /** Juriscraper's lesson: a court that used to have cases and now shows none is flagged, not trusted. */
  private async silentCourt(
    tx: { query: DataSource['query'] },
    run: { court_code: string; article: string; date_field: string; window_from: string; instance: string },
  ): Promise<string | null> {
    const [prev] = await tx.query(
      `SELECT rows_seen FROM crawl_runs
        WHERE court_code = $1 AND article = $2 AND date_field = $3 AND instance = $4
          AND outcome = 'ok' AND window_to < $5
        ORDER BY window_to DESC, finished_at DESC LIMIT 1`,
      [run.court_code, run.article, run.date_field, run.instance, run.window_from],
    );
    if (prev && prev.rows_seen >= this.env.SILENT_COURT_MIN_ROWS) {
      return `silent: no rows where the previous window had ${prev.rows_seen}`;
    }
    return null;
  }

  /** A fetch that failed for good leaves its run failed, so its weeks are never read as zero. */
  async failRun(runId: string, pageNo: number, reason: string): Promise<void> {
    await this.recordPage({ runId, pageNo, pageId: null, kind: 'error', rows: 0, siteTotal: null, hasNext: false, problems: [reason] });
  }

  async unfinishedRuns(): Promise<number> {
    const [r] = await this.db.query(`SELECT count(*)::int AS n FROM crawl_runs WHERE outcome = 'running'`);
    return r.n;
  }
}
