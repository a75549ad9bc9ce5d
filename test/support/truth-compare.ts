import type { GroundTruth } from '../simulator/court-simulator.js';

export interface StoredCount {
  week: string;
  series: string;
  court_code: string;
  article: string;
  part: string;
  count: number;
}

const key = (week: string, series: string, court: string, article: string, part: string | null) =>
  [week, series, court, article, part ?? ''].join(' ');

/**
 * Differences between stored weekly counts and the simulator's truth, over the given courts and the
 * weeks each court has complete coverage for. Empty when they agree.
 */
export function truthDifferences(
  truth: GroundTruth,
  stored: StoredCount[],
  covered: Map<string, Set<string>>, // court -> covered "week series-field" keys
): string[] {
  const fieldOf = (series: string) => (series === 'received' ? 'received' : 'decided');
  const inScope = (court: string, week: string, series: string) => covered.get(court)?.has(`${week} ${fieldOf(series)}`) ?? false;
  const expected = new Map<string, number>();
  for (const r of truth.weekly) if (inScope(r.court, r.week, r.series)) expected.set(key(r.week, r.series, r.court, r.article, r.part), r.count);
  const actual = new Map<string, number>();
  for (const r of stored) if (r.part !== '*' && inScope(r.court_code, r.week, r.series)) actual.set(key(r.week, r.series, r.court_code, r.article, r.part), r.count);
  const out: string[] = [];
  for (const k of new Set([...expected.keys(), ...actual.keys()])) {
    if (expected.get(k) !== actual.get(k)) out.push(`${k}: truth ${expected.get(k) ?? 0}, stored ${actual.get(k) ?? 0}`);
  }
  return out.sort();
}
