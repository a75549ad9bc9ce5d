import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ArticleCharge, SentenceTerm } from '../../scrapers/news/types.js';
import { canSeeNames, type Caller } from '../common/auth/caller.js';
import { NotFoundError } from '../common/errors/not-found.error.js';
import type { FiguresQuery, NewsQuery } from './news-query.schema.js';

export interface CaseLinkView {
  caseId: string;
  court: string;
  caseNumber: string;
  instance: string;
  decidedOn: string | null;
  confidence: number;
  rank: number;
  dateGapDays: number;
  reasons: { court: number; article: number; date: number; sentence: number; notes: string[] };
}

export interface MentionView {
  id: string;
  court: string | null;
  courtName: string | null;
  articles: ArticleCharge[];
  sentence: SentenceTerm | null;
  date: string | null;
  /** The sentence of the text the mention rests on; it may name people, so only callers with an API key get it. */
  quote: string | null;
  links: CaseLinkView[];
}

export interface FigureView {
  id: string;
  itemId: string;
  value: number;
  unit: string;
  counts: string | null;
  period: string | null;
  quote: string;
  status: string;
  claimId: string | null;
}

export interface NewsItemView {
  id: string;
  source: { key: string; outlet: string };
  guid: string;
  url: string | null;
  title: string;
  publishedAt: string | null;
  relevance: { score: number; terms: string[] };
  article: { status: string; extractedBy: string | null; pageId: string | null };
  mentions: MentionView[];
  figures: FigureView[];
}

export interface Paged<T> {
  page: number;
  pageSize: number;
  total: number;
  items: T[];
}

const ITEM_FILTER = `
  FROM news_items i JOIN news_sources s ON s.id = i.source_id
 WHERE ($1::text IS NULL AND $2::text IS NULL OR EXISTS (
         SELECT 1 FROM news_mentions m WHERE m.item_id = i.id
            AND ($1::text IS NULL OR m.court_code = $1)
            AND ($2::text IS NULL OR m.articles @> jsonb_build_array(jsonb_build_object('article', $2::text))
                 AND ($3::text IS NULL OR m.articles @> jsonb_build_array(jsonb_build_object('article', $2::text, 'part', $3::text))))))
   AND ($4::date IS NULL OR (i.published_at AT TIME ZONE 'UTC')::date >= $4::date)
   AND ($5::date IS NULL OR (i.published_at AT TIME ZONE 'UTC')::date <= $5::date)
   AND ($6::text IS NULL OR s.key = $6)
   AND ($7::boolean IS NULL OR $7 = EXISTS (
         SELECT 1 FROM news_mentions m JOIN news_case_links l ON l.mention_id = m.id WHERE m.item_id = i.id))`;

const LINKS = `
  SELECT l.mention_id::text, l.case_id::text, c.court_code, c.case_number, c.instance, c.decided_on::text AS decided_on,
         l.confidence, l.rank, l.date_gap_days, l.reasons
    FROM news_case_links l JOIN cases c ON c.id = l.case_id`;

/** Reads for the news API: items with mentions, links and figures; mentions of a case; sources; figures. */
@Injectable()
export class NewsQueryService {
  constructor(private readonly db: DataSource) {}

