import { describe, expect, it } from '@jest/globals';
import { chiSquareQuantile } from './chi-square-quantile.js';
import { logGamma } from './log-gamma.js';
import { normalCdf } from './normal-cdf.js';
import { normalQuantile } from './normal-quantile.js';
import { regularizedGamma } from './regularized-gamma.js';

// Expected values from SciPy 1.17 (scipy.stats / scipy.special).
const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('chiSquareQuantile', () => {
  it.each([
    [0.025, 2, 0.05063561596857975],
    [0.975, 2, 7.377758908227871],
    [0.5, 1, 0.454936423119572],
    [0.05, 200, 168.27855443662838],
    [0.95, 202, 236.15854556419413],
    [0.025, 2600, 2460.5687254542713],
    [0.975, 2602, 2745.2740296279485],
    [1e-10, 3, 5.20939762143448e-7],
    [0.999999, 20000, 20965.122329276513],
  ])('chi2.ppf(%p, %p) = %p to 1e-10 relative', (p, df, expected) => {
    expect(relative(chiSquareQuantile(p, df), expected)).toBeLessThan(1e-10);
  });

  it('inverts the distribution function', () => {
    for (const df of [0.3, 1, 2, 7, 61, 999, 12_000]) {
      for (const p of [1e-8, 0.01, 0.3, 0.5, 0.9, 0.999]) {
        const x = chiSquareQuantile(p, df);
        expect(relative(regularizedGamma(df / 2, x / 2), p)).toBeLessThan(1e-10);
      }
    }
  });

  it('handles the ends and rejects bad input', () => {
    expect(chiSquareQuantile(0, 4)).toBe(0);
    expect(chiSquareQuantile(1, 4)).toBe(Infinity);
    expect(() => chiSquareQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => chiSquareQuantile(1.5, 3)).toThrow(RangeError);
  });
});

describe('normal distribution', () => {
  it('matches SciPy norm.cdf / norm.sf, including far tails', () => {
    expect(relative(normalCdf(1.96), 0.9750021048517795)).toBeLessThan(1e-14);
    expect(relative(normalCdf(0.3), 0.6179114221889526)).toBeLessThan(1e-14);
    expect(relative(normalCdf(-8), 6.22096057427174e-16)).toBeLessThan(1e-12);
    expect(relative(normalCdf(11.865884, false), 8.900613255167956e-33)).toBeLessThan(1e-12);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('normalQuantile matches R qnorm / SciPy norm.ppf', () => {
    expect(relative(normalQuantile(0.999), 3.090232306167813)).toBeLessThan(1e-14);
    expect(relative(normalQuantile(0.975), 1.959963984540054)).toBeLessThan(1e-14);
    expect(relative(normalQuantile(0.3), -0.5244005127080409)).toBeLessThan(1e-14);
    expect(relative(normalQuantile(1e-20), -9.262340089798409)).toBeLessThan(1e-14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
  });
});

describe('gamma functions', () => {
  it('logGamma matches SciPy gammaln', () => {
    expect(relative(logGamma(0.5), 0.5723649429247)).toBeLessThan(1e-14);
    expect(relative(logGamma(1000.5), 5908.674175848678)).toBeLessThan(1e-14);
    expect(relative(logGamma(1e-3), 6.907178885383853)).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
  });

  it('regularizedGamma matches SciPy gammainc / gammaincc in both tails', () => {
    expect(relative(regularizedGamma(3, 2), 0.32332358381693654)).toBeLessThan(1e-13);
    expect(relative(regularizedGamma(3, 2, true), 0.6766764161830634)).toBeLessThan(1e-13);
    expect(relative(regularizedGamma(100, 150, true), 5.924540335483916e-6)).toBeLessThan(1e-11);
    expect(relative(regularizedGamma(0.5, 1e-4), 0.011283415555849632)).toBeLessThan(1e-13);
    expect(regularizedGamma(2, 0)).toBe(0);
    expect(regularizedGamma(2, Infinity, true)).toBe(0);
  });
});
