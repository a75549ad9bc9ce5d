import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCasesAndDefendants1795700000200 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cases (
        id             bigserial PRIMARY KEY,
        court_code     text NOT NULL REFERENCES courts(code),
        case_number    text NOT NULL,
        instance       text NOT NULL CHECK (instance IN ('first','appeal','cassation')),
        uid            text,
        site_case_id   text,
        received_on    date,
        decided_on     date,
        result         text,
        outcome        text,
        legal_force_on date,
        judge          text,
        card_url       text,
        row_hash       text,
        card_fetched_at timestamptz,
        first_seen_at  timestamptz NOT NULL DEFAULT now(),
        last_seen_at   timestamptz NOT NULL DEFAULT now(),
        page_id        bigint REFERENCES pages(id),
        UNIQUE (court_code, case_number, instance)
      )`);
    await q.query(`CREATE INDEX cases_decided_idx ON cases (decided_on)`);
    await q.query(`CREATE INDEX cases_received_idx ON cases (received_on)`);
    await q.query(`
      CREATE TABLE defendants (
        case_id    bigint NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        position   integer NOT NULL,
        name       text,
        articles   jsonb NOT NULL DEFAULT '[]',
        result     text,
        outcome    text,
        decided_on date,
        PRIMARY KEY (case_id, position)
      )`);
    // (article, part) charged in a case, derived from its defendants: what weekly counts group by.
    // part '' = charged without a part.
    await q.query(`
      CREATE TABLE case_charges (
        case_id bigint NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        article text NOT NULL,
        part    text NOT NULL,
        PRIMARY KEY (case_id, article, part)
      )`);
    // part '*' = the article as a whole (a case counts once however many parts it has).
    await q.query(`
      CREATE TABLE weekly_counts (
        week       date NOT NULL,
        series     text NOT NULL CHECK (series IN ('received','decided','convicted')),
        court_code text NOT NULL REFERENCES courts(code),
        article    text NOT NULL,
        part       text NOT NULL,
        count      integer NOT NULL,
        PRIMARY KEY (series, article, part, week, court_code)
      )`);
    await q.query(`CREATE INDEX weekly_counts_court_idx ON weekly_counts (court_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE weekly_counts`);
    await q.query(`DROP TABLE case_charges`);
    await q.query(`DROP TABLE defendants`);
    await q.query(`DROP TABLE cases`);
  }
}
