import type { Method } from './alert-filters.js';
import { earsC } from './ears.js';

/** One week judged by EARS: its count, the threshold it had to exceed, and whether it did. */
export interface WeekJudgement {
  index: number;
  week: string;
  observed: number;
  threshold: number;
  alarm: boolean;
}

/**
 * Runs EARS (R's surveillance::earsC, defaults: baseline 7, alpha 0.001 for C1/C2, 0.025 for C3) over the
 * whole series and returns the verdicts for the weeks from `fromIndex` on. `minSigma` floors the baseline's
 * standard deviation (R's default 0 lets one case after seven empty weeks alarm). Weeks too early for the method's
 * baseline have no threshold and are left out.
 */
export function detectSpikes(weeks: string[], counts: number[], method: Method, fromIndex: number, minSigma = 0): WeekJudgement[] {
  const result = earsC(counts, { method, minSigma });
  const alarms = new Set(result.alarmWeeks);
  const out: WeekJudgement[] = [];
  for (let i = Math.max(0, fromIndex); i < counts.length; i++) {
    const threshold = result.upperbound[i + 1 - result.firstWeek]; // upperbound[k] is for week firstWeek + k (1-based)
    if (threshold === undefined || !Number.isFinite(threshold)) continue;
    out.push({ index: i, week: weeks[i], observed: counts[i], threshold, alarm: alarms.has(i + 1) });
  }
  return out;
}
