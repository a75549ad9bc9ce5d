import { logGamma } from './log-gamma.js';
import { normalQuantile } from './normal-quantile.js';
import { regularizedGamma } from './regularized-gamma.js';

/**
 * Quantile of the chi-square distribution with `df` degrees of freedom (SciPy chi2.ppf,
 * R qchisq): the x with P(df/2, x/2) = p, found by safeguarded Halley iteration on the
 * regularized incomplete gamma. Relative error below 1e-12 across the range used here.
 */
export function chiSquareQuantile(p: number, df: number): number {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`chiSquareQuantile needs df > 0, got ${df}`);
  if (Number.isNaN(p) || p < 0 || p > 1) throw new RangeError(`chiSquareQuantile needs 0 <= p <= 1, got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  return 2 * gammaQuantile(p, df / 2);
}

function gammaQuantile(p: number, a: number): number {
  // Work on whichever tail is smaller so the target keeps its relative precision.
  const lower = p <= 0.5;
  const target = lower ? p : 1 - p;
  const logGammaA = logGamma(a);

  const error = (y: number): number =>
    lower ? regularizedGamma(a, y) - p : target - regularizedGamma(a, y, true);

  // Bracket the root: error(0) < 0, and error grows with y.
  let y = initialGuess(p, a, logGammaA);
  let lo = 0;
  let hi = y > 0 ? y : Number.MIN_VALUE;
  while (error(hi) < 0 && hi < Number.MAX_VALUE) {
    lo = hi;
    hi *= 2;
  }
  if (!(y > lo && y < hi)) y = lo + (hi - lo) / 2;

  // Halley steps inside the bracket, falling back to bisection when a step leaves it or
  // does not shrink fast enough (Numerical Recipes' rtsafe safeguard).
  let dx = hi - lo;
  let dxOld = dx;
  for (let i = 0; i < 1000; i++) {
    const e = error(y);
    if (e === 0) return y;
    if (e > 0) hi = y;
    else lo = y;
    const density = Math.exp((a - 1) * Math.log(y) - y - logGammaA);
    let step = NaN;
    if (density > 0 && Number.isFinite(density)) {
      const newton = e / density;
      const denominator = 1 - 0.5 * newton * ((a - 1) / y - 1);
      step = denominator > 0.5 ? newton / denominator : newton;
    }
    const next = y - step;
    dxOld = dx;
    if (next > lo && next < hi && Math.abs(step) <= 0.5 * Math.abs(dxOld)) {
      dx = step;
      y = next;
    } else {
      dx = (hi - lo) / 2;
      y = lo + dx;
    }
    if (Math.abs(dx) <= 1e-15 * y || hi - lo <= 1e-15 * hi) return y;
  }
  return y;
}

function initialGuess(p: number, a: number, logGammaA: number): number {
  // Wilson–Hilferty for the chi-square variable, halved to the gamma scale.
  const df = 2 * a;
  const z = normalQuantile(p);
  const c = 2 / (9 * df);
  const wh = (df * Math.pow(1 - c + z * Math.sqrt(c), 3)) / 2;
  if (wh > 0) return wh;
  // Wilson–Hilferty goes negative for small df far in the lower tail; there P(a, y) ≈ y^a / Γ(a + 1).
  return Math.exp((Math.log(p) + logGammaA + Math.log(a)) / a);
}
