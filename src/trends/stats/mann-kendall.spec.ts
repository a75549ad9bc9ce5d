import { describe, expect, it } from '@jest/globals';
import { mannKendall } from './mann-kendall.js';

describe('mannKendall', () => {
  it('counts concordant minus discordant pairs and applies the continuity correction', () => {
    const r = mannKendall([1, 2, 3, 4, 5]);
    expect(r.S).toBe(10);
    expect(r.varS).toBeCloseTo((5 * 4 * 15) / 18, 12);
    expect(r.Z).toBeCloseTo(9 / Math.sqrt(300 / 18), 12);
    expect(r.pTwoSided).toBeCloseTo(0.027486336110787116, 10);
    expect(mannKendall([5, 4, 3, 2, 1]).Z).toBeCloseTo(-r.Z, 12);
  });

  it('corrects the variance for ties', () => {
    // Ties: two 1s and three 2s → Σ t(t−1)(2t+5) = 2·1·9 + 3·2·11 = 84.
    const r = mannKendall([1, 2, 1, 2, 2, 3]);
    expect(r.varS).toBeCloseTo((6 * 5 * 17 - 84) / 18, 12);
    // S: pairs (i<j) sign(x_j − x_i) = 1+0+1+1+1 −1+0+0+1 +1+1+1 +0+1 +1 = 9
    expect(r.S).toBe(9);
  });

  it('gives S = 0, Z = 0 and p = 1 for an all-equal series (zero variance)', () => {
    expect(mannKendall([7, 7, 7, 7])).toEqual({ S: 0, varS: 0, Z: 0, pTwoSided: 1 });
  });

  it('handles one or no week', () => {
    expect(mannKendall([3])).toEqual({ S: 0, varS: 0, Z: 0, pTwoSided: 1 });
    expect(mannKendall([])).toEqual({ S: 0, varS: 0, Z: 0, pTwoSided: 1 });
  });

  it('gives Z = 0 when S = 0 with non-zero variance, and S − 1 for S = 1', () => {
    const flat = mannKendall([2, 1, 2]);
    expect(flat.S).toBe(0);
    expect(flat.varS).toBeGreaterThan(0);
    expect(flat.Z).toBe(0);
    expect(flat.pTwoSided).toBe(1);
    const one = mannKendall([1, 3, 2]);
    expect(one.S).toBe(1);
    expect(one.Z).toBe(0);
  });
});
