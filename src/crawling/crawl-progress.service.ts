import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from './queue-names.js';

export interface CrawlSummary {
  courts: number;
  cases: number;
  defendants: number;
  weeks: number;
  pages: number;
  runs: Record<string, number>;
}

/** Tells when the crawl queues have drained, and what the database holds then. */
@Injectable()
export class CrawlProgressService {
  constructor(
    private readonly db: DataSource,
    @InjectQueue(QueueName.Crawl) private readonly crawl: Queue,
    @InjectQueue(QueueName.Fetch) private readonly fetch: Queue,
    @InjectQueue(QueueName.Parse) private readonly parse: Queue,
  ) {}

  async pending(): Promise<number> {
    let n = 0;
    for (const q of [this.crawl, this.fetch, this.parse]) {
      const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      n += Object.values(c).reduce((a, b) => a + b, 0);
    }
    return n;
  }

  /** Resolves once every queue has been empty on two polls in a row. */
  async waitUntilIdle(pollMs = 250, onPoll?: (pending: number) => void): Promise<void> {
    let idle = 0;
    while (idle < 2) {
      await new Promise((r) => setTimeout(r, pollMs));
      const n = await this.pending();
      onPoll?.(n);
      idle = n === 0 ? idle + 1 : 0;
    }
  }

  async summary(): Promise<CrawlSummary> {
    const [row] = await this.db.query(`
      SELECT (SELECT count(DISTINCT court_code) FROM cases)::int AS courts,
             (SELECT count(*) FROM cases)::int AS cases,
             (SELECT count(*) FROM defendants)::int AS defendants,
             (SELECT count(DISTINCT week) FROM weekly_counts)::int AS weeks,
             (SELECT count(*) FROM pages)::int AS pages`);
    const runs: { outcome: string; n: number }[] = await this.db.query(
      `SELECT outcome, count(*)::int AS n FROM crawl_runs GROUP BY outcome ORDER BY outcome`,
    );
    return { ...row, runs: Object.fromEntries(runs.map((r) => [r.outcome, r.n])) };
  }
}
