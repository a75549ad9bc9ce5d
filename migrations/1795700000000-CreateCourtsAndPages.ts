import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCourtsAndPages1795700000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courts (
        code            text PRIMARY KEY,
        name            text NOT NULL,
        level           text NOT NULL CHECK (level IN ('garrison','okrug','appeal','cassation')),
        hosts           text[] NOT NULL,
        region          text NOT NULL,
        captcha         boolean NOT NULL DEFAULT false,
        form            text NOT NULL DEFAULT 'primary',
        enabled         boolean NOT NULL DEFAULT true,
        last_crawl_at   timestamptz,
        last_good_crawl_at timestamptz,
        last_outcome    text,
        health_note     text,
        captcha_waiting boolean NOT NULL DEFAULT false
      )`);
    await q.query(`
      CREATE TABLE pages (
        id           bigserial PRIMARY KEY,
        url          text NOT NULL,
        court_code   text REFERENCES courts(code),
        status       integer NOT NULL,
        headers      jsonb NOT NULL,
        encoding     text,
        sha256       bytea NOT NULL,
        body_gzip    bytea NOT NULL,
        size         integer NOT NULL,
        first_fetched_at timestamptz NOT NULL,
        last_fetched_at  timestamptz NOT NULL,
        fetch_count  integer NOT NULL DEFAULT 1,
        kind         text,
        reason       text,
        parse_error  text,
        UNIQUE (url, sha256)
      )`);
    await q.query(`CREATE INDEX pages_last_fetched_idx ON pages (last_fetched_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pages`);
    await q.query(`DROP TABLE courts`);
  }
}
