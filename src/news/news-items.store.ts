import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NewsMention, PublishedFigure } from '../../scrapers/news/types.js';

export interface RelevantItem {
  guid: string;
  url: string | null;
  title: string;
  publishedAt: string | null;
  /** The feed's own text of the item (summary and content), used when the article page cannot be read. */
  feedText: string;
  score: number;
  terms: string[];
}

export interface StoredItem {
  id: string;
  sourceId: string;
  url: string | null;
  title: string;
  publishedAt: string | null;
  feedText: string;
  processed: boolean;
}

export interface Extraction {
  pageId: string | null;
  status: 'ok' | 'feed-text' | 'http-error';
  error: string | null;
  extractedBy: string | null;
  mentions: NewsMention[];
  figures: PublishedFigure[];
}

/** news_items and what their texts say (mentions, figures): upserts on natural keys only. */
@Injectable()
export class NewsItemsStore {
  constructor(private readonly db: DataSource) {}

  /** Upserts on (source, guid); returns each item's id, whether it is new, and whether its article is done. */
  async upsert(sourceId: string, items: RelevantItem[]): Promise<{ id: string; inserted: boolean; processed: boolean }[]> {
    if (!items.length) return [];
    const unique = [...new Map(items.map((i) => [i.guid, i])).values()];
    return this.db.query(
      `INSERT INTO news_items (source_id, guid, url, title, published_at, feed_text, relevance_score, relevance_terms)
       SELECT $1, g, u, t, p::timestamptz, ft, s, ARRAY(SELECT jsonb_array_elements_text(tr::jsonb))
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[]) AS x(g, u, t, p, ft, s, tr)
       ON CONFLICT (source_id, guid) DO UPDATE SET last_seen_at = now()
       RETURNING id::text, (xmax = 0) AS inserted, processed_at IS NOT NULL AS processed`,
      [
        sourceId,
        unique.map((i) => i.guid),
        unique.map((i) => i.url),
        unique.map((i) => i.title),
        unique.map((i) => i.publishedAt),
        unique.map((i) => i.feedText),
        unique.map((i) => i.score),
        unique.map((i) => JSON.stringify(i.terms)),
      ],
    );
  }

  async get(id: string): Promise<StoredItem | null> {
    const [r] = await this.db.query(
      `SELECT id::text, source_id::text, url, title, published_at, feed_text, processed_at IS NOT NULL AS processed
         FROM news_items WHERE id = $1`,
      [id],
    );
    if (!r) return null;
    return {
      id: r.id,
      sourceId: r.source_id,
      url: r.url,
      title: r.title,
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      feedText: r.feed_text,
      processed: r.processed,
    };
  }

  /** Stores what the article says; mentions and figures are keyed by their position in the extraction. Returns mention ids. */
  async saveExtraction(itemId: string, x: Extraction): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE news_items SET page_id = COALESCE($2, page_id), article_status = $3, article_error = $4, extracted_by = $5,
           processed_at = now() WHERE id = $1`,
        [itemId, x.pageId, x.status, x.error, x.extractedBy],
      );
      const m = x.mentions;
      const ids: { id: string }[] = m.length
        ? await tx.query(
            `INSERT INTO news_mentions (item_id, position, court_code, court_name, articles, sentence, mentioned_on, quote)
             SELECT $1, pos, c, cn, a::jsonb, NULLIF(s, 'null')::jsonb, d::date, q
               FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(pos, c, cn, a, s, d, q)
             ON CONFLICT (item_id, position) DO UPDATE SET court_code = EXCLUDED.court_code, court_name = EXCLUDED.court_name,
               articles = EXCLUDED.articles, sentence = EXCLUDED.sentence, mentioned_on = EXCLUDED.mentioned_on, quote = EXCLUDED.quote
             RETURNING id::text`,
            [
              itemId,
              m.map((_, i) => i),
              m.map((x) => x.court),
              m.map((x) => x.courtName),
              m.map((x) => JSON.stringify(x.articles)),
              m.map((x) => JSON.stringify(x.sentence)),
              m.map((x) => x.date),
              m.map((x) => x.quote),
            ],
          )
        : [];
      await tx.query(`DELETE FROM news_mentions WHERE item_id = $1 AND position >= $2`, [itemId, m.length]);
      const f = x.figures;
      if (f.length) {
        await tx.query(
          `INSERT INTO news_figures (item_id, position, value, unit, counts, period, quote)
           SELECT $1, * FROM unnest($2::int[], $3::float8[], $4::text[], $5::text[], $6::text[], $7::text[])
           ON CONFLICT (item_id, position) DO UPDATE SET value = EXCLUDED.value, unit = EXCLUDED.unit, counts = EXCLUDED.counts,
             period = EXCLUDED.period, quote = EXCLUDED.quote`,
          [itemId, f.map((_, i) => i), f.map((x) => x.value), f.map((x) => x.unit), f.map((x) => x.counts), f.map((x) => x.period), f.map((x) => x.quote)],
        );
      }
      await tx.query(`DELETE FROM news_figures WHERE item_id = $1 AND position >= $2 AND status = 'candidate'`, [itemId, f.length]);
      return ids.map((r) => r.id);
    });
  }

  /** The article could not be fetched after every attempt: kept unprocessed, with the reason. */
  async markFailed(itemId: string, error: string): Promise<void> {
    await this.db.query(`UPDATE news_items SET article_status = 'failed', article_error = $2 WHERE id = $1`, [itemId, error]);
  }
}
