import { describe, expect, it } from '@jest/globals';
import { senSlope } from './sen-slope.js';

describe('senSlope', () => {
  it('is the median pairwise slope (SciPy theilslopes), averaging the middle two', () => {
    expect(senSlope([1, 3, 2, 5, 4])).toBeCloseTo(0.875, 12);
  });

  it('uses the given x, e.g. calendar weeks with gaps', () => {
    expect(senSlope([1, 3, 2, 5], [1, 2, 4, 7])).toBeCloseTo(0.5333333333333333, 12);
  });

  it('ignores the level of the series and its outliers', () => {
    expect(senSlope([100, 102, 104, 106, 1000, 110])).toBe(2);
  });

  it('is 0 for an all-equal series and null below two weeks', () => {
    expect(senSlope([4, 4, 4])).toBe(0);
    expect(senSlope([4])).toBeNull();
    expect(senSlope([])).toBeNull();
  });
});
