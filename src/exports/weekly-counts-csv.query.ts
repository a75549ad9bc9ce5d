import { findCourt } from '../../scrapers/sudrf/court-registry.js';
import { partName } from '../common/query-fields.js';
import type { SqlQuery } from '../common/sql-query.js';
import type { WeeklyCountsQuery } from '../trends/weekly-counts-query.schema.js';
import { weeklyCountsSql, type WeeklyCountsContext } from '../trends/weekly-counts.sql.js';
import { csvSafe } from './csv-safe.js';

/** Columns of `weekly-counts.csv`, stable whatever the filter (docs/api.md). */
export const WEEKLY_COUNTS_CSV_COLUMNS = [
  'week', 'series', 'article', 'part', 'court', 'court_name', 'level',
  'count', 'covered_courts', 'expected_courts', 'coverage', 'incomplete',
] as const;

/** The weekly-counts query of the JSON endpoint, shaped into the CSV's columns. */
export function weeklyCountsCsvQuery(q: WeeklyCountsQuery, ctx: WeeklyCountsContext): SqlQuery {
  const inner = weeklyCountsSql(q, ctx);
  const values = [...inner.values];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}::text`;
  };
  const court = q.groupBy === 'court' ? 't.group_key' : param(q.court ?? null);
  const courtName = q.groupBy === 'court' ? 't.court_name' : param(q.court ? findCourt(q.court)!.name : null);
  const level = q.groupBy === 'court' ? 't.level' : q.groupBy === 'level' ? 't.group_key' : param(q.level ?? null);
  const part =
    q.groupBy === 'part' ? `CASE t.group_key WHEN '*' THEN 'all' WHEN '' THEN 'none' ELSE t.group_key END` : param(partName(q.part));
  const text = `
SELECT to_char(t.week, 'YYYY-MM-DD'), ${param(q.series)}, ${param(q.article)}, ${part}, ${court}, ${csvSafe(courtName)}, ${level},
       t.count, t.covered_courts, t.expected_courts, t.coverage, CASE WHEN t.incomplete THEN 'true' ELSE 'false' END
  FROM (${inner.text} OFFSET 0) t
 ORDER BY t.group_key, t.week`;
  return { text, values };
}
