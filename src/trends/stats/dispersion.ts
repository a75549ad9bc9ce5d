import { garwoodInterval, type Interval } from './garwood-interval.js';

export interface Dispersion {
  /** Sample variance (n − 1) over mean of the weekly counts; null with fewer than 2 weeks or a zero mean. */
  ratio: number | null;
  /** Factor applied to the Garwood interval's half-widths: sqrt(max(1, ratio)). */
  scale: number;
  /** Interval for the mean weekly rate that stays honest under over-dispersion. */
  interval90: Interval;
  interval95: Interval;
}

/**
 * Dispersion of weekly counts and a quasi-Poisson interval for their mean.
 *
 * Court counts are often over-dispersed (batches of verdicts published together, holidays),
 * and then the Poisson interval is too narrow. Quasi-Poisson says Var = φ·mean, so the
 * interval's half-widths grow by sqrt(φ). We scale each side of the exact Garwood interval
 * around the observed mean instead of using a symmetric Wald or t interval because that:
 * - equals the exact Garwood interval when φ ≤ 1 (φ is floored at 1, as Farrington does),
 *   so an under-dispersed sample never gets an interval narrower than exact Poisson;
 * - keeps Garwood's asymmetry at small counts and a positive upper bound at k = 0, where a
 *   t interval on the weekly counts would collapse to a single point (sd 0);
 * - stays defined for one week, where no variance can be estimated (scale 1).
 */
export function dispersion(counts: readonly number[]): Dispersion {
  const n = counts.length;
  if (n === 0) throw new RangeError('dispersion needs at least one week');
  const total = counts.reduce((sum, c) => sum + c, 0);
  const mean = total / n;
  let ratio: number | null = null;
  if (n >= 2 && mean > 0) {
    const squares = counts.reduce((sum, c) => sum + (c - mean) ** 2, 0);
    ratio = squares / (n - 1) / mean;
  }
  const scale = Math.sqrt(Math.max(1, ratio ?? 1));
  const widen = ([low, high]: Interval): Interval => [
    Math.max(0, mean - scale * (mean - low)),
    mean + scale * (high - mean),
  ];
  return {
    ratio,
    scale,
    interval90: widen(garwoodInterval(total, n, 0.9)),
    interval95: widen(garwoodInterval(total, n, 0.95)),
  };
}
