/**
 * Equal-width histograms for the report's distribution charts.
 */
import type { Histogram } from './result.js';

/**
 * Bins values into `bins` equal-width bins over [min, max] of the values
 * (or over [lo, hi] when given); the last bin is closed. All values equal:
 * one bin of width 1 around them. Empty input: no bins.
 *
 * @param values - the values (finite)
 * @param bins - number of bins (integer >= 1; default 30)
 * @param range - optional fixed [lo, hi] (values outside are clamped into the end bins)
 * @returns bin edges (bins + 1) and counts (bins)
 * @example histogram([0, 1, 1, 2], 2) // { binEdges: [0, 1, 2], counts: [1, 3] }
 *
 * Complexity: O(n).
 */
export function histogram(values: ArrayLike<number>, bins = 30, range?: readonly [number, number]): Histogram {
  const n = values.length;
  if (n === 0) return { binEdges: [], counts: [] };
  let lo = Infinity, hi = -Infinity;
  if (range) [lo, hi] = range;
  else {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(hi > lo)) {
    lo -= 0.5;
    hi = lo + 1;
    bins = 1;
  }
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    let b = Math.floor((values[i] - lo) / width);
    if (b < 0) b = 0;
    else if (b >= bins) b = bins - 1;
    counts[b]++;
  }
  const binEdges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  return { binEdges, counts };
}
