import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCoverageWeekIndex1795700000310 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Coverage is read by (date field, article, week range) for all courts at once: the trend API's filter.
    await q.query(
      `CREATE INDEX court_week_coverage_week_idx ON court_week_coverage (date_field, article, week) INCLUDE (court_code)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX court_week_coverage_week_idx`);
  }
}
