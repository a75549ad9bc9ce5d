/**
 * Theil–Sen slope (SciPy theilslopes): the median of (y_j − y_i)/(x_j − x_i) over all pairs
 * with x_j > x_i. `x` defaults to 1, 2, …, n. Null when no such pair exists.
 */
export function senSlope(y: readonly number[], x?: readonly number[]): number | null {
  const n = y.length;
  if (x && x.length !== n) throw new RangeError(`x has ${x.length} values, y has ${n}`);
  if ([...y, ...(x ?? [])].some((v) => !Number.isFinite(v))) throw new RangeError('senSlope needs finite values');
  const at = (i: number): number => (x ? x[i] : i + 1);
  const slopes: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const dx = at(j) - at(i);
      if (dx > 0) slopes.push((y[j] - y[i]) / dx);
    }
  }
  if (slopes.length === 0) return null;
  const sorted = Float64Array.from(slopes).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
