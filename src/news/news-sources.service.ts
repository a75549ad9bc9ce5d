import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newsFeeds } from '../../scrapers/news/news-feeds.js';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import type { Validators } from './news-fetcher.js';

export interface NewsSource {
  id: string;
  key: string;
  outlet: string;
  url: string;
  lang: string;
  enabled: boolean;
  etag: string | null;
  lastModified: string | null;
}

export type FeedOutcome = 'ok' | 'not-modified' | 'broken' | 'error';

/** What one run of a feed ended with; validators only after a feed that was read. */
export interface FeedResult {
  outcome: FeedOutcome;
  pageId?: string | null;
  validators?: Validators;
  error?: string | null;
}

const HEALTH: Record<FeedOutcome, string> = { ok: 'ok', 'not-modified': 'ok', broken: 'broken', error: 'failing' };

/** The news feeds as sources: seeded from `newsFeeds`, with their validators and health. */
@Injectable()
export class NewsSourcesService implements OnApplicationBootstrap {
  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Adds new feeds and keeps outlet, URL and language equal to the configuration; `enabled` is left to admins. */
  async onApplicationBootstrap(): Promise<void> {
    const f = newsFeeds;
    await this.db.query(
      `INSERT INTO news_sources (key, outlet, url, lang)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (key) DO UPDATE SET outlet = EXCLUDED.outlet, lang = EXCLUDED.lang,
         url = EXCLUDED.url,
         etag = CASE WHEN news_sources.url = EXCLUDED.url THEN news_sources.etag END,
         last_modified = CASE WHEN news_sources.url = EXCLUDED.url THEN news_sources.last_modified END`,
      [f.map((x) => x.key), f.map((x) => x.outlet), f.map((x) => x.url), f.map((x) => x.lang)],
    );
  }

  /** Enabled feeds that NEWS_FEEDS selects (all when it is empty). */
  async crawlable(): Promise<NewsSource[]> {
    const only = this.env.NEWS_FEEDS;
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM news_sources WHERE enabled AND (cardinality($1::text[]) = 0 OR key = ANY($1)) ORDER BY key`, [only]);
    return rows.map(toSource);
  }

  async get(key: string): Promise<NewsSource | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM news_sources WHERE key = $1`, [key]);
    return row ? toSource(row) : null;
  }

  async record(id: string, r: FeedResult): Promise<void> {
    const ok = r.outcome === 'ok' || r.outcome === 'not-modified';
    await this.db.query(
      `UPDATE news_sources SET last_run_at = now(), last_outcome = $2, health = $3, last_error = $4,
         last_ok_at = CASE WHEN $5 THEN now() ELSE last_ok_at END,
         failures = CASE WHEN $5 THEN 0 ELSE failures + 1 END,
         last_page_id = COALESCE($6, last_page_id),
         etag = CASE WHEN $7 THEN $8 ELSE etag END,
         last_modified = CASE WHEN $7 THEN $9 ELSE last_modified END
       WHERE id = $1`,
      [id, r.outcome, HEALTH[r.outcome], r.error ?? null, ok, r.pageId ?? null, r.validators !== undefined,
        r.validators?.etag ?? null, r.validators?.lastModified ?? null],
    );
  }
}

const COLUMNS = `id::text, key, outlet, url, lang, enabled, etag, last_modified`;

function toSource(r: Record<string, unknown>): NewsSource {
  return {
    id: r.id as string,
    key: r.key as string,
    outlet: r.outlet as string,
    url: r.url as string,
    lang: r.lang as string,
    enabled: r.enabled as boolean,
    etag: r.etag as string | null,
    lastModified: r.last_modified as string | null,
  };
}
