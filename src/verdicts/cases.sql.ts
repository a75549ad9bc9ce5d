import type { SqlQuery } from '../common/sql-query.js';
import type { CasesFilter } from './cases-query.schema.js';

/** The WHERE clause of a cases filter over `cases c JOIN courts co`, with its values from $1. */
export function casesWhere(q: CasesFilter): SqlQuery {
  const values: unknown[] = [q.instance];
  const conds = ['c.instance = $1'];
  const add = (cond: (n: string) => string, value: unknown) => {
    values.push(value);
    conds.push(cond(`$${values.length}`));
  };
  const date = q.dateField === 'received' ? 'c.received_on' : 'c.decided_on';
  if (q.court) add((p) => `c.court_code = ${p}::text`, q.court);
  if (q.level) add((p) => `co.level = ${p}::text`, q.level);
  if (q.region) add((p) => `co.region = ${p}::text`, q.region);
  if (q.from) add((p) => `${date} >= ${p}::date`, q.from);
  if (q.to) add((p) => `${date} <= ${p}::date`, q.to);
  if (q.outcome) add((p) => `c.outcome = ${p}::text`, q.outcome);
  if (q.article) {
    values.push(q.article);
    const a = `$${values.length}`;
    let partCond = '';
    if (q.part !== undefined && q.part !== '*') {
      values.push(q.part);
      partCond = ` AND ch.part = $${values.length}::text`;
    }
    conds.push(`EXISTS (SELECT 1 FROM case_charges ch WHERE ch.case_id = c.id AND ch.article = ${a}::text${partCond})`);
  }
  return { text: conds.join(' AND '), values };
}

/** The date column rows are ordered by. */
export function casesOrderColumn(q: CasesFilter): string {
  return q.dateField === 'received' ? 'c.received_on' : 'c.decided_on';
}

/** `337 ч.5; 338` : the charges of a case, as court sites write them. */
export const CHARGES_SQL = `(SELECT string_agg(CASE WHEN ch.part = '' THEN ch.article ELSE ch.article || ' ч.' || ch.part END, '; '
                             ORDER BY ch.article, ch.part) FROM case_charges ch WHERE ch.case_id = c.id)`;
