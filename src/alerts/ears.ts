import { normalQuantile } from '../trends/stats/normal-quantile.js';

export type EarsMethod = 'C1' | 'C2' | 'C3';

export interface EarsOptions {
  method: EarsMethod;
  /** Weeks in the reference window (R default 7, at least 3). */
  baseline?: number;
  /** R defaults: 0.001 for C1 and C2, 0.025 for C3. */
  alpha?: number;
  /** Floor for the baseline standard deviation (R default 0). */
  minSigma?: number;
}

export interface EarsResult {
  method: EarsMethod;
  alpha: number;
  baseline: number;
  /** First week (1-based) that can be judged: baseline + 1, + 3 or + 5 for C1, C2, C3. */
  firstWeek: number;
  /** upperbound[i] is the threshold for week firstWeek + i; NaN where R gives NA (flat baseline under C3). */
  upperbound: number[];
  /** Weeks (1-based) whose count exceeded their threshold. */
  alarmWeeks: number[];
}

/**
 * EARS C1/C2/C3 exactly as R's surveillance::earsC (1.20.x) computes them, over weeks
 * firstWeek..n. A series shorter than firstWeek yields no thresholds and no alarms.
 *
 * C1: threshold = mean + z·max(sd, minSigma) of the `baseline` weeks before t.
 * C2: the same with the window lagged by 2 weeks (t − baseline − 2 … t − 3).
 * C3: R's code, not the statistic in its Rd: threshold = y_t + max(sd₂(t), minSigma)·(z − L),
 *     floored at 0, where L = Σ max(0, C2(t−i) − 1) over i = 1, 2. So a C3 alarm means
 *     L > z: it fires on the two weeks *before* t, whatever y_t is. Reproduced as is because
 *     the published reference values come from that code.
 * sd is the sample standard deviation (n − 1); alarms are y_t > threshold, as in R.
 */
export function earsC(counts: readonly number[], options: EarsOptions): EarsResult {
  const { method } = options;
  if (method !== 'C1' && method !== 'C2' && method !== 'C3') throw new RangeError(`unknown EARS method ${String(method)}`);
  const baseline = options.baseline ?? 7;
  const alpha = options.alpha ?? (method === 'C3' ? 0.025 : 0.001);
  const minSigma = options.minSigma ?? 0;
  if (!Number.isInteger(baseline) || baseline < 3) throw new RangeError(`baseline must be an integer >= 3, got ${baseline}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(minSigma >= 0)) throw new RangeError(`minSigma must be >= 0, got ${minSigma}`);
  if (counts.some((c) => !Number.isFinite(c))) throw new RangeError('counts must be finite numbers');

  const z = normalQuantile(1 - alpha);
  const firstWeek = baseline + (method === 'C1' ? 1 : method === 'C2' ? 3 : 5);
  const lag = method === 'C1' ? 0 : 2;
  const y = (week: number): number => counts[week - 1];

  // Mean and sample sd of the reference window for week t (1-based).
  const reference = (t: number): { mean: number; sd: number } => {
    let sum = 0;
    for (let w = t - lag - baseline; w < t - lag; w++) sum += y(w);
    const mean = sum / baseline;
    let squares = 0;
    for (let w = t - lag - baseline; w < t - lag; w++) squares += (y(w) - mean) ** 2;
    return { mean, sd: Math.max(Math.sqrt(squares / (baseline - 1)), minSigma) };
  };
  const c2 = (t: number): number => {
    const { mean, sd } = reference(t);
    return (y(t) - mean) / sd;
  };

  const upperbound: number[] = [];
  const alarmWeeks: number[] = [];
  for (let t = firstWeek; t <= counts.length; t++) {
    const { mean, sd } = reference(t);
    let bound: number;
    if (method === 'C3') {
      const exceedance = Math.max(0, c2(t - 1) - 1) + Math.max(0, c2(t - 2) - 1);
      // Math.max propagates NaN like R's pmax, so a 0/0 C2 leaves the bound undefined (R: NA).
      bound = Math.max(0, y(t) + sd * (z - exceedance));
    } else {
      bound = mean + z * sd;
    }
    upperbound.push(bound);
    if (y(t) > bound) alarmWeeks.push(t);
  }
  return { method, alpha, baseline, firstWeek, upperbound, alarmWeeks };
}
