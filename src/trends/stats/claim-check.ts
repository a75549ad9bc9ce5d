import { parseIsoDate } from '../../common/iso-week.js';
import type { WeeklySeriesRow } from '../../common/weekly-series-csv.js';
import { dispersion, type Dispersion } from './dispersion.js';
import { garwoodInterval, type Interval } from './garwood-interval.js';
import { mannKendall, type MannKendallResult } from './mann-kendall.js';
import { senSlope } from './sen-slope.js';

export type ClaimVerdict = 'supported' | 'contradicted' | 'inconclusive' | 'insufficient-coverage';

export interface ClaimCheckInput {
  /** Weekly counts, oldest first, one row per ISO week (Monday). Gaps are weeks with no data. */
  rows: readonly WeeklySeriesRow[];
  /**
   * The claimed value: per week, per month (an average month of 365.2425 / 12 days), or a
   * total for the whole period the rows span (first to last row, gaps and lagged weeks
   * included), compared as a rate per week.
   */
  expected: { value: number; per: 'week' | 'month' | 'period' };
  /** Relative half-width of the "about" band; default 0.2 (100 ± 20%). */
  tolerance?: number;
  /** Mean coverage below this gives 'insufficient-coverage'; default 0.8. */
  coverageThreshold?: number;
  /** Leave out the last N weeks (publication lag); default 0. */
  lagWeeks?: number;
}

export interface ClaimCheckResult {
  /** Number of weeks used. */
  weeks: number;
  weeksUsed: string[];
  weeksLeftOut: string[];
  total: number;
  meanPerWeek: number;
  expectedPerWeek: number;
  /** expectedPerWeek · (1 ± tolerance). */
  band: Interval;
  garwood90: Interval;
  garwood95: Interval;
  dispersion: Dispersion;
  mannKendall: MannKendallResult;
  /** Theil–Sen slope of count against week number (calendar weeks, so gaps keep their width). */
  senSlopePerWeek: number | null;
  /** Mean of the coverage the rows report; null when none do. */
  meanCoverage: number | null;
  verdict: ClaimVerdict;
}

const DAYS_PER_MONTH = 365.2425 / 12;
const WEEK_MS = 7 * 86_400_000;

/**
 * Tests a published figure ("about 100 verdicts a week") against weekly counts: an
 * equivalence test (TOST at α = 0.05 each side) of the mean weekly rate against the band
 * expected · (1 ± tolerance).
 *
 * The verdict uses the dispersion-aware 90% interval (dispersion.interval90), not Garwood:
 * the two are identical for Poisson-like counts, but when weeks vary more than Poisson
 * allows, Garwood is too narrow and would call a claim supported or contradicted on
 * evidence that is not there. Supported: that interval lies inside the band; contradicted:
 * it lies entirely outside; otherwise inconclusive. Coverage is checked first: counts from
 * a crawl that reached too few courts say nothing about the claim.
 */
export function checkClaim(input: ClaimCheckInput): ClaimCheckResult {
  const tolerance = input.tolerance ?? 0.2;
  const coverageThreshold = input.coverageThreshold ?? 0.8;
  const lagWeeks = input.lagWeeks ?? 0;
  const { value, per } = input.expected;
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`expected value must be a non-negative number, got ${value}`);
  if (per !== 'week' && per !== 'month' && per !== 'period') throw new RangeError(`expected.per must be week, month or period, got ${String(per)}`);
  if (!(Number.isFinite(tolerance) && tolerance >= 0)) throw new RangeError(`tolerance must be a non-negative number, got ${tolerance}`);
  if (!(coverageThreshold >= 0 && coverageThreshold <= 1)) throw new RangeError(`coverage threshold must be in [0, 1], got ${coverageThreshold}`);
  if (!Number.isInteger(lagWeeks) || lagWeeks < 0) throw new RangeError(`lag must be a non-negative whole number of weeks, got ${lagWeeks}`);
  validateRows(input.rows);

  const used = input.rows.slice(0, Math.max(0, input.rows.length - lagWeeks));
  if (used.length === 0) {
    throw new RangeError(`no weeks left to test: the series has ${input.rows.length} and the lag leaves out ${lagWeeks}`);
  }
  const counts = used.map((r) => r.count);
  const weekNumbers = used.map((r) => (parseIsoDate(r.week) - parseIsoDate(used[0].week)) / WEEK_MS + 1);
  const rows = input.rows;
  const spanWeeks = (parseIsoDate(rows[rows.length - 1].week) - parseIsoDate(rows[0].week)) / WEEK_MS + 1;

  const total = counts.reduce((sum, c) => sum + c, 0);
  const meanPerWeek = total / used.length;
  const expectedPerWeek = per === 'week' ? value : per === 'month' ? (value * 7) / DAYS_PER_MONTH : value / spanWeeks;
  const band: Interval = [expectedPerWeek * (1 - tolerance), expectedPerWeek * (1 + tolerance)];
  const spread = dispersion(counts);

  const reported = used.flatMap((r) => (r.coverage === undefined ? [] : [r.coverage]));
  const meanCoverage = reported.length === 0 ? null : reported.reduce((sum, c) => sum + c, 0) / reported.length;

  let verdict: ClaimVerdict;
  const [low, high] = spread.interval90;
  if (meanCoverage !== null && meanCoverage < coverageThreshold) verdict = 'insufficient-coverage';
  else if (low >= band[0] && high <= band[1]) verdict = 'supported';
  else if (high < band[0] || low > band[1]) verdict = 'contradicted';
  else verdict = 'inconclusive';

  return {
    weeks: used.length,
    weeksUsed: used.map((r) => r.week),
    weeksLeftOut: input.rows.slice(used.length).map((r) => r.week),
    total,
    meanPerWeek,
    expectedPerWeek,
    band,
    garwood90: garwoodInterval(total, used.length, 0.9),
    garwood95: garwoodInterval(total, used.length, 0.95),
    dispersion: spread,
    mannKendall: mannKendall(counts),
    senSlopePerWeek: senSlope(counts, weekNumbers),
    meanCoverage,
    verdict,
  };
}

function validateRows(rows: readonly WeeklySeriesRow[]): void {
  let previous = '';
  rows.forEach((r, i) => {
    const where = `row ${i + 1} (week ${r.week})`;
    let time: number;
    try {
      time = parseIsoDate(r.week);
    } catch {
      throw new RangeError(`${where}: not an ISO date`);
    }
    if (new Date(time).getUTCDay() !== 1) throw new RangeError(`${where}: not a Monday`);
    if (r.week <= previous) throw new RangeError(`${where}: weeks must be strictly ascending (after ${previous})`);
    if (!Number.isSafeInteger(r.count) || r.count < 0) throw new RangeError(`${where}: count must be a non-negative whole number, got ${r.count}`);
    if (r.coverage !== undefined && !(r.coverage >= 0 && r.coverage <= 1)) throw new RangeError(`${where}: coverage must be in [0, 1], got ${r.coverage}`);
    previous = r.week;
  });
}
