import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AlertFilters, Method } from './alert-filters.js';
import type { AlertQuery } from './alert-query.schema.js';
import type { AlertKind, AlertView } from './alert-view.js';
import type { WeekCount } from './email-parts.js';
import type { Sql } from './sql.js';

/** A spike, or a spike held back, for one series and week. */
export interface WeeklyAlert {
  kind: AlertKind;
  reason: string;
  dedupKey: string;
  filters: AlertFilters;
  week: string;
  observed: number;
  threshold: number;
  method: Method;
  coverage: number | null;
  detail: string | null;
  history: WeekCount[];
}

/** A court in trouble, as the operators should hear of it. */
export interface CourtCondition {
  reason: string;
  court: string;
  detail: string;
}

const COLUMNS = `a.id::text AS id, a.kind, a.reason, a.series, a.article, a.part, a.court_code, a.level,
  to_char(a.week, 'YYYY-MM-DD') AS week, a.observed, a.threshold, a.method, a.coverage, a.detail, a.history,
  a.detected_at, a.sent_at, c.name AS court_name`;

/** The `alerts` table: every alert found, spike or data, with what it said and when it went out. */
@Injectable()
export class AlertLog {
  constructor(private readonly db: DataSource) {}

  /** Stored once per (series key, week), whatever later runs see; `created` is false for one seen before. */
  async recordWeekly(tx: Sql, a: WeeklyAlert): Promise<{ id: string; created: boolean }> {
    const f = a.filters;
    const [row] = await tx.query(
      `WITH ins AS (
         INSERT INTO alerts (kind, reason, dedup_key, series, article, part, court_code, level, week, observed, threshold,
                             method, coverage, detail, history)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb)
         ON CONFLICT (dedup_key, week) WHERE week IS NOT NULL DO NOTHING
         RETURNING id)
       SELECT id::text AS id, true AS created FROM ins
       UNION ALL
       SELECT id::text, false FROM alerts WHERE dedup_key = $3 AND week = $9::date
       LIMIT 1`,
      [a.kind, a.reason, a.dedupKey, f.series, f.article, f.part, f.court, f.level, a.week, a.observed, a.threshold,
        a.method, a.coverage, a.detail, JSON.stringify(a.history)],
    );
    return row;
  }

  /** Stored (and so sent) again only when no alert of the same key was stored in the last `repeatHours`. */
  async recordCondition(tx: Sql, c: CourtCondition, repeatHours: number): Promise<string | null> {
    const key = `${c.reason}|${c.court}`;
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO alerts (kind, reason, dedup_key, court_code, detail)
       SELECT 'data', $1, $2, $3, $4
        WHERE NOT EXISTS (SELECT 1 FROM alerts WHERE dedup_key = $2 AND detected_at > now() - $5 * interval '1 hour')
       RETURNING id::text AS id`,
      [c.reason, key, c.court, c.detail, repeatHours],
    );
    return rows[0]?.id ?? null;
  }

  async views(tx: Sql, ids: string[]): Promise<AlertView[]> {
    if (!ids.length) return [];
    const rows = await tx.query(
      `SELECT ${COLUMNS} FROM alerts a LEFT JOIN courts c ON c.code = a.court_code
        WHERE a.id = ANY($1::bigint[]) ORDER BY a.week NULLS LAST, a.id`,
      [ids],
    );
    return rows.map(toView);
  }

  /** Recent alerts, newest first, filtered as GET /api/alerts asks. */
  async recent(q: AlertQuery): Promise<AlertView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const eq = (column: string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    };
    eq('a.kind', q.kind);
    eq('a.reason', q.reason);
    eq('a.series', q.series);
    eq('a.article', q.article);
    eq('a.part', q.part);
    eq('a.court_code', q.court);
    eq('a.level', q.level);
    eq('a.method', q.method);
    if (q.from) {
      params.push(q.from);
      where.push(`COALESCE(a.week, a.detected_at::date) >= $${params.length}::date`);
    }
    if (q.to) {
      params.push(q.to);
      where.push(`COALESCE(a.week, a.detected_at::date) <= $${params.length}::date`);
    }
    params.push(q.limit);
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM alerts a LEFT JOIN courts c ON c.code = a.court_code
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.detected_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toView);
  }
}

function toView(r: any): AlertView {
  return {
    id: r.id,
    kind: r.kind,
    reason: r.reason,
    filters: r.series ? { series: r.series, article: r.article, part: r.part, court: r.court_code, level: r.level } : null,
    court: r.court_code,
    courtName: r.court_name,
    week: r.week,
    observed: r.observed,
    threshold: r.threshold,
    method: r.method,
    coverage: r.coverage,
    detail: r.detail,
    history: r.history ?? [],
    detectedAt: new Date(r.detected_at).toISOString(),
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
  };
}
