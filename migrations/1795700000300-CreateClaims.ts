import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClaims1795700000300 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // A published figure as data: what it says, where, and which series and period it speaks of.
    await q.query(`
      CREATE TABLE claims (
        id             bigserial PRIMARY KEY,
        slug           text UNIQUE,
        statement      text NOT NULL,
        source_name    text,
        source_url     text NOT NULL,
        published_on   date,
        series         text NOT NULL CHECK (series IN ('received','decided','convicted')),
        article        text NOT NULL,
        part           text NOT NULL DEFAULT '*',
        court          text,
        level          text,
        region         text,
        period_from    date NOT NULL,
        period_to      date NOT NULL,
        expected_unit  text NOT NULL CHECK (expected_unit IN ('per-week','per-month','period-total','ratio')),
        expected       double precision NOT NULL,
        tolerance      double precision NOT NULL DEFAULT 0.2,
        baseline_from  date,
        baseline_to    date,
        needs          text,
        note           text,
        seeded         boolean NOT NULL DEFAULT false,
        created_at     timestamptz NOT NULL DEFAULT now(),
        CHECK (period_from <= period_to),
        CHECK (expected_unit <> 'ratio' OR (baseline_from IS NOT NULL AND baseline_to IS NOT NULL))
      )`);
    // Every check leaves a row: the parameters it ran with and what it found. Ad-hoc checks have no claim.
    await q.query(`
      CREATE TABLE claim_checks (
        id          bigserial PRIMARY KEY,
        claim_id    bigint REFERENCES claims(id) ON DELETE CASCADE,
        params      jsonb NOT NULL,
        result      jsonb NOT NULL,
        verdict     text NOT NULL,
        checked_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX claim_checks_claim_idx ON claim_checks (claim_id, checked_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claim_checks`);
    await q.query(`DROP TABLE claims`);
  }
}
