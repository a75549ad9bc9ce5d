import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddWeeklyCountsCoveringIndex1795700000330 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // The trend API reads (series, article, part, week range) for every court with its count: with the count
    // in the index that is an index-only scan of adjacent entries instead of a heap page per row.
    await q.query(
      `CREATE INDEX weekly_counts_filter_idx ON weekly_counts (series, article, part, week, court_code) INCLUDE (count)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX weekly_counts_filter_idx`);
  }
}
