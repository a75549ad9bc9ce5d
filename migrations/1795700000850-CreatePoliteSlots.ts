import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePoliteSlots1795700000850 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // The per-court politeness turn shared by worker processes when queues run on Postgres
    // (PostgresRateLimiter): who holds the court, until when, and when the next request may start.
    await q.query(`
      CREATE TABLE polite_slots (
        key             text PRIMARY KEY,
        holder          uuid,
        lease_until     timestamptz,
        next_allowed_at timestamptz NOT NULL DEFAULT '-infinity'
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE polite_slots`);
  }
}
