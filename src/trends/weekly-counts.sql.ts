import type { SqlQuery } from '../common/sql-query.js';
import type { WeeklyCountsQuery } from './weekly-counts-query.schema.js';

export interface WeeklyCountsContext {
  /** CRAWL_COURTS: when non-empty, only these courts are expected. */
  crawlCourts: string[];
  today: string;
  publicationLagWeeks: number;
}

/** One result row. */
export interface WeeklyCountRow {
  /** A date: format it (to_char) where text is needed. */
  week: string;
  group_key: string;
  court_name: string | null;
  level: string | null;
  count: number;
  covered_courts: number;
  expected_courts: number;
  coverage: number | null;
  incomplete: boolean;
}

// Group keys compare in the C collation: plain byte order, much cheaper than the database's locale.
const KEY = {
  none: `''::text`,
  court: 's.code COLLATE "C"',
  level: 's.level COLLATE "C"',
  part: 'wc.part COLLATE "C"',
} as const;

/** The groups that get a full run of weeks: every expected court or level (or one with cases), every part seen, or the total. */
const GROUPS = {
  none: `SELECT ''::text AS key`,
  court: `SELECT s.code COLLATE "C" AS key FROM scope s WHERE s.expected OR s.code IN (SELECT key FROM counts)`,
  level: `SELECT DISTINCT s.level COLLATE "C" AS key FROM scope s WHERE s.expected OR s.level IN (SELECT key FROM counts)`,
  part: `SELECT DISTINCT key FROM counts$PART`,
} as const;

// The range's first and last Monday. When from/to are given these fold to constants at planning time, so the
// planner knows exactly how many weeks there are; else they come from the span of stored data (else 52 weeks).
const LO = `date_trunc('week', COALESCE($7::date, CASE WHEN $8::date IS NULL THEN COALESCE((SELECT lo FROM span), $11::date - 357)
             ELSE LEAST($8::date, COALESCE((SELECT lo FROM span), $8::date - 357)) END)::timestamp)::date`;
const HI = `date_trunc('week', COALESCE($8::date, CASE WHEN $7::date IS NULL THEN COALESCE((SELECT hi FROM span), $11::date)
             ELSE GREATEST($7::date, COALESCE((SELECT hi FROM span), $11::date)) END)::timestamp)::date`;

/**
 * Weekly counts for a filter in one statement: every ISO week of the range for every group, weeks without
 * cases as an explicit 0, each with the share of expected courts a good crawl covered. Expected courts:
 * enabled garrison and okrug courts that match the court/level/region filter (and CRAWL_COURTS when set).
 * Coverage is per article, so groups by part share the filter's coverage.
 *
 * The cells are one aggregation over a zero grid (groups × weeks), the count rows and the coverage rows,
 * which is cheaper than joining them. Rows come unordered: callers order by group_key, week.
 */
export function weeklyCountsSql(q: WeeklyCountsQuery, ctx: WeeklyCountsContext): SqlQuery {
  const byPart = q.groupBy === 'part';
  const byCourt = q.groupBy === 'court';
  const partCond = byPart && q.part === '*' ? `wc.part <> '*'` : `wc.part = $3`;
  const dateField = q.series === 'received' ? 'received' : 'decided';
  const values = [
    q.series, q.article, q.part, q.court ?? null, q.level ?? null, q.region ?? null,
    q.from ?? null, q.to ?? null, dateField, ctx.crawlCourts, ctx.today, ctx.publicationLagWeeks,
  ];
  const countFilter = `wc.series = $1 AND wc.article = $2 AND ${partCond} AND wc.week BETWEEN ${LO} AND ${HI}`;
  const text = `
WITH span AS (
  SELECT min(week) AS lo, max(week) AS hi, $3::text AS part FROM weekly_counts wc
   WHERE wc.series = $1 AND wc.article = $2 AND ${partCond}
), scope AS (
  SELECT code, name, level, region,
         enabled AND level IN ('garrison', 'okrug') AND (cardinality($10::text[]) = 0 OR code = ANY($10::text[])) AS expected
    FROM courts
   WHERE ($4::text IS NULL OR code = $4) AND ($5::text IS NULL OR level = $5) AND ($6::text IS NULL OR region = $6)
), counts AS (${
    byCourt
      ? `
  -- By court no join is needed: the court is the key; the scope test folds away when no filter narrows it.
  SELECT wc.court_code COLLATE "C" AS key, wc.week, wc.count
    FROM weekly_counts wc
   WHERE ${countFilter}
     AND ($4::text IS NULL AND $5::text IS NULL AND $6::text IS NULL OR wc.court_code IN (SELECT code FROM scope))`
      : `
  SELECT ${KEY[q.groupBy]} AS key, wc.week, wc.count
    FROM weekly_counts wc JOIN scope s ON s.code = wc.court_code
   WHERE ${countFilter}`
  }
), groups AS (
  ${GROUPS[q.groupBy].replace('$PART', q.part === '*' ? '' : ' UNION SELECT $3::text')}
), cells AS (
  SELECT key, week, sum(n)::int AS count, sum(cv)::int AS covered FROM (
    SELECT g.key, (${LO} + 7 * i)::date AS week, 0 AS n, 0 AS cv FROM groups g CROSS JOIN generate_series(0, (${HI} - ${LO}) / 7) i
    UNION ALL
    SELECT key, week, count, 0 FROM counts
    UNION ALL
    SELECT ${byPart ? 'g.key' : KEY[q.groupBy]}, cw.week, 0, 1
      FROM court_week_coverage cw JOIN scope s ON s.code = cw.court_code AND s.expected${byPart ? ' CROSS JOIN groups g' : ''}
     WHERE cw.date_field = $9 AND cw.article = $2 AND cw.week BETWEEN ${LO} AND ${HI}
  ) x GROUP BY key, week
), expected AS (
  SELECT ${byPart ? `''::text` : KEY[q.groupBy]} AS key, count(*) FILTER (WHERE expected)::int AS expected,
         min(name) AS court_name, min(level) AS level
    FROM scope s GROUP BY 1
)
SELECT c.week, c.key AS group_key,
       ${byCourt ? 'e.court_name' : 'NULL::text'} AS court_name,
       ${byCourt || q.groupBy === 'level' ? 'e.level' : 'NULL::text'} AS level,
       c.count, c.covered AS covered_courts, COALESCE(e.expected, 0) AS expected_courts,
       CASE WHEN e.expected > 0 THEN round(c.covered * 10000.0::float8 / e.expected) / 10000 END AS coverage,
       c.week >= date_trunc('week', $11::date::timestamp)::date - 7 * $12::int AS incomplete
  FROM cells c LEFT JOIN expected e ON e.key = ${byPart ? `''` : 'c.key'}`;
  return { text, values };
}
