import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNewsSources1795700000700 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // One row per news feed (seeded from scrapers/news/news-feeds.ts): its validators for conditional
    // requests, and what its last run saw.
    await q.query(`
      CREATE TABLE news_sources (
        id            bigserial PRIMARY KEY,
        key           text NOT NULL UNIQUE,
        outlet        text NOT NULL,
        url           text NOT NULL,
        lang          text NOT NULL,
        enabled       boolean NOT NULL DEFAULT true,
        etag          text,
        last_modified text,
        last_run_at   timestamptz,
        last_ok_at    timestamptz,
        last_outcome  text CHECK (last_outcome IN ('ok','not-modified','broken','error')),
        last_error    text,
        health        text NOT NULL DEFAULT 'unknown' CHECK (health IN ('unknown','ok','broken','failing')),
        failures      integer NOT NULL DEFAULT 0,
        last_page_id  bigint REFERENCES pages(id)
      )`);
    // Every feed crawl leaves a row: HTTP status, items seen, relevant, new; a broken feed its reason.
    await q.query(`
      CREATE TABLE news_feed_runs (
        id          bigserial PRIMARY KEY,
        source_id   bigint NOT NULL REFERENCES news_sources(id) ON DELETE CASCADE,
        slot        text NOT NULL,
        started_at  timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        status      integer,
        outcome     text NOT NULL DEFAULT 'running' CHECK (outcome IN ('running','ok','not-modified','broken','error')),
        items       integer NOT NULL DEFAULT 0,
        relevant    integer NOT NULL DEFAULT 0,
        new_items   integer NOT NULL DEFAULT 0,
        page_id     bigint REFERENCES pages(id),
        error       text,
        UNIQUE (source_id, slot)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE news_feed_runs`);
    await q.query(`DROP TABLE news_sources`);
  }
}
