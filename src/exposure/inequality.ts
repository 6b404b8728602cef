/**
 * Inequality of exposure between groups (districts): the Gini coefficient of
 * group means weighted by group size, and the ratio of the largest to the
 * smallest group mean.
 */
import { InvalidInputError } from '../core/index.js';

/**
 * Weighted Gini coefficient: G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 (Σ w)² μ),
 * μ = Σ w x / Σ w (Gini 1912; the weighted form treats each group as w_i
 * people with value x_i — here, residents of a district each carrying their
 * district's mean, so G measures inequality *between* districts only).
 * 0 = every group equal; tends to 1 when one small group carries everything.
 * Returns 0 when the weighted mean is 0 or there are fewer than two groups.
 *
 * @param values - group values, finite and ≥ 0
 * @param weights - group weights (e.g. residents), finite and ≥ 0; default all 1
 * @returns G in [0, 1)
 * @throws {InvalidInputError} a negative or non-finite value or weight, or lengths that differ
 * @example
 * gini([1, 1, 1]); // 0
 * gini([0, 0, 1]); // 2/3
 * @remarks O(n log n) (sorted cumulative form).
 */
export function gini(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const origin = 'gini';
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') throw new InvalidInputError(origin, 'values', 'must be an array of numbers', values);
  const n = values.length;
  if (weights !== undefined && (weights === null || typeof weights !== 'object' || weights.length !== n)) {
    throw new InvalidInputError(origin, 'weights', `must be an array of the same length as values (${n})`, weights);
  }
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (typeof x !== 'number' || !(x >= 0 && Number.isFinite(x))) throw new InvalidInputError(origin, `values[${i}]`, 'must be a finite number >= 0', x);
    const w = weights === undefined ? 1 : weights[i];
    if (typeof w !== 'number' || !(w >= 0 && Number.isFinite(w))) throw new InvalidInputError(origin, `weights[${i}]`, 'must be a finite number >= 0', w);
    idx.push(i);
  }
  idx.sort((a, b) => values[a] - values[b] || a - b);
  // Σ_i Σ_j w_i w_j |x_i − x_j| = 2 Σ_i w_i x_i (W_<i − W_>i), over the sorted order.
  let W = 0, S = 0;
  for (const i of idx) {
    const w = weights === undefined ? 1 : weights[i];
    W += w;
    S += w * values[i];
  }
  if (!(W > 0) || !(S > 0)) return 0;
  let below = 0;
  let sum = 0;
  for (const i of idx) {
    const w = weights === undefined ? 1 : weights[i];
    const above = W - below - w;
    sum += w * values[i] * (below - above);
    below += w;
  }
  const g = sum / (W * S); // = (2 Σ …) / (2 W² μ) with μ = S / W
  return g < 0 ? 0 : g;
}

/** Inequality of one metric between groups. */
export interface GroupInequality {
  /** Weighted Gini of the group means ({@link gini}). */
  gini: number;
  /** Largest and smallest group mean, and their groups. */
  max: number;
  min: number;
  maxGroup: string;
  minGroup: string;
  /** max / min; null when the smallest mean is 0 (the ratio is unbounded). */
  maxMinRatio: number | null;
  /** Number of groups compared. */
  groups: number;
}

/**
 * Gini and max/min ratio of group means, weighted by group sizes. Groups of
 * weight 0 are left out.
 *
 * @param ids - group ids (for max/min labels)
 * @param means - group means, finite and ≥ 0
 * @param weights - group sizes (e.g. residents), ≥ 0
 * @returns {@link GroupInequality}; with no group of positive weight: zeros, empty labels and a null ratio
 * @throws {InvalidInputError} mismatched lengths, negative or non-finite values
 * @example
 * groupInequality(['a', 'b'], [1, 3], [10, 10]).maxMinRatio; // 3
 */
export function groupInequality(ids: readonly string[], means: ArrayLike<number>, weights: ArrayLike<number>): GroupInequality {
  const origin = 'groupInequality';
  if (!Array.isArray(ids)) throw new InvalidInputError(origin, 'ids', 'must be an array of strings', ids);
  if (means?.length !== ids.length) throw new InvalidInputError(origin, 'means.length', `must equal ids.length (${ids.length})`, means?.length);
  if (weights?.length !== ids.length) throw new InvalidInputError(origin, 'weights.length', `must equal ids.length (${ids.length})`, weights?.length);
  const v: number[] = [], w: number[] = [], id: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const wi = weights[i];
    if (typeof wi !== 'number' || !(wi >= 0 && Number.isFinite(wi))) throw new InvalidInputError(origin, `weights[${i}]`, 'must be a finite number >= 0', wi);
    const mi = means[i];
    if (typeof mi !== 'number' || !(mi >= 0 && Number.isFinite(mi))) throw new InvalidInputError(origin, `means[${i}]`, 'must be a finite number >= 0', mi);
    if (wi === 0) continue;
    v.push(mi);
    w.push(wi);
    id.push(ids[i]);
  }
  if (v.length === 0) return { gini: 0, max: 0, min: 0, maxGroup: '', minGroup: '', maxMinRatio: null, groups: 0 };
  let hi = 0, lo = 0;
  for (let i = 1; i < v.length; i++) {
    if (v[i] > v[hi]) hi = i;
    if (v[i] < v[lo]) lo = i;
  }
  return {
    gini: gini(v, w),
    max: v[hi],
    min: v[lo],
    maxGroup: id[hi],
    minGroup: id[lo],
    maxMinRatio: v[lo] > 0 ? v[hi] / v[lo] : null,
    groups: v.length,
  };
}
