import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AllowShareClaims1795700000320 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Claims about a share of verdicts (e.g. suspended sentences) need act texts, not weekly counts.
    await q.query(`ALTER TABLE claims DROP CONSTRAINT claims_expected_unit_check`);
    await q.query(
      `ALTER TABLE claims ADD CONSTRAINT claims_expected_unit_check
         CHECK (expected_unit IN ('per-week','per-month','period-total','ratio','share'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM claims WHERE expected_unit = 'share'`);
    await q.query(`ALTER TABLE claims DROP CONSTRAINT claims_expected_unit_check`);
    await q.query(
      `ALTER TABLE claims ADD CONSTRAINT claims_expected_unit_check
         CHECK (expected_unit IN ('per-week','per-month','period-total','ratio'))`,
    );
  }
}
