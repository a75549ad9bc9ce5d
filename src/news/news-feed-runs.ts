import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FeedOutcome } from './news-sources.service.js';

export interface FeedRunResult {
  outcome: FeedOutcome;
  status: number | null;
  pageId?: string | null;
  items?: number;
  relevant?: number;
  newItems?: number;
  error?: string | null;
}

/** One row per feed crawl (source and slot): a retried job updates its own row. */
@Injectable()
export class NewsFeedRuns {
  constructor(private readonly db: DataSource) {}

  async open(sourceId: string, slot: string): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO news_feed_runs (source_id, slot) VALUES ($1, $2)
       ON CONFLICT (source_id, slot) DO UPDATE SET started_at = now(), finished_at = NULL, outcome = 'running'
       RETURNING id::text`,
      [sourceId, slot],
    );
    return row.id;
  }

  async close(runId: string, r: FeedRunResult): Promise<void> {
    await this.db.query(
      `UPDATE news_feed_runs SET finished_at = now(), outcome = $2, status = $3, page_id = $4, items = $5, relevant = $6,
         new_items = $7, error = $8 WHERE id = $1`,
      [runId, r.outcome, r.status, r.pageId ?? null, r.items ?? 0, r.relevant ?? 0, r.newItems ?? 0, r.error ?? null],
    );
  }
}
