import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import { DataSource } from 'typeorm';

const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);

export interface RawPage {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  fetchedAt: Date;
}

export interface StoredPage extends RawPage {
  id: string;
  courtCode: string | null;
}

/** Keeps every fetched page raw (gzip), once per distinct (url, bytes); a revisit only bumps its times. */
@Injectable()
export class PageStore {
  constructor(private readonly db: DataSource) {}

  async save(page: RawPage, courtCode: string | null): Promise<string> {
    const sha = createHash('sha256').update(page.body).digest();
    const encoding = /charset=([\w-]+)/i.exec(page.headers['content-type'] ?? '')?.[1]?.toLowerCase() ?? null;
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO pages (url, court_code, status, headers, encoding, sha256, body_gzip, size, first_fetched_at, last_fetched_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (url, sha256) DO UPDATE
         SET last_fetched_at = GREATEST(pages.last_fetched_at, EXCLUDED.last_fetched_at),
             fetch_count = pages.fetch_count + 1, status = EXCLUDED.status, headers = EXCLUDED.headers
       RETURNING id`,
      [page.url, courtCode, page.status, page.headers, encoding, sha, await gzip(page.body), page.body.length, page.fetchedAt],
    );
    return String(rows[0].id);
  }

  async load(id: string): Promise<StoredPage> {
    const rows = await this.db.query(
      `SELECT id, url, court_code, status, headers, body_gzip, last_fetched_at FROM pages WHERE id = $1`,
      [id],
    );
    if (!rows.length) throw new Error(`page ${id} is not stored`);
    const r = rows[0];
    return {
      id: String(r.id),
      url: r.url,
      courtCode: r.court_code,
      status: r.status,
      headers: r.headers,
      body: await gunzip(r.body_gzip),
      fetchedAt: r.last_fetched_at,
    };
  }

  async mark(id: string, kind: string, reason: string | null, parseError: string | null): Promise<void> {
    await this.db.query(`UPDATE pages SET kind = $2, reason = $3, parse_error = $4 WHERE id = $1`, [id, kind, reason, parseError]);
  }
}
