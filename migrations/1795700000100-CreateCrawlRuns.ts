import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCrawlRuns1795700000100 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // One run = one search query (court, date field, article, window) with all its pages.
    await q.query(`
      CREATE TABLE crawl_runs (
        id           text PRIMARY KEY,
        court_code   text NOT NULL REFERENCES courts(code),
        instance     text NOT NULL DEFAULT 'first',
        date_field   text NOT NULL CHECK (date_field IN ('received','decided')),
        article      text NOT NULL,
        window_from  date NOT NULL,
        window_to    date NOT NULL,
        slot         text NOT NULL,
        started_at   timestamptz NOT NULL DEFAULT now(),
        finished_at  timestamptz,
        pages        integer NOT NULL DEFAULT 0,
        rows_seen    integer NOT NULL DEFAULT 0,
        site_total   integer,
        outcome      text NOT NULL DEFAULT 'running'
                     CHECK (outcome IN ('running','ok','empty','captcha','blocked','antibot','down','unknown','error')),
        problems     text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX crawl_runs_court_idx ON crawl_runs (court_code, date_field, window_from)`);
    await q.query(`
      CREATE TABLE crawl_run_pages (
        run_id     text NOT NULL REFERENCES crawl_runs(id) ON DELETE CASCADE,
        page_no    integer NOT NULL,
        page_id    bigint REFERENCES pages(id),
        kind       text NOT NULL,
        rows       integer NOT NULL DEFAULT 0,
        site_total integer,
        has_next   boolean NOT NULL DEFAULT false,
        problems   text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (run_id, page_no)
      )`);
    // Which (court, ISO week, date field, article) a finished crawl saw completely: the basis of coverage.
    await q.query(`
      CREATE TABLE court_week_coverage (
        court_code text NOT NULL REFERENCES courts(code),
        week       date NOT NULL,
        date_field text NOT NULL,
        article    text NOT NULL,
        outcome    text NOT NULL,
        run_id     text NOT NULL,
        crawled_at timestamptz NOT NULL,
        PRIMARY KEY (court_code, week, date_field, article)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE court_week_coverage`);
    await q.query(`DROP TABLE crawl_run_pages`);
    await q.query(`DROP TABLE crawl_runs`);
  }
}
