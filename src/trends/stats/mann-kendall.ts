import { normalCdf } from './normal-cdf.js';

export interface MannKendallResult {
  S: number;
  /** Var(S) with the tie correction. */
  varS: number;
  /** (S − 1)/√varS for S > 0, (S + 1)/√varS for S < 0, 0 otherwise (continuity correction). */
  Z: number;
  pTwoSided: number;
}

/** Mann–Kendall trend test of a series against its order (R trend::mk.test). */
export function mannKendall(values: readonly number[]): MannKendallResult {
  const n = values.length;
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('mannKendall needs finite values');
  if (n < 2) return { S: 0, varS: 0, Z: 0, pTwoSided: 1 };
  let S = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) S += Math.sign(values[j] - values[i]);
  }
  const tieGroups = new Map<number, number>();
  for (const v of values) tieGroups.set(v, (tieGroups.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of tieGroups.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  if (S === 0 || !(varS > 0)) return { S, varS, Z: 0, pTwoSided: 1 };
  const Z = (S > 0 ? S - 1 : S + 1) / Math.sqrt(varS);
  return { S, varS, Z, pTwoSided: Math.min(1, 2 * normalCdf(-Math.abs(Z))) };
}