  async items(q: NewsQuery, caller: Caller): Promise<Paged<NewsItemView>> {
    const params = [q.court ?? null, q.article ?? null, q.part ?? null, q.from ?? null, q.to ?? null, q.source ?? null, q.linked ?? null];
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${ITEM_FILTER}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT i.id::text, s.key, s.outlet, i.guid, i.url, i.title, i.published_at, i.relevance_score, i.relevance_terms,
              i.article_status, i.extracted_by, i.page_id::text AS page_id
       ${ITEM_FILTER}
       ORDER BY i.published_at DESC NULLS LAST, i.id DESC LIMIT $8 OFFSET $9`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const ids = rows.map((r) => r.id as string);
    const mentions = await this.mentionsOf(ids, caller);
    const figures = await this.figuresOf(ids);
    const items = rows.map((r) => ({
      id: r.id as string,
      source: { key: r.key as string, outlet: r.outlet as string },
      guid: r.guid as string,
      url: r.url as string | null,
      title: r.title as string,
      publishedAt: r.published_at ? new Date(r.published_at as string).toISOString() : null,
      relevance: { score: r.relevance_score as number, terms: r.relevance_terms as string[] },
      article: { status: r.article_status as string, extractedBy: r.extracted_by as string | null, pageId: r.page_id as string | null },
      mentions: mentions.get(r.id as string) ?? [],
      figures: figures.filter((f) => f.itemId === r.id),
    }));
    return { page: q.page, pageSize: q.pageSize, total, items };
  }

  /** The news mentions linked to one stored case, best link first. */
  async forCase(caseId: string, caller: Caller) {
    const [kase] = await this.db.query(
      `SELECT id::text, court_code, case_number, instance, decided_on::text AS decided_on FROM cases WHERE id = $1`,
      [caseId],
    );
    if (!kase) throw new NotFoundError('case', caseId);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT m.id::text AS mention_id, m.court_name, m.articles, m.sentence, m.mentioned_on::text AS mentioned_on, m.quote,
              l.confidence, l.rank, l.date_gap_days, l.reasons,
              i.id::text AS item_id, i.title, i.url, i.published_at, s.key, s.outlet
         FROM news_case_links l
         JOIN news_mentions m ON m.id = l.mention_id
         JOIN news_items i ON i.id = m.item_id
         JOIN news_sources s ON s.id = i.source_id
        WHERE l.case_id = $1
        ORDER BY l.confidence DESC, i.published_at DESC NULLS LAST, m.id`,
      [caseId],
    );
    return {
      caseId: kase.id as string,
      court: kase.court_code as string,
      caseNumber: kase.case_number as string,
      instance: kase.instance as string,
      decidedOn: kase.decided_on as string | null,
      mentions: rows.map((r) => ({
        mentionId: r.mention_id as string,
        item: {
          id: r.item_id as string,
          source: { key: r.key as string, outlet: r.outlet as string },
          title: r.title as string,
          url: r.url as string | null,
          publishedAt: r.published_at ? new Date(r.published_at as string).toISOString() : null,
        },
        courtName: r.court_name as string | null,
        articles: r.articles as ArticleCharge[],
        sentence: r.sentence as SentenceTerm | null,
        date: r.mentioned_on as string | null,
        quote: canSeeNames(caller) ? (r.quote as string) : null,
        confidence: r.confidence as number,
        rank: r.rank as number,
        dateGapDays: r.date_gap_days as number,
        reasons: r.reasons as CaseLinkView['reasons'],
      })),
    };
  }

  async sources() {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT s.key, s.outlet, s.url, s.lang, s.enabled, s.health, s.last_outcome, s.last_error, s.last_run_at, s.last_ok_at,
              s.failures, s.etag IS NOT NULL AS has_etag, s.last_modified IS NOT NULL AS has_last_modified,
              (SELECT count(*)::int FROM news_items i WHERE i.source_id = s.id) AS items
         FROM news_sources s ORDER BY s.key`,
    );
    const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
    return rows.map((r) => ({
      key: r.key as string,
      outlet: r.outlet as string,
      url: r.url as string,
      lang: r.lang as string,
      enabled: r.enabled as boolean,
      health: r.health as string,
      lastOutcome: r.last_outcome as string | null,
      lastError: r.last_error as string | null,
      lastRunAt: iso(r.last_run_at),
      lastOkAt: iso(r.last_ok_at),
      failures: r.failures as number,
      validators: { etag: r.has_etag as boolean, lastModified: r.has_last_modified as boolean },
      items: r.items as number,
    }));
  }

  async figures(q: FiguresQuery): Promise<Paged<FigureView & { item: { title: string; url: string | null; outlet: string; publishedAt: string | null } }>> {
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM news_figures WHERE ($1::text IS NULL OR status = $1)`, [q.status ?? null]);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT f.*, f.id::text AS id, f.item_id::text AS item_id, f.claim_id::text AS claim_id, i.title, i.url, i.published_at, s.outlet
         FROM news_figures f JOIN news_items i ON i.id = f.item_id JOIN news_sources s ON s.id = i.source_id
        WHERE ($1::text IS NULL OR f.status = $1)
        ORDER BY i.published_at DESC NULLS LAST, f.id DESC LIMIT $2 OFFSET $3`,
      [q.status ?? null, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return {
      page: q.page,
      pageSize: q.pageSize,
      total,
      items: rows.map((r) => ({
        ...toFigure(r),
        item: {
          title: r.title as string,
          url: r.url as string | null,
          outlet: r.outlet as string,
          publishedAt: r.published_at ? new Date(r.published_at as string).toISOString() : null,
        },
      })),
    };
  }

  private async mentionsOf(itemIds: string[], caller: Caller): Promise<Map<string, MentionView[]>> {
    const out = new Map<string, MentionView[]>();
    if (!itemIds.length) return out;
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id::text, item_id::text, court_code, court_name, articles, sentence, mentioned_on::text AS mentioned_on, quote
         FROM news_mentions WHERE item_id = ANY($1::bigint[]) ORDER BY item_id, position`,
      [itemIds],
    );
    const links: Record<string, unknown>[] = rows.length
      ? await this.db.query(`${LINKS} WHERE l.mention_id = ANY($1::bigint[]) ORDER BY l.mention_id, l.rank`, [rows.map((r) => r.id)])
      : [];
    const show = canSeeNames(caller);
    for (const r of rows) {
      const list = out.get(r.item_id as string) ?? [];
      list.push({
        id: r.id as string,
        court: r.court_code as string | null,
        courtName: r.court_name as string | null,
        articles: r.articles as ArticleCharge[],
        sentence: r.sentence as SentenceTerm | null,
        date: r.mentioned_on as string | null,
        quote: show ? (r.quote as string) : null,
        links: links.filter((l) => l.mention_id === r.id).map(toLink),
      });
      out.set(r.item_id as string, list);
    }
    return out;
  }

  private async figuresOf(itemIds: string[]): Promise<FigureView[]> {
    if (!itemIds.length) return [];
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT f.*, f.id::text AS id, f.item_id::text AS item_id, f.claim_id::text AS claim_id FROM news_figures f
        WHERE f.item_id = ANY($1::bigint[]) ORDER BY f.item_id, f.position`,
      [itemIds],
    );
    return rows.map(toFigure);
  }
}

function toLink(l: Record<string, unknown>): CaseLinkView {
  return {
    caseId: l.case_id as string,
    court: l.court_code as string,
    caseNumber: l.case_number as string,
    instance: l.instance as string,
    decidedOn: l.decided_on as string | null,
    confidence: l.confidence as number,
    rank: l.rank as number,
    dateGapDays: l.date_gap_days as number,
    reasons: l.reasons as CaseLinkView['reasons'],
  };
}

export function toFigure(r: Record<string, unknown>): FigureView {
  return {
    id: r.id as string,
    itemId: r.item_id as string,
    value: r.value as number,
    unit: r.unit as string,
    counts: r.counts as string | null,
    period: r.period as string | null,
    quote: r.quote as string,
    status: r.status as string,
    claimId: r.claim_id as string | null,
  };
}
