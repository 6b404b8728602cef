/**
 * Spread sampling of candidate sites: when a placement strategy has more
 * sites than cameras, it picks the sites over the whole study area, never the
 * first ones in scan order.
 *
 * Method: the sites are ordered along a Hilbert curve over their bounding box
 * (neighbours on the curve are neighbours on the map), laid end to end with
 * lengths equal to their weights, and cut by a systematic sample with a
 * seeded random start (one pick every `total weight / count`). Each stretch
 * of the curve holding 1/count of the weight therefore gets exactly one pick:
 * a stratified sample over space, weighted by the strategy's own weight.
 */
import type { Rng } from '../core/index.js';

/** Order of the Hilbert curve: a 2^16 × 2^16 grid over the sites' bounding box. */
const HILBERT_ORDER = 16;

/** Hilbert index of the cell (x, y) of a 2^order grid (the classic rotate-and-flip walk). */
function hilbertIndex(x: number, y: number, order: number): number {
  let d = 0;
  for (let s = 1 << (order - 1); s > 0; s >>>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

/**
 * The sites in Hilbert-curve order (ties by site index), as site indices.
 * @internal
 */
export function hilbertOrder(x: ArrayLike<number>, y: ArrayLike<number>, n: number): Uint32Array {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (x[i] < minX) minX = x[i];
    if (x[i] > maxX) maxX = x[i];
    if (y[i] < minY) minY = y[i];
    if (y[i] > maxY) maxY = y[i];
  }
  const side = Math.max(maxX - minX, maxY - minY);
  const cells = (1 << HILBERT_ORDER) - 1;
  const scale = side > 0 ? cells / side : 0;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = hilbertIndex(Math.round((x[i] - minX) * scale), Math.round((y[i] - minY) * scale), HILBERT_ORDER);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => key[a] - key[b] || a - b);
  return order;
}

/**
 * Picks `count` of `n` sites spread over the area they cover: a systematic
 * sample along the Hilbert order of the sites, each site taking a stretch as
 * long as its weight (all 1 when `weight` is null), from a random start drawn
 * from `rng`. With equal weights and `count <= n` no site is picked twice; a
 * site heavier than `total / count` may be picked more than once (its index
 * is then repeated).
 *
 * @param x - site x, metres
 * @param y - site y, metres
 * @param n - number of sites (> 0 when count > 0)
 * @param count - number of picks (integer >= 0)
 * @param rng - the random stream of the start
 * @param weight - per-site weight (>= 0, total > 0), or null for equal weights
 * @returns the picked site indices, ascending (back in scan order)
 * @internal
 */
export function spreadSample(x: ArrayLike<number>, y: ArrayLike<number>, n: number, count: number, rng: Rng, weight: ArrayLike<number> | null = null): Uint32Array {
  const out = new Uint32Array(count);
  if (count === 0 || n === 0) return out;
  const order = hilbertOrder(x, y, n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weight === null ? 1 : weight[i];
  const step = total / count;
  let target = rng.next() * step;
  let acc = 0;
  let k = 0;
  for (let q = 0; q < n && k < count; q++) {
    const s = order[q];
    acc += weight === null ? 1 : weight[s];
    while (k < count && target < acc) {
      out[k++] = s;
      target += step;
    }
  }
  // Rounding at the very end of the curve: the last picks go to the last site with weight.
  for (let q = n - 1; k < count && q >= 0; q--) {
    const s = order[q];
    if (weight === null || weight[s] > 0) while (k < count) out[k++] = s;
  }
  return out.sort();
}
