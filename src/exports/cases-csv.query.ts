import type { Caller } from '../common/auth/caller.js';
import { canSeeNames } from '../common/auth/caller.js';
import type { SqlQuery } from '../common/sql-query.js';
import type { CasesFilter } from '../verdicts/cases-query.schema.js';
import { casesOrderColumn, casesWhere, CHARGES_SQL } from '../verdicts/cases.sql.js';
import { csvSafe } from './csv-safe.js';

/** Columns of `cases.csv`, stable whatever the filter or caller (names stay empty without a key). */
export const CASES_CSV_COLUMNS = [
  'case_id', 'court', 'court_name', 'level', 'region', 'instance', 'case_number', 'uid',
  'received_on', 'decided_on', 'outcome', 'result', 'legal_force_on', 'judge', 'charges',
  'defendants', 'defendant_names', 'card_url',
] as const;

const TEXT = new Set(['court_name', 'case_number', 'uid', 'result', 'judge', 'charges', 'defendant_names', 'card_url']);

/** One row per case, oldest first by the filter's date field; names only for callers with a key. */
export function casesCsvQuery(q: CasesFilter, caller: Caller): SqlQuery {
  const where = casesWhere(q);
  const names = canSeeNames(caller) ? `string_agg(COALESCE(d.name, ''), '; ' ORDER BY d.position)` : 'NULL::text';
  const order = casesOrderColumn(q);
  const text = `
SELECT ${CASES_CSV_COLUMNS.map((col) => (TEXT.has(col) ? csvSafe(`t.${col}`) : `t.${col}`)).join(', ')}
  FROM (
    SELECT c.id AS case_id, c.court_code AS court, co.name AS court_name, co.level, co.region, c.instance, c.case_number, c.uid,
           c.received_on, c.decided_on, c.outcome, c.result, c.legal_force_on, c.judge, ${CHARGES_SQL} AS charges,
           dd.n AS defendants, dd.names AS defendant_names, c.card_url
      FROM cases c
      JOIN courts co ON co.code = c.court_code
      CROSS JOIN LATERAL (SELECT count(*) AS n, ${names} AS names FROM defendants d WHERE d.case_id = c.id) dd
     WHERE ${where.text}
     ORDER BY ${order} NULLS LAST, c.id
    OFFSET 0) t`;
  return { text, values: where.values };
}
