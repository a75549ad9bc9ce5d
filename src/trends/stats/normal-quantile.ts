import { normalCdf } from './normal-cdf.js';

const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

/** Standard normal quantile Φ⁻¹(p) (R's qnorm), accurate to a few ulps. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) throw new RangeError(`normalQuantile needs 0 <= p <= 1, got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Solve in the lower tail, where Φ is computed with full relative precision, then mirror.
  return p < 0.5 ? lowerTailQuantile(p) : -lowerTailQuantile(1 - p);
}

function lowerTailQuantile(p: number): number {
  // Abramowitz & Stegun 26.2.23 (error < 4.5e-4) as the start, then Halley steps.
  const t = Math.sqrt(-2 * Math.log(p));
  let x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
  for (let i = 0; i < 8; i++) {
    const e = normalCdf(x) - p;
    const u = e * SQRT_TWO_PI * Math.exp((x * x) / 2);
    const step = u / (1 + (x * u) / 2);
    if (!Number.isFinite(step)) break;
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}
