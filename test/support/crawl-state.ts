import type { Env } from '../../src/config/env.schema.js';
import { sql } from './test-service.js';
import type { StoredCount } from './truth-compare.js';

export const storedCounts = (env: Env) =>
  sql<StoredCount>(env, `SELECT to_char(week, 'YYYY-MM-DD') AS week, series, court_code, article, part, count FROM weekly_counts ORDER BY 1, 2, 3, 4, 5`);

/** court -> "week field" keys covered by a good crawl of every tracked article. */
export async function coveredWeeks(env: Env): Promise<Map<string, Set<string>>> {
  const rows = await sql<{ court_code: string; week: string; date_field: string }>(
    env,
    `SELECT court_code, to_char(week, 'YYYY-MM-DD') AS week, date_field FROM court_week_coverage
      GROUP BY 1, 2, 3 HAVING count(DISTINCT article) = $1`,
    [env.CRAWL_ARTICLES.length],
  );
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!out.has(r.court_code)) out.set(r.court_code, new Set());
    out.get(r.court_code)!.add(`${r.week} ${r.date_field}`);
  }
  return out;
}

export async function runOutcomes(env: Env): Promise<Record<string, Record<string, number>>> {
  const rows = await sql<{ court_code: string; outcome: string; n: number }>(
    env,
    `SELECT court_code, outcome, count(*)::int AS n FROM crawl_runs WHERE instance = 'first' GROUP BY 1, 2`,
  );
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.court_code] ??= {})[r.outcome] = r.n;
  return out;
}
