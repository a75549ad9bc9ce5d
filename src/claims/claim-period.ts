import { addDays, parseIsoDate, weekStart } from '../common/iso-week.js';

const DAY = 86_400_000;

/**
 * The ISO weeks that stand for a calendar period: those whose Thursday falls inside it (the ISO rule
 * for which year a week belongs to), so H1 2023 is the 26 weeks from 2023-01-02 to 2023-06-26 and
 * June 2023 the 5 weeks from 2023-05-29. A period too short to hold a Thursday gets the weeks it touches.
 */
export function claimWeeks(from: string, to: string): { from: string; to: string } {
  const first = weekStart(addDays(from, 3));
  const last = weekStart(addDays(to, -3));
  return first <= last ? { from: first, to: last } : { from: weekStart(from), to: weekStart(to) };
}

/** Days in [from, to], both included. */
export function periodDays(from: string, to: string): number {
  return (parseIsoDate(to) - parseIsoDate(from)) / DAY + 1;
}

/** A period total as a weekly rate over the period's own days, so a 31-day month is not read as 4 or 5 weeks. */
export function totalPerWeek(total: number, from: string, to: string): number {
  return (total * 7) / periodDays(from, to);
}
