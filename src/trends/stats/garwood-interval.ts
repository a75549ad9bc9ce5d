import { chiSquareQuantile } from './chi-square-quantile.js';

export type Interval = [low: number, high: number];

/**
 * Garwood's exact Poisson confidence interval for the mean weekly rate `total / weeks`
 * (statsmodels "exact-c"): [χ²(α/2; 2k) / 2, χ²(1 − α/2; 2k + 2) / 2] / weeks, with the
 * lower bound 0 when k = 0.
 */
export function garwoodInterval(total: number, weeks: number, confidence: number): Interval {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer, got ${total}`);
  if (!(weeks > 0) || !Number.isFinite(weeks)) throw new RangeError(`weeks must be positive, got ${weeks}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const alpha = 1 - confidence;
  const low = total === 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * total) / 2;
  const high = chiSquareQuantile(1 - alpha / 2, 2 * total + 2) / 2;
  return [low / weeks, high / weeks];
}
