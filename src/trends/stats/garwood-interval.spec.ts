import { describe, expect, it } from '@jest/globals';
import { garwoodInterval } from './garwood-interval.js';

const close = (actual: number, expected: number): void => expect(Math.abs(actual - expected)).toBeLessThan(1e-9);

describe('garwoodInterval', () => {
  it('reproduces the worked numbers in research/anchors.md §7.2 (SciPy)', () => {
    const [lo, hi] = garwoodInterval(1300, 13, 0.95);
    close(lo, 94.63725867131812);
    close(hi, 105.58746267799802);
    const single = garwoodInterval(100, 1, 0.95);
    close(single[0], 81.36399125092315);
    close(single[1], 121.62679379242638);
    const ninety = garwoodInterval(1300, 13, 0.9);
    close(ninety[0], 95.48214551125074);
    close(ninety[1], 104.68399213522251);
  });

  it('has lower bound 0 and upper χ²(1 − α/2; 2)/2 / weeks when nothing was counted', () => {
    expect(garwoodInterval(0, 5, 0.95)[0]).toBe(0);
    close(garwoodInterval(0, 5, 0.95)[1], 0.737775890822787);
    close(garwoodInterval(0, 5, 0.9)[1], 0.5991464547107979);
  });

  it('narrows as the confidence drops and contains the mean', () => {
    const [lo95, hi95] = garwoodInterval(3, 1, 0.95);
    const [lo90, hi90] = garwoodInterval(3, 1, 0.9);
    close(lo90, 0.8176914471639533);
    close(hi90, 7.753656527932725);
    expect(lo95).toBeLessThan(lo90);
    expect(hi95).toBeGreaterThan(hi90);
    expect(lo90).toBeLessThan(3);
    expect(hi90).toBeGreaterThan(3);
  });

  it('rejects non-integer totals and empty periods', () => {
    expect(() => garwoodInterval(2.5, 3, 0.95)).toThrow(RangeError);
    expect(() => garwoodInterval(-1, 3, 0.95)).toThrow(RangeError);
    expect(() => garwoodInterval(10, 0, 0.95)).toThrow(RangeError);
    expect(() => garwoodInterval(10, 3, 1)).toThrow(RangeError);
  });
});
