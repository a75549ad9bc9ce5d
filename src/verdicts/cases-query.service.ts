import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canSeeNames, type Caller } from '../common/auth/caller.js';
import type { CasesQuery } from './cases-query.schema.js';
import { casesOrderColumn, casesWhere, CHARGES_SQL } from './cases.sql.js';

export interface CaseDefendant {
  position: number;
  /** Only for callers with an API key: personal data. */
  name?: string | null;
  articles: { article: string; part: string | null; point: string | null }[];
  result: string | null;
  outcome: string | null;
  decidedOn: string | null;
}

export interface CaseItem {
  id: string;
  court: string;
  courtName: string;
  level: string;
  region: string;
  instance: string;
  caseNumber: string;
  uid: string | null;
  receivedOn: string | null;
  decidedOn: string | null;
  outcome: string | null;
  result: string | null;
  legalForceOn: string | null;
  judge: string | null;
  charges: string | null;
  cardUrl: string | null;
  defendants: CaseDefendant[];
}

export interface CasesPage {
  page: number;
  pageSize: number;
  total: number;
  items: CaseItem[];
}

/** Pages of stored cases for a filter, newest first; defendants' names only for callers with a key. */
@Injectable()
export class CasesQueryService {
  constructor(private readonly db: DataSource) {}

  async page(q: CasesQuery, caller: Caller): Promise<CasesPage> {
    const where = casesWhere(q);
    const date = casesOrderColumn(q);
    const name = canSeeNames(caller) ? `'name', d.name, ` : '';
    const n = where.values.length;
    const iso = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
    // Newest first with undated cases last, in a form the date index serves: the dated and the undated cases
    // are limited separately, then merged; only the page's rows get their charges and defendants.
    const [items, [{ total }]] = await Promise.all([
      this.db.query(
        `WITH page AS (
           SELECT id, d FROM (
             (SELECT c.id, ${date} AS d FROM cases c JOIN courts co ON co.code = c.court_code
               WHERE ${where.text} AND ${date} IS NOT NULL ORDER BY ${date} DESC, c.id DESC LIMIT $${n + 3})
             UNION ALL
             (SELECT c.id, NULL FROM cases c JOIN courts co ON co.code = c.court_code
               WHERE ${where.text} AND ${date} IS NULL ORDER BY c.id DESC LIMIT $${n + 3})
           ) x ORDER BY d DESC NULLS LAST, id DESC LIMIT $${n + 1} OFFSET $${n + 2}
         )
         SELECT c.id::text AS id, c.court_code AS court, co.name AS "courtName", co.level, co.region, c.instance,
                c.case_number AS "caseNumber", c.uid, ${iso('c.received_on')} AS "receivedOn", ${iso('c.decided_on')} AS "decidedOn",
                c.outcome, c.result, ${iso('c.legal_force_on')} AS "legalForceOn", c.judge, ${CHARGES_SQL} AS charges,
                c.card_url AS "cardUrl",
                (SELECT COALESCE(json_agg(json_build_object('position', d.position, ${name}'articles', d.articles,
                          'result', d.result, 'outcome', d.outcome, 'decidedOn', d.decided_on) ORDER BY d.position), '[]')
                   FROM defendants d WHERE d.case_id = c.id) AS defendants
           FROM page p JOIN cases c ON c.id = p.id JOIN courts co ON co.code = c.court_code
          ORDER BY p.d DESC NULLS LAST, p.id DESC`,
        [...where.values, q.pageSize, (q.page - 1) * q.pageSize, q.page * q.pageSize],
      ),
      this.db.query(
        `SELECT count(*)::int AS total FROM cases c JOIN courts co ON co.code = c.court_code WHERE ${where.text}`,
        where.values,
      ),
    ]);
    return { page: q.page, pageSize: q.pageSize, total, items };
  }
}
