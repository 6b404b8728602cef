/**
 * Selection (order statistics without a full sort) on Float64Array columns:
 * Floyd–Rivest selection of one rank, several ranks at once, and an exact
 * histogram shortcut for non-negative doubles. Used by the exact quantile
 * summaries of large columns (./quantile-summary.ts).
 *
 * Values are compared with `<` and `>`: NaN is not supported, and −0 and +0
 * count as equal (either may end up at a rank where both occur).
 */

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Floyd–Rivest selection, in place: afterwards `a[k]` holds the value that
 * sorting `a[left..right]` ascending would put at index k (rank `k − left`
 * within the range), no larger value stands left of it and no smaller one
 * right of it (within `left..right`). Unchecked (for hot paths):
 * `left ≤ k ≤ right` must be indices of `a`.
 *
 * @param a - the values; permuted within `left..right`
 * @param k - the index whose sorted value is wanted, in `left..right`
 * @param left - first index of the range (default 0)
 * @param right - last index of the range, inclusive (default `a.length − 1`)
 * @returns nothing; `a[k]` holds the k-th smallest value afterwards
 * @example
 * const a = Float64Array.of(5, 1, 4, 2, 3);
 * selectKth(a, 2); // a[2] === 3, a[0..1] ⊆ {1, 2}, a[3..4] ⊆ {4, 5}
 * @remarks Expected O(right − left); sampling (ranges above 600 values) keeps the pivot close to rank k.
 */
export function selectKth(a: Float64Array, k: number, left = 0, right = a.length - 1): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectKth(a, k, newLeft, newRight);
    }
    const t = a[k];
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/**
 * Puts the values at indices `ranks[rLo..rHi]` in their sorted places, in
 * place, within `a[lo..hi]`: afterwards `a[ranks[j]]` is what sorting
 * `a[lo..hi]` would put there, as {@link selectKth} would leave it. Divide and conquer: select the
 * middle rank, then the ranks left of it in the part left of it and those
 * right of it in the part right of it. Unchecked.
 *
 * @param a - the values; permuted within `lo..hi`
 * @param ranks - wanted indices, ascending, distinct, within `lo..hi`
 * @param lo - first index of the range
 * @param hi - last index of the range, inclusive
 * @param rLo - first entry of `ranks` to place
 * @param rHi - last entry of `ranks` to place, inclusive
 * @returns nothing; `a` is permuted
 * @example
 * const a = Float64Array.of(9, 7, 8, 1, 3, 2);
 * selectRanks(a, Float64Array.of(1, 4), 0, 5, 0, 1); // a[1] === 2, a[4] === 8
 * @remarks Expected O(n log #ranks) for n = hi − lo + 1.
 */
export function selectRanks(a: Float64Array, ranks: Float64Array, lo: number, hi: number, rLo: number, rHi: number): void {
  while (rLo <= rHi && lo < hi) {
    const mid = (rLo + rHi) >> 1;
    const k = ranks[mid];
    selectKth(a, k, lo, hi);
    // Recurse on the smaller side of the ranks, loop on the other.
    if (mid - rLo < rHi - mid) {
      selectRanks(a, ranks, lo, k - 1, rLo, mid - 1);
      lo = k + 1;
      rLo = mid + 1;
    } else {
      selectRanks(a, ranks, k + 1, hi, mid + 1, rHi);
      hi = k - 1;
      rHi = mid - 1;
    }
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const BUCKET_BITS = 16;

/**
 * Order statistics of non-negative doubles by one histogram pass and one
 * gathering pass: for non-negative IEEE doubles the high 16 bits of the bit
 * pattern (sign, exponent, 4 mantissa bits) order the values by bucket, so
 * each wanted rank falls in a known bucket; only those buckets' values are
 * gathered and selected. Exact. Returns null if a value has its sign bit set.
 */
function bucketSelect(values: Float64Array, ranks: Float64Array): Float64Array | null {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const shift = 32 - BUCKET_BITS;
  const hist = new Uint32Array(1 << BUCKET_BITS);
  for (let i = 0; i < n; i++) hist[words[2 * i + 1] >>> shift]++;
  if (hist.subarray(1 << (BUCKET_BITS - 1)).some((c) => c > 0)) return null; // sign bit set (−0 or negative)
  // Bucket and rank within the bucket for every wanted rank (ranks ascending).
  const m = ranks.length;
  const bucketOf = new Int32Array(m);
  const localRank = new Float64Array(m);
  const slot = new Int32Array(1 << BUCKET_BITS).fill(-1);
  const sizes: number[] = [];
  let cum = 0;
  let b = 0;
  for (let j = 0; j < m; j++) {
    while (cum + hist[b] <= ranks[j]) cum += hist[b++];
    bucketOf[j] = b;
    localRank[j] = ranks[j] - cum;
    if (slot[b] === -1) {
      slot[b] = sizes.length;
      sizes.push(hist[b]);
    }
  }
  const gathered = sizes.map((size) => new Float64Array(size));
  const fill = new Int32Array(sizes.length);
  for (let i = 0; i < n; i++) {
    const sl = slot[words[2 * i + 1] >>> shift];
    if (sl >= 0) gathered[sl][fill[sl]++] = values[i];
  }
  const out = new Float64Array(m);
  for (let j = 0; j < m; ) {
    // The wanted ranks in this bucket, selected together.
    let e = j;
    while (e + 1 < m && bucketOf[e + 1] === bucketOf[j]) e++;
    const arr = gathered[slot[bucketOf[j]]];
    // A bucket of one repeated value (e.g. probabilities piled on 1) needs no selection.
    const first = arr[0];
    let same = true;
    for (let i = 1; i < arr.length && same; i++) same = arr[i] === first;
    if (!same) selectRanks(arr, localRank.slice(j, e + 1), 0, arr.length - 1, 0, e - j);
    for (let q = j; q <= e; q++) out[q] = same ? first : arr[localRank[q]];
    j = e + 1;
  }
  return out;
}

/**
 * The values of the given ranks (0-based) of a column, exactly, without
 * sorting it and without modifying it: when `min` (the column's smallest
 * value) is ≥ +0, a histogram of the values' high bits finds the few buckets
 * that hold the wanted ranks and only those are selected; otherwise
 * {@link selectRanks} on one scratch copy. Unchecked.
 *
 * @param values - the column (not modified; no NaN), at least one value
 * @param ranks - wanted ranks, ascending, distinct, in `[0, values.length)`
 * @param min - the smallest value of `values` (enables the histogram shortcut when ≥ +0)
 * @returns `out[j]` = value of rank `ranks[j]`
 * @example
 * orderStatistics(Float64Array.of(0.3, 0.1, 0.2), Float64Array.of(0, 2), 0.1) // [0.1, 0.3]
 * @remarks O(n) for non-negative columns (two passes); expected O(n log #ranks) otherwise.
 */
export function orderStatistics(values: Float64Array, ranks: Float64Array, min: number): Float64Array {
  const picked = min >= 0 && !Object.is(min, -0) && LITTLE_ENDIAN ? bucketSelect(values, ranks) : null;
  if (picked !== null) return picked;
  const scratch = values.slice();
  selectRanks(scratch, ranks, 0, values.length - 1, 0, ranks.length - 1);
  const out = new Float64Array(ranks.length);
  for (let j = 0; j < ranks.length; j++) out[j] = scratch[ranks[j]];
  return out;
}
