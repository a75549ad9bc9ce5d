import type { SqlQuery } from '../common/sql-query.js';
import type { WeeklyCountsQuery } from './weekly-counts-query.schema.js';
import { weeklyCountsSql, type WeeklyCountsContext } from './weekly-counts.sql.js';

/** One group of the weekly counts, its weeks as parallel arrays in week order. */
export interface WeeklyCountsGroupRow {
  group_key: string;
  court_name: string | null;
  level: string | null;
  expected: number;
  /** First and last week (every group has every week between). */
  lo: string;
  hi: string;
  /** The first week inside the publication lag, if the range reaches it. */
  first_incomplete: string | null;
  counts: number[];
  covered: number[];
  coverage: (number | null)[];
}

/**
 * The weekly-counts rows folded into one row per group with the weeks as arrays: what the JSON endpoint
 * needs, computed entirely by Postgres, in a form that is cheap to ship and to render (weekly-counts-render.ts).
 */
export function weeklyCountsCompactSql(q: WeeklyCountsQuery, ctx: WeeklyCountsContext): SqlQuery {
  const inner = weeklyCountsSql(q, ctx);
  // The arrays take the rows in the subquery's (group, week) order: one sort for all groups, not one per group.
  // Court names are joined to the 111 groups afterwards rather than carried through the sort on every row.
  const names = q.groupBy === 'court' ? 'co.name' : 'NULL::text';
  const level = q.groupBy === 'court' ? 'co.level' : q.groupBy === 'level' ? 'g.group_key' : 'NULL::text';
  const text = `
SELECT g.group_key, ${names} AS court_name, ${level} AS level, g.expected, g.lo, g.hi, g.first_incomplete,
       g.counts, g.covered, g.coverage
  FROM (SELECT r.group_key, min(r.expected_courts) AS expected,
               to_char(min(r.week), 'YYYY-MM-DD') AS lo, to_char(max(r.week), 'YYYY-MM-DD') AS hi,
               to_char(min(r.week) FILTER (WHERE r.incomplete), 'YYYY-MM-DD') AS first_incomplete,
               array_agg(r.count) AS counts, array_agg(r.covered_courts) AS covered, array_agg(r.coverage) AS coverage
          FROM (${inner.text}
                ORDER BY group_key, week) r
         GROUP BY r.group_key) g
  ${q.groupBy === 'court' ? 'LEFT JOIN courts co ON co.code = g.group_key' : ''}
 ORDER BY g.group_key`;
  return { text, values: inner.values };
}
