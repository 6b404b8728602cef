import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { orderStatistics, selectKth, selectRanks } from '../../src/core/select.js';

/** Oracle: the value of each rank from a full sort (Float64Array order). */
function sortedCopy(a: Float64Array): Float64Array {
  return Float64Array.from(a).sort();
}

function randomColumn(seed: string, n: number, lo: number, hi: number, repeats: boolean): Float64Array {
  const rng = createRng(seed);
  const a = new Float64Array(n);
  // With repeats, values come from a few levels (ties are where partitioning goes wrong).
  for (let i = 0; i < n; i++) a[i] = repeats ? Math.floor(rng.uniform(0, 5)) : rng.uniform(lo, hi);
  return a;
}

describe('selectKth', () => {
  it('places rank 2 of [5, 1, 4, 2, 3] (worked by hand: sorted 1 2 3 4 5, rank 2 is 3)', () => {
    const a = Float64Array.of(5, 1, 4, 2, 3);
    selectKth(a, 2);
    expect(a[2]).toBe(3);
    expect([a[0], a[1]].sort()).toEqual([1, 2]);
    expect([a[3], a[4]].sort()).toEqual([4, 5]);
  });

  it('works within a sub-range and leaves the rest alone', () => {
    const a = Float64Array.of(100, 9, 7, 8, -100);
    // Sorting a[1..3] = 9, 7, 8 would give 7, 8, 9 at indices 1, 2, 3: index 2 holds 8.
    selectKth(a, 2, 1, 3);
    expect(a[2]).toBe(8);
    expect(a[0]).toBe(100);
    expect(a[4]).toBe(-100);
  });

  it('agrees with a full sort on random columns, small and above the 600-value sampling threshold, with and without ties', () => {
    for (const [n, repeats] of [[1, false], [2, false], [17, true], [601, false], [5000, false], [5000, true]] as const) {
      const base = randomColumn(`select-${n}-${repeats}`, n, -50, 50, repeats);
      const oracle = sortedCopy(base);
      const rng = createRng(`ranks-${n}`);
      for (let trial = 0; trial < 12; trial++) {
        const k = Math.floor(rng.uniform(0, n));
        const a = base.slice();
        selectKth(a, k);
        expect(a[k]).toBe(oracle[k]);
        for (let i = 0; i < k; i++) expect(a[i] <= a[k]).toBe(true);
        for (let i = k + 1; i < n; i++) expect(a[i] >= a[k]).toBe(true);
      }
    }
  });
});

describe('selectRanks', () => {
  it('places several ranks at once (worked by hand: sorted 1 2 3 7 8 9, ranks 1 and 4 are 2 and 8)', () => {
    const a = Float64Array.of(9, 7, 8, 1, 3, 2);
    selectRanks(a, Float64Array.of(1, 4), 0, 5, 0, 1);
    expect(a[1]).toBe(2);
    expect(a[4]).toBe(8);
  });

  it('agrees with a full sort for many ranks of a random column', () => {
    const base = randomColumn('select-ranks', 3000, 0, 1, false);
    const oracle = sortedCopy(base);
    const ranks = Float64Array.of(0, 1, 299, 300, 1499, 1500, 2699, 2700, 2999);
    const a = base.slice();
    selectRanks(a, ranks, 0, a.length - 1, 0, ranks.length - 1);
    for (const k of ranks) expect(a[k]).toBe(oracle[k]);
  });
});

describe('orderStatistics', () => {
  it('gives the ranks of a small column without modifying it', () => {
    const v = Float64Array.of(0.3, 0.1, 0.2);
    expect(Array.from(orderStatistics(v, Float64Array.of(0, 2), 0.1))).toEqual([0.1, 0.3]);
    expect(Array.from(v)).toEqual([0.3, 0.1, 0.2]);
  });

  it('agrees with a full sort through the histogram shortcut (non-negative) and the selection fallback (negative values)', () => {
    for (const [seed, lo, hi] of [['nonneg', 0, 1e6], ['mixed', -1e3, 1e3]] as const) {
      for (const repeats of [false, true]) {
        const v = randomColumn(`${seed}-${repeats}`, 20_000, lo, hi, repeats);
        const copy = v.slice();
        const oracle = sortedCopy(v);
        const ranks = Float64Array.of(0, 1999, 2000, 9999, 10_000, 17_999, 19_998, 19_999);
        const min = oracle[0];
        const got = orderStatistics(v, ranks, min);
        for (let j = 0; j < ranks.length; j++) expect(got[j]).toBe(oracle[ranks[j]]);
        expect(v).toEqual(copy);
      }
    }
  });

  it('handles a column of one repeated value (a histogram bucket that needs no selection)', () => {
    const v = new Float64Array(1000).fill(1);
    expect(Array.from(orderStatistics(v, Float64Array.of(0, 500, 999), 1))).toEqual([1, 1, 1]);
  });
});
