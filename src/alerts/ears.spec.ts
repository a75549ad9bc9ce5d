import { describe, expect, it } from '@jest/globals';
import { earsC } from './ears.js';

const Z_999 = 3.090232306167813; // qnorm(0.999)
const Z_975 = 1.959963984540054; // qnorm(0.975)

function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
  return { mean, sd };
}

describe('earsC', () => {
  const counts = [3, 2, 3, 3, 5, 4, 4, 6, 3, 3, 5, 2, 2, 0, 4, 6];

  it('uses R defaults: baseline 7, alpha 0.001 for C1/C2 and 0.025 for C3, first weeks 8, 10, 12', () => {
    expect(earsC(counts, { method: 'C1' })).toMatchObject({ alpha: 0.001, baseline: 7, firstWeek: 8 });
    expect(earsC(counts, { method: 'C2' })).toMatchObject({ alpha: 0.001, baseline: 7, firstWeek: 10 });
    expect(earsC(counts, { method: 'C3' })).toMatchObject({ alpha: 0.025, baseline: 7, firstWeek: 12 });
    expect(earsC(counts, { method: 'C1' }).upperbound).toHaveLength(counts.length - 7);
  });

  it('C1: mean + z·sd (n − 1) of the 7 weeks before; C2: of weeks t−9 … t−3', () => {
    const c1 = earsC(counts, { method: 'C1' });
    const { mean, sd } = meanSd(counts.slice(0, 7));
    expect(c1.upperbound[0]).toBeCloseTo(mean + Z_999 * sd, 12);
    expect(c1.upperbound[0]).toBeCloseTo(6.444329, 6); // R
    const c2 = earsC(counts, { method: 'C2' });
    expect(c2.upperbound[0]).toBeCloseTo(c1.upperbound[0], 12); // week 10 looks at weeks 1–7
    const w16 = meanSd(counts.slice(15 - 9, 15 - 2));
    expect(c2.upperbound[16 - 10]).toBeCloseTo(w16.mean + Z_999 * w16.sd, 12);
  });

  it('alarms on a count strictly above the threshold', () => {
    const flat = [4, 6, 4, 6, 4, 6, 4];
    const { mean, sd } = meanSd(flat);
    const bound = mean + Z_999 * sd;
    expect(earsC([...flat, Math.floor(bound)], { method: 'C1' }).alarmWeeks).toEqual([]);
    expect(earsC([...flat, Math.ceil(bound)], { method: 'C1' }).alarmWeeks).toEqual([8]);
    expect(earsC([...flat, 40], { method: 'C1', alpha: 0.5 }).upperbound[0]).toBeCloseTo(mean, 12);
  });

  it('treats a flat baseline like R: threshold = mean, so any rise alarms; minSigma raises it', () => {
    const series = [5, 5, 5, 5, 5, 5, 5, 6];
    expect(earsC(series, { method: 'C1' })).toMatchObject({ upperbound: [5], alarmWeeks: [8] });
    expect(earsC([5, 5, 5, 5, 5, 5, 5, 5], { method: 'C1' }).alarmWeeks).toEqual([]); // 5 > 5 is false
    const floored = earsC(series, { method: 'C1', minSigma: 1 });
    expect(floored.upperbound[0]).toBeCloseTo(5 + Z_999, 12);
    expect(floored.alarmWeeks).toEqual([]);
  });

  it('C3 follows the surveillance code: bound = y_t + sd·(z − L), so alarms come from the two weeks before t', () => {
    const base = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 11];
    const series = [...base, 30, 30, 11];
    const r = earsC(series, { method: 'C3' });
    expect(r.firstWeek).toBe(12);
    // Week 12 (the first spike) is judged on weeks 10 and 11 only: no alarm.
    expect(r.alarmWeeks).not.toContain(12);
    // Week 14 is an ordinary count after two spikes: R's C3 raises the alarm here.
    expect(r.alarmWeeks).toContain(14);
    const t = 14;
    const w = meanSd(series.slice(t - 10, t - 3));
    const c2 = (week: number): number => {
      const ref = meanSd(series.slice(week - 10, week - 3));
      return (series[week - 1] - ref.mean) / ref.sd;
    };
    const L = Math.max(0, c2(t - 1) - 1) + Math.max(0, c2(t - 2) - 1);
    expect(r.upperbound[t - 12]).toBeCloseTo(Math.max(0, series[t - 1] + w.sd * (Z_975 - L)), 12);
  });

  it('C3 has no threshold (NaN, R: NA) and no alarm where a flat baseline makes C2 0/0', () => {
    const r = earsC([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4], { method: 'C3' });
    expect(r.upperbound).toHaveLength(1);
    expect(r.upperbound[0]).toBeNaN();
    expect(r.alarmWeeks).toEqual([]);
  });

  it('returns no thresholds for a series too short for the method', () => {
    expect(earsC([1, 2, 3, 4, 5, 6, 7], { method: 'C1' })).toMatchObject({ firstWeek: 8, upperbound: [], alarmWeeks: [] });
    expect(earsC([], { method: 'C3' })).toMatchObject({ firstWeek: 12, upperbound: [], alarmWeeks: [] });
  });

  it('rejects bad options and counts', () => {
    expect(() => earsC(counts, { method: 'C1', baseline: 2 })).toThrow(RangeError);
    expect(() => earsC(counts, { method: 'C1', alpha: 0 })).toThrow(RangeError);
    expect(() => earsC(counts, { method: 'C4' as 'C1' })).toThrow(RangeError);
    expect(() => earsC([1, NaN, 3], { method: 'C1' })).toThrow(RangeError);
  });
});
