import { describe, expect, it } from '@jest/globals';
import { addDays } from '../../common/iso-week.js';
import type { WeeklySeriesRow } from '../../common/weekly-series-csv.js';
import { checkClaim } from './claim-check.js';
import { garwoodInterval } from './garwood-interval.js';

const rows = (counts: number[], coverage?: number): WeeklySeriesRow[] =>
  counts.map((count, i) => ({ week: addDays('2023-06-05', 7 * i), count, ...(coverage === undefined ? {} : { coverage }) }));

const ABOUT_100 = [97, 104, 99, 101, 95, 103, 100, 98, 105, 96, 102, 100, 100]; // 1300 in 13 weeks

describe('checkClaim', () => {
  it('supports "about 100 a week" when the 90% interval lies inside 80–120', () => {
    const r = checkClaim({ rows: rows(ABOUT_100), expected: { value: 100, per: 'week' } });
    expect(r.weeks).toBe(13);
    expect(r.weeksUsed[0]).toBe('2023-06-05');
    expect(r.total).toBe(1300);
    expect(r.meanPerWeek).toBe(100);
    expect(r.band).toEqual([80, 120]);
    expect(r.garwood90).toEqual(garwoodInterval(1300, 13, 0.9));
    expect(r.garwood95).toEqual(garwoodInterval(1300, 13, 0.95));
    expect(r.dispersion.scale).toBe(1);
    expect(r.verdict).toBe('supported');
  });

  it('contradicts the claim when the interval lies entirely outside the band', () => {
    const r = checkClaim({ rows: rows(ABOUT_100.map((c) => Math.round(c / 2))), expected: { value: 100, per: 'week' } });
    expect(r.dispersion.interval90[1]).toBeLessThan(80);
    expect(r.verdict).toBe('contradicted');
    expect(checkClaim({ rows: rows(ABOUT_100), expected: { value: 50, per: 'week' } }).verdict).toBe('contradicted');
  });

  it('is inconclusive when the interval straddles a band edge', () => {
    const r = checkClaim({ rows: rows([90]), expected: { value: 100, per: 'week' } });
    expect(r.dispersion.interval90[0]).toBeLessThan(80);
    expect(r.verdict).toBe('inconclusive');
  });

  it('judges over-dispersed counts by the widened interval, not by Garwood', () => {
    const r = checkClaim({ rows: rows([40, 160, 60, 140, 100, 20, 180]), expected: { value: 100, per: 'week' } });
    // Garwood alone would call this supported…
    expect(r.garwood90[0]).toBeGreaterThan(80);
    expect(r.garwood90[1]).toBeLessThan(120);
    // …but weeks vary far more than Poisson allows.
    expect(r.dispersion.ratio).toBeGreaterThan(20);
    expect(r.dispersion.interval90[0]).toBeLessThan(80);
    expect(r.verdict).toBe('inconclusive');
  });

  it('says insufficient-coverage before anything else when mean coverage is below the threshold', () => {
    const r = checkClaim({ rows: rows(ABOUT_100, 0.6), expected: { value: 100, per: 'week' } });
    expect(r.meanCoverage).toBeCloseTo(0.6, 12);
    expect(r.verdict).toBe('insufficient-coverage');
    expect(checkClaim({ rows: rows(ABOUT_100, 0.6), expected: { value: 100, per: 'week' }, coverageThreshold: 0.5 }).verdict).toBe('supported');
    expect(checkClaim({ rows: rows(ABOUT_100), expected: { value: 100, per: 'week' } }).meanCoverage).toBeNull();
  });

  it('averages only the coverage values the rows report', () => {
    const mixed = rows(ABOUT_100);
    mixed[0] = { ...mixed[0], coverage: 0.7 };
    mixed[1] = { ...mixed[1], coverage: 0.8 };
    const r = checkClaim({ rows: mixed, expected: { value: 100, per: 'week' } });
    expect(r.meanCoverage).toBeCloseTo(0.75, 12);
    expect(r.verdict).toBe('insufficient-coverage');
  });

  it('leaves out the last lag weeks, which publication delay under-counts', () => {
    const series = rows([...ABOUT_100, 40, 12]);
    const all = checkClaim({ rows: series, expected: { value: 100, per: 'week' } });
    expect(all.weeks).toBe(15);
    expect(all.verdict).not.toBe('supported');
    const lagged = checkClaim({ rows: series, expected: { value: 100, per: 'week' }, lagWeeks: 2 });
    expect(lagged.weeks).toBe(13);
    expect(lagged.weeksLeftOut).toEqual([addDays('2023-06-05', 91), addDays('2023-06-05', 98)]);
    expect(lagged.total).toBe(1300);
    expect(lagged.verdict).toBe('supported');
    expect(() => checkClaim({ rows: series, expected: { value: 100, per: 'week' }, lagWeeks: 15 })).toThrow(/no weeks left/);
  });

  it('converts a monthly figure to a weekly one (average Gregorian month)', () => {
    const r = checkClaim({ rows: rows(ABOUT_100), expected: { value: 434.8, per: 'month' } });
    expect(r.expectedPerWeek).toBeCloseTo((434.8 * 7 * 12) / 365.2425, 12);
    expect(r.expectedPerWeek).toBeCloseTo(100, 1);
    expect(r.verdict).toBe('supported');
  });

  it('compares a period total as a rate over every calendar week of the period', () => {
    const r = checkClaim({ rows: rows(ABOUT_100), expected: { value: 1300, per: 'period' } });
    expect(r.expectedPerWeek).toBe(100);
    expect(r.verdict).toBe('supported');
    // A missing week (gap) still belongs to the period the total speaks of.
    const gappy = rows(ABOUT_100).filter((_, i) => i !== 5);
    expect(checkClaim({ rows: gappy, expected: { value: 1300, per: 'period' } }).expectedPerWeek).toBe(100);
    // Lagged weeks too.
    expect(checkClaim({ rows: rows(ABOUT_100), expected: { value: 1300, per: 'period' }, lagWeeks: 3 }).expectedPerWeek).toBe(100);
  });

  it('measures the trend against calendar weeks', () => {
    const r = checkClaim({ rows: rows([10, 12, 14, 16, 18, 20]), expected: { value: 15, per: 'week' } });
    expect(r.senSlopePerWeek).toBe(2);
    expect(r.mannKendall.S).toBe(15);
    const gappy = rows([10, 12, 14, 16, 18, 20]).filter((_, i) => i !== 2);
    expect(checkClaim({ rows: gappy, expected: { value: 15, per: 'week' } }).senSlopePerWeek).toBe(2);
  });

  it('handles weeks with no verdicts at all', () => {
    const r = checkClaim({ rows: rows([0, 0, 0, 0]), expected: { value: 100, per: 'week' } });
    expect(r.garwood90[0]).toBe(0);
    expect(r.garwood90[1]).toBeGreaterThan(0);
    expect(r.dispersion.ratio).toBeNull();
    expect(r.senSlopePerWeek).toBe(0);
    expect(r.verdict).toBe('contradicted');
  });

  it('rejects rows that are not ascending Mondays with whole non-negative counts', () => {
    const claim = { value: 100, per: 'week' as const };
    expect(() => checkClaim({ rows: [{ week: '2023-06-12', count: 1 }, { week: '2023-06-05', count: 1 }], expected: claim })).toThrow(/ascending/);
    expect(() => checkClaim({ rows: [{ week: '2023-06-06', count: 1 }], expected: claim })).toThrow(/Monday/);
    expect(() => checkClaim({ rows: [{ week: '2023-06-05', count: -1 }], expected: claim })).toThrow(/count/);
    expect(() => checkClaim({ rows: [{ week: '2023-06-05', count: 1.5 }], expected: claim })).toThrow(/count/);
    expect(() => checkClaim({ rows: [], expected: claim })).toThrow(RangeError);
    expect(() => checkClaim({ rows: rows([1]), expected: { value: -5, per: 'week' } })).toThrow(RangeError);
  });
});
