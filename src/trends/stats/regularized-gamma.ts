import { logGamma } from './log-gamma.js';

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/**
 * Regularized incomplete gamma P(a, x) = γ(a, x) / Γ(a), or its complement Q(a, x) when
 * `upper` is true. Each tail is computed directly (never as 1 − the other) where it is
 * small, so both keep full relative precision far into the tails.
 */
export function regularizedGamma(a: number, x: number, upper = false): number {
  if (!(a > 0)) throw new RangeError(`regularizedGamma needs a > 0, got ${a}`);
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  if (x < a + 1) {
    const p = lowerSeries(a, x);
    return upper ? 1 - p : p;
  }
  const q = upperContinuedFraction(a, x);
  return upper ? q : 1 - q;
}

function prefix(a: number, x: number): number {
  return Math.exp(a * Math.log(x) - x - logGamma(a));
}

function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * prefix(a, x);
}

// Modified Lentz evaluation of the continued fraction for Q(a, x) (Numerical Recipes 6.2.7).
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h * prefix(a, x);
}
