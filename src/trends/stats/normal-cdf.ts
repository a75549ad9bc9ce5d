import { regularizedGamma } from './regularized-gamma.js';

/**
 * Standard normal distribution function Φ(x), or the upper tail 1 − Φ(x) when `lowerTail`
 * is false (R's pnorm). Uses erfc(y) = Q(1/2, y²), so tails such as p-values of large |Z|
 * keep full relative precision.
 */
export function normalCdf(x: number, lowerTail = true): number {
  if (Number.isNaN(x)) return NaN;
  const z = lowerTail ? x : -x;
  const halfTail = 0.5 * regularizedGamma(0.5, (z * z) / 2, true);
  return z < 0 ? halfTail : 1 - halfTail;
}
