/**
 * The percentile bootstrap of a mean over groups: checked against the
 * closed-form interval of a large sample's mean, against a brute-force
 * recomputation on a tiny input (same draws, naive code, simple-statistics'
 * quantiles), for reproducibility, and for its typed errors.
 */
import { describe, expect, test } from 'vitest';
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { bootstrapMeanInterval, bootstrapMeanIntervals, BOOTSTRAP_DEFAULTS } from '../../src/core/bootstrap-interval.js';
import { createRng } from '../../src/core/random.js';
import { InvalidInputError } from '../../src/core/errors.js';

/** A skewed (exponential) sample of n values from a seeded stream. */
function sample(n: number, seed: string): Float64Array {
  const rng = createRng(seed);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = -Math.log(1 - rng.next()) * 10;
  return v;
}

describe('bootstrapMeanInterval', () => {
  test('large sample: ≈ mean ± 1.645·sd/√n (closed form)', () => {
    const n = 20_000;
    const v = sample(n, 'big');
    const i = bootstrapMeanInterval(v, { seed: 'b' });
    const m = mean(Array.from(v));
    const half = (1.6448536 * sampleStandardDeviation(Array.from(v))) / Math.sqrt(n);
    expect(i.estimate).toBeCloseTo(m, 9);
    expect(i.level).toBe(0.9);
    expect(i.resamples).toBe(BOOTSTRAP_DEFAULTS.resamples);
    expect(i.lo).toBeLessThan(m);
    expect(i.hi).toBeGreaterThan(m);
    // 2,000 resamples: each bound within 10 % of the half-width of the normal interval.
    expect(Math.abs(i.lo - (m - half))).toBeLessThan(0.1 * half);
    expect(Math.abs(i.hi - (m + half))).toBeLessThan(0.1 * half);
    expect(i.method).toBe('percentile bootstrap, 2,000 resamples of 20,000 rows with replacement');
  });

  test('groups of correlated rows: resampling groups widens the interval as the correlation demands', () => {
    // 2,000 groups of 5 identical rows: the group mean is the unit, so the interval is that of 2,000 values, not 10,000.
    const g = sample(2000, 'groups');
    const rows = new Float64Array(10_000);
    for (let r = 0; r < rows.length; r++) rows[r] = g[Math.floor(r / 5)];
    const byGroup = bootstrapMeanInterval(rows, { rowsPerGroup: 5, seed: 1 });
    const half = (1.6448536 * sampleStandardDeviation(Array.from(g))) / Math.sqrt(2000);
    expect((byGroup.hi - byGroup.lo) / 2).toBeGreaterThan(0.9 * half);
    expect((byGroup.hi - byGroup.lo) / 2).toBeLessThan(1.1 * half);
    const byRow = bootstrapMeanInterval(rows, { seed: 1 });
    expect(byRow.hi - byRow.lo).toBeLessThan(0.6 * (byGroup.hi - byGroup.lo)); // ≈ 1/√5 as wide: wrong for correlated rows
    expect(byGroup.numGroups).toBe(2000);
    expect(byGroup.method).toContain('2,000 groups of 5 rows');
  });

  test('tiny input: equals a brute-force recomputation with the same draws (simple-statistics quantiles)', () => {
    const values = Float64Array.from([1, 4, 0, 2, 7, 3, 5, 0.5, 9]); // 3 groups of 3 rows
    const weights = Float64Array.from([1, 0, 1, 1, 1, 0, 0, 0, 1]);
    const opts = { rowsPerGroup: 3, resamples: 250, level: 0.8, seed: 'tiny' };
    const plain = bootstrapMeanInterval(values, opts);
    // Brute force: redraw the groups from the same stream, recompute each mean from the rows themselves.
    const rng = createRng('tiny');
    const plainStats: number[] = [];
    const ratioStats: number[] = [];
    for (let b = 0; b < 250; b++) {
      const picks = [0, 1, 2].map(() => Math.floor(rng.next() * 3));
      const rowsDrawn = picks.flatMap((g) => [3 * g, 3 * g + 1, 3 * g + 2]);
      plainStats.push(rowsDrawn.reduce((s, r) => s + values[r], 0) / rowsDrawn.length);
      const w = rowsDrawn.reduce((s, r) => s + weights[r], 0);
      ratioStats.push(w > 0 ? rowsDrawn.reduce((s, r) => s + values[r] * (weights[r] > 0 ? 1 : 0), 0) / w : 0);
    }
    plainStats.sort((a, b) => a - b);
    ratioStats.sort((a, b) => a - b);
    expect(plain.lo).toBeCloseTo(quantileSorted(plainStats, 0.1), 12);
    expect(plain.hi).toBeCloseTo(quantileSorted(plainStats, 0.9), 12);
    expect(plain.estimate).toBeCloseTo(mean(Array.from(values)), 12);
    // Weights of 0 and 1 with the values zeroed where the weight is 0: the mean over the rows of weight 1 (Σ values / Σ weights).
    const ratioWeighted = bootstrapMeanInterval(Float64Array.from(values, (x, r) => x * weights[r]), { ...opts, weights });
    expect(ratioWeighted.lo).toBeCloseTo(quantileSorted(ratioStats, 0.1), 12);
    expect(ratioWeighted.hi).toBeCloseTo(quantileSorted(ratioStats, 0.9), 12);
    expect(ratioWeighted.estimate).toBeCloseTo((1 + 0 + 2 + 7 + 9) / 5, 12);
  });

  test('same seed, same interval; several columns share the draws and match the single-column call', () => {
    const a = sample(500, 'a');
    const b = sample(500, 'b');
    const one = bootstrapMeanInterval(a, { seed: 's', resamples: 500 });
    expect(bootstrapMeanInterval(a, { seed: 's', resamples: 500 })).toEqual(one);
    const [ia, ib] = bootstrapMeanIntervals([{ values: a }, { values: b }], { seed: 's', resamples: 500 });
    expect(ia).toEqual(one);
    expect(ib).toEqual(bootstrapMeanInterval(b, { seed: 's', resamples: 500 }));
    expect(bootstrapMeanInterval(a, { seed: 't', resamples: 500 }).lo).not.toBe(one.lo);
  });

  test('a constant column gives a zero-width interval at the constant', () => {
    const i = bootstrapMeanInterval(new Float64Array(100).fill(0.25), { seed: 1, resamples: 100 });
    expect(i).toMatchObject({ lo: 0.25, hi: 0.25, estimate: 0.25 });
  });

  test('typed errors name the function and the field', () => {
    const v = Float64Array.from([1, 2, 3, 4]);
    const bad: [() => unknown, RegExp][] = [
      [() => bootstrapMeanInterval([1, 2] as unknown as Float64Array, { seed: 1 }), /bootstrapMeanInterval: values must be a Float64Array/],
      [() => bootstrapMeanInterval(new Float64Array(0), { seed: 1 }), /values\.length must be a positive multiple/],
      [() => bootstrapMeanInterval(v, { seed: 1, rowsPerGroup: 3 }), /values\.length must be a positive multiple of options\.rowsPerGroup \(3\)/],
      [() => bootstrapMeanInterval(Float64Array.from([1, NaN]), { seed: 1 }), /values\[1\] must be a finite number/],
      [() => bootstrapMeanInterval(v, { seed: 1, resamples: 10 }), /options\.resamples must be an integer in \[100, 1000000\], got 10/],
      [() => bootstrapMeanInterval(v, { seed: 1, level: 1 }), /options\.level must be a number in \(0, 1\)/],
      [() => bootstrapMeanInterval(v, { seed: 1, rowsPerGroup: 0 }), /options\.rowsPerGroup must be an integer >= 1/],
      [() => bootstrapMeanInterval(v, {} as never), /options\.seed is required/],
      [() => bootstrapMeanInterval(v, { seed: 1, weights: new Float64Array(4) }), /options\.weights must have a positive sum/],
      [() => bootstrapMeanInterval(v, { seed: 1, weights: Float64Array.from([1, -1, 1, 1]) }), /options\.weights\[1\] must be a finite number >= 0/],
      [() => bootstrapMeanIntervals([], { seed: 1 }), /bootstrapMeanIntervals: columns must be a non-empty array/],
      [() => bootstrapMeanIntervals([{ values: v }, { values: new Float64Array(3) }], { seed: 1 }), /columns\[1\]\.values\.length must equal the first column's length \(4\)/],
    ];
    for (const [f, msg] of bad) {
      expect(f).toThrow(InvalidInputError);
      expect(f).toThrow(msg);
    }
  });
});
