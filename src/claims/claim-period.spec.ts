import { describe, expect, it } from '@jest/globals';
import { claimWeeks, periodDays, totalPerWeek } from './claim-period.js';

describe('claim periods', () => {
  it.each([
    ['2023-01-01', '2023-06-30', '2023-01-02', '2023-06-26'], // H1 2023: 26 weeks
    ['2023-06-01', '2023-06-30', '2023-05-29', '2023-06-26'], // June 2023: Thursday 1 June counts
    ['2024-03-01', '2024-03-31', '2024-03-04', '2024-03-25'],
    ['2023-01-06', '2023-01-07', '2023-01-02', '2023-01-02'], // no Thursday inside: the weeks it touches
  ])('%s..%s stands for the weeks %s..%s', (from, to, first, last) => {
    expect(claimWeeks(from, to)).toEqual({ from: first, to: last });
  });

  it('turns a period total into a weekly rate over the period’s days', () => {
    expect(periodDays('2024-03-01', '2024-03-31')).toBe(31);
    expect(totalPerWeek(684, '2024-03-01', '2024-03-31')).toBeCloseTo(154.45, 2);
    expect(totalPerWeek(2076, '2023-01-01', '2023-06-30')).toBeCloseTo(80.29, 2);
  });
});
