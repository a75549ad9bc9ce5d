import { describe, expect, it } from '@jest/globals';
import { addDays, parseIsoDate, weekStart, weeksBetween } from './iso-week.js';

describe('iso-week', () => {
  it('finds the Monday of a date, across a year boundary', () => {
    expect(weekStart('2023-01-01')).toBe('2022-12-26'); // a Sunday
    expect(weekStart('2023-01-02')).toBe('2023-01-02');
    expect(weekStart('2024-02-29')).toBe('2024-02-26');
  });

  it('lists the weeks of a period, both ends included', () => {
    expect(weeksBetween('2023-01-04', '2023-01-16')).toEqual(['2023-01-02', '2023-01-09', '2023-01-16']);
    expect(addDays('2023-12-30', 3)).toBe('2024-01-02');
  });

  it('rejects what is not a calendar date', () => {
    expect(() => parseIsoDate('2023-02-30')).toThrow(/calendar/);
    expect(() => parseIsoDate('30.01.2023')).toThrow(/ISO/);
  });
});
