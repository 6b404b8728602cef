import { describe, expect, it } from 'vitest';
import * as ss from 'simple-statistics';
import { createRng } from '../../src/core/random.js';
import { quantileSummary, quantileSummaryFromRow, quantileSummaryInto } from '../../src/core/quantile-summary.js';

const PROBS = [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1];

function randomColumn(seed: string, n: number, lo: number, hi: number): Float64Array {
  const rng = createRng(seed);
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.uniform(lo, hi);
  return a;
}

describe('quantileSummary', () => {
  it('matches a hand-worked example: 1, 2, 3, 4', () => {
    // Type 7: idx = (n − 1)·p = 3p. p = 0.25 → idx 0.75 → 1 + 0.75·(2 − 1) = 1.75;
    // p = 0.5 → idx 1.5 → 2 + 0.5·(3 − 2) = 2.5; p = 0.9 → idx 2.7 → 3 + 0.7·(4 − 3) = 3.7.
    for (const method of ['sort', 'select'] as const) {
      const s = quantileSummary(Float64Array.of(4, 2, 1, 3), [0.25, 0.5, 0.9], { method });
      expect(s.mean).toBe(2.5);
      expect(s.min).toBe(1);
      expect(s.max).toBe(4);
      expect(s.quantiles['0.25']).toBe(1.75);
      expect(s.quantiles['0.5']).toBe(2.5);
      expect(s.quantiles['0.9']).toBeCloseTo(3.7, 14);
      expect(Object.keys(s)).toEqual(['mean', 'min', 'max', 'quantiles']);
      expect(Object.keys(s.quantiles)).toEqual(['0.25', '0.5', '0.9']);
    }
  });

  it('gives all zeros for no values', () => {
    for (const method of ['sort', 'select', 'presorted'] as const) {
      expect(quantileSummary(new Float64Array(0), [0.5, 0.9], { method })).toEqual({ mean: 0, min: 0, max: 0, quantiles: { '0.5': 0, '0.9': 0 } });
    }
  });

  it('gives the same quantiles as simple-statistics quantile (type 7) on random columns, for every method', () => {
    for (const [seed, n, lo, hi] of [['one', 1, 0, 1], ['small', 7, -3, 3], ['nonneg', 5000, 0, 1e4], ['mixed', 5000, -1, 1]] as const) {
      const v = randomColumn(seed, n, lo, hi);
      const plain = Array.from(v);
      const expected = ss.quantile(plain, PROBS);
      const presorted = Float64Array.from(v).sort();
      for (const [values, method] of [[v, 'sort'], [v, 'select'], [presorted, 'presorted']] as const) {
        const s = quantileSummary(values, PROBS, { method });
        PROBS.forEach((p, k) => expect(s.quantiles[String(p)]).toBe(expected[k]));
        expect(s.min).toBe(ss.min(plain));
        expect(s.max).toBe(ss.max(plain));
        expect(s.mean).toBeCloseTo(ss.mean(plain), 12);
      }
    }
  });

  it('sums as documented: input order for select, sorted order for sort, simple-statistics sum when compensated', () => {
    // 1e16 + 1 + 1 + … : a plain running sum in input order loses every 1; a sum over the sorted values keeps them.
    const v = Float64Array.of(1e16, 1, 1, 1, 1);
    expect(quantileSummary(v, [], { method: 'select' }).mean).toBe(1e16 / 5);
    expect(quantileSummary(v, [], { method: 'sort' }).mean).toBe((1 + 1 + 1 + 1 + 1e16) / 5);
    expect(quantileSummary(v, [], { method: 'select', sum: 'compensated' }).mean).toBe(ss.sum(Array.from(v)) / 5);
    expect(quantileSummary(v, [], { method: 'select', sum: 'compensated' }).mean).toBe((1e16 + 4) / 5);
  });

  it('does not modify its input', () => {
    const v = randomColumn('keep', 2000, -5, 5);
    const copy = v.slice();
    quantileSummary(v, PROBS, { method: 'select' });
    quantileSummary(v, PROBS, { method: 'sort' });
    expect(v).toEqual(copy);
  });
});

describe('quantileSummaryInto and quantileSummaryFromRow', () => {
  it('write one flat row [mean, min, max, q…] at the given offset and read it back', () => {
    const out = new Float64Array(2 + 4).fill(-1);
    quantileSummaryInto(Float64Array.of(3, 1, 2, 4), [0.5], out, 2);
    expect(Array.from(out)).toEqual([-1, -1, 2.5, 1, 4, 2.5]);
    expect(quantileSummaryFromRow(out, 2, [0.5])).toEqual({ mean: 2.5, min: 1, max: 4, quantiles: { '0.5': 2.5 } });
  });
});
