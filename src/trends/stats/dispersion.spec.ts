import { describe, expect, it } from '@jest/globals';
import { dispersion } from './dispersion.js';
import { garwoodInterval } from './garwood-interval.js';

describe('dispersion', () => {
  it('is the sample variance (n − 1) over the mean', () => {
    // mean 4, squared deviations 4 + 0 + 4 + 0 = 8, variance 8/3
    expect(dispersion([2, 4, 6, 4]).ratio).toBeCloseTo(8 / 3 / 4, 12);
  });

  it('keeps the exact Garwood interval when counts are not over-dispersed', () => {
    const counts = [100, 101, 99, 100, 100, 102, 98];
    const d = dispersion(counts);
    expect(d.ratio).toBeLessThan(1);
    expect(d.scale).toBe(1);
    expect(d.interval90).toEqual(garwoodInterval(700, 7, 0.9));
    expect(d.interval95).toEqual(garwoodInterval(700, 7, 0.95));
  });

  it('widens each side of the Garwood interval by sqrt(ratio) when over-dispersed', () => {
    const counts = [40, 160, 60, 140, 100, 20, 180];
    const d = dispersion(counts);
    const mean = 100;
    const [lo, hi] = garwoodInterval(700, 7, 0.9);
    expect(d.ratio).toBeGreaterThan(20);
    expect(d.scale).toBeCloseTo(Math.sqrt(d.ratio!), 12);
    expect(d.interval90[0]).toBeCloseTo(mean - d.scale * (mean - lo), 9);
    expect(d.interval90[1]).toBeCloseTo(mean + d.scale * (hi - mean), 9);
    expect(d.interval90[1] - d.interval90[0]).toBeGreaterThan(4 * (hi - lo));
  });

  it('never goes below zero', () => {
    const d = dispersion([0, 0, 0, 12, 0, 0]);
    expect(d.interval95[0]).toBe(0);
    expect(d.interval95[1]).toBeGreaterThan(2);
  });

  it('has no ratio with all-zero counts or a single week, and falls back to Garwood', () => {
    const zeros = dispersion([0, 0, 0]);
    expect(zeros.ratio).toBeNull();
    expect(zeros.interval90).toEqual(garwoodInterval(0, 3, 0.9));
    const one = dispersion([57]);
    expect(one.ratio).toBeNull();
    expect(one.interval95).toEqual(garwoodInterval(57, 1, 0.95));
  });

  it('is 0 for an all-equal series, which keeps the Poisson interval', () => {
    const d = dispersion([5, 5, 5, 5]);
    expect(d.ratio).toBe(0);
    expect(d.interval90).toEqual(garwoodInterval(20, 4, 0.9));
  });
});
