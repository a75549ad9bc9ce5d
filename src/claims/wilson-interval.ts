import { normalQuantile } from '../trends/stats/normal-quantile.js';

/** Wilson score interval for a binomial share `k / n` (null when n = 0). */
export function wilsonInterval(k: number, n: number, confidence: number): [number, number] | null {
  if (n === 0) return null;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = k / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
