import { describe, expect, test } from 'vitest';
import { sobolSequence, SOBOL_MAX_DIMENSIONS, JOE_KUO_DIRECTIONS } from '../../src/sweep/index.js';
import { createRng } from '../../src/core/random.js';
import { InvalidInputError } from '../../src/core/errors.js';

/** Column `j` of a flat point-major sequence of `dims` dimensions. */
function column(seq: Float64Array, dims: number, j: number): number[] {
  const out: number[] = [];
  for (let i = j; i < seq.length; i += dims) out.push(seq[i]);
  return out;
}

/** True when each of the 2^k equal intervals of [0, 1) holds exactly one of the 2^k values. */
function oneInEachInterval(values: readonly number[], k: number): boolean {
  const seen = new Uint8Array(2 ** k);
  for (const x of values) {
    const bin = Math.floor(x * 2 ** k);
    if (bin < 0 || bin >= 2 ** k || seen[bin]) return false;
    seen[bin] = 1;
  }
  return true;
}

/** Order of x modulo the polynomial x^s + (bits of a) x + 1 over GF(2): 2^s − 1 exactly when it is primitive. */
function orderOfX(s: number, a: number): number {
  const poly = 2 ** s + a * 2 + 1;
  let x = 1;
  for (let k = 1; k <= 2 ** s; k++) {
    x *= 2;
    if (x >= 2 ** s) x ^= poly;
    if (x === 1) return k;
  }
  return -1;
}

describe('sobolSequence', () => {
  test('starts, unscrambled, at the origin and then runs 0.5, 0.75, 0.25, 0.375 in dimension 1 and 0.5, 0.25, 0.75, 0.375 in dimension 2', () => {
    // Hand-derived from the direction numbers in Gray-code order (point n = point n−1 XOR v_c, c = trailing
    // zeros of n). Dimension 1: v = 1/2, 1/4, 1/8. Dimension 2 (s = 1, m_1 = 1): v = 1/2, 3/4, 5/8.
    // Dimension 3 (s = 2, a = 1, m = 1, 3, so m_3 = 2·3 ⊕ 4·1 ⊕ 1 = 3): v = 1/2, 3/4, 3/8.
    // The first two columns are those of SciPy's documented example, qmc.Sobol(d=2, scramble=False).random_base2(3).
    const seq = sobolSequence(8, 3);
    expect(column(seq, 3, 0)).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(column(seq, 3, 1)).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
    expect(column(seq, 3, 2)).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  test('puts one point of every 2^k prefix in each of the 2^k equal intervals of every one-dimensional projection, in all 161 dimensions (brute force, k ≤ 12)', () => {
    const dims = SOBOL_MAX_DIMENSIONS;
    expect(dims).toBeGreaterThanOrEqual(64);
    for (const seed of [undefined, 17, 'district-4']) {
      const seq = sobolSequence(2 ** 12, dims, seed === undefined ? {} : { seed });
      for (let j = 0; j < dims; j++) {
        const col = column(seq, dims, j);
        for (let k = 0; k <= 12; k++) {
          expect(oneInEachInterval(col.slice(0, 2 ** k), k), `dimension ${j + 1}, prefix 2^${k}, seed ${seed}`).toBe(true);
        }
      }
    }
  });

  test('makes the first two dimensions a (0, m, 2)-net: every dyadic box of area 2^−m holds one of the first 2^m points (brute force, m ≤ 10)', () => {
    // The first two dimensions of Sobol's sequence form a (0, 2)-sequence in base 2 (Niederreiter, Random Number
    // Generation and Quasi-Monte Carlo Methods, SIAM 1992, §4.5); a digital shift keeps the property.
    for (const seed of [undefined, 5]) {
      const seq = sobolSequence(2 ** 10, 2, seed === undefined ? {} : { seed });
      for (let m = 0; m <= 10; m++) {
        for (let p = 0; p <= m; p++) {
          const q = m - p;
          const seen = new Set<number>();
          for (let i = 0; i < 2 ** m; i++) {
            const box = Math.floor(seq[2 * i] * 2 ** p) * 2 ** q + Math.floor(seq[2 * i + 1] * 2 ** q);
            expect(seen.has(box), `m ${m}, boxes 2^-${p} × 2^-${q}, seed ${seed}`).toBe(false);
            seen.add(box);
          }
        }
      }
    }
  });

  test('embeds Joe and Kuo rows whose polynomials are primitive, in order of degree, with odd m_i < 2^i', () => {
    // Joe & Kuo take every primitive polynomial, by degree: there are φ(2^s − 1)/s of degree s
    // (1, 1, 2, 2, 6, 6, 18, 16, 48 for s = 1 … 9), and 60 of the 60 of degree 10 fill dimensions 102 … 161.
    const perDegree = new Map<number, number>();
    let lastDegree = 0;
    let lastA = -1;
    for (const [s, a, m] of JOE_KUO_DIRECTIONS) {
      expect(m.length).toBe(s);
      m.forEach((mi, i) => {
        expect(mi % 2).toBe(1);
        expect(mi).toBeLessThan(2 ** (i + 1));
      });
      if (s > 1) expect(orderOfX(s, a), `s ${s}, a ${a}`).toBe(2 ** s - 1);
      expect(s).toBeGreaterThanOrEqual(lastDegree);
      if (s === lastDegree) expect(a).toBeGreaterThan(lastA);
      lastDegree = s;
      lastA = a;
      perDegree.set(s, (perDegree.get(s) ?? 0) + 1);
    }
    expect([...perDegree.values()]).toEqual([1, 1, 2, 2, 6, 6, 18, 16, 48, 60]);
    // Spot checks against the published file new-joe-kuo-6.21201: d = 7, 20 and 161.
    expect(JOE_KUO_DIRECTIONS[5]).toEqual([4, 4, [1, 3, 5, 13]]);
    expect(JOE_KUO_DIRECTIONS[18]).toEqual([7, 1, [1, 3, 7, 11, 23, 15, 103]]);
    expect(JOE_KUO_DIRECTIONS[159]).toEqual([10, 508, [1, 1, 1, 7, 7, 3, 15, 99, 409, 719]]);
  });

  test('with a seed, XORs each dimension with one seeded 32-bit integer: reproducible, seed-dependent, and the same shift whatever the dimension count', () => {
    const a = sobolSequence(64, 5, { seed: 3 });
    expect(sobolSequence(64, 5, { seed: 3 })).toEqual(a);
    expect(sobolSequence(64, 5, { seed: 4 })).not.toEqual(a);
    expect(sobolSequence(64, 5, { seed: createRng(3) })).toEqual(a);
    const wider = sobolSequence(64, 8, { seed: 3 });
    for (let j = 0; j < 5; j++) expect(column(wider, 8, j)).toEqual(column(a, 5, j));
    // Point 0 of a shifted sequence is the shift itself, and every point is the plain one XOR that shift.
    const plain = sobolSequence(64, 5);
    for (let j = 0; j < 5; j++) {
      const shift = a[j] * 2 ** 32;
      for (let i = 0; i < 64; i++) expect(a[i * 5 + j] * 2 ** 32).toBe(((plain[i * 5 + j] * 2 ** 32) ^ shift) >>> 0);
    }
  });

  test('gives with skip the same points as the tail of a longer call, also across 2^k boundaries', () => {
    const whole = sobolSequence(300, 7, { seed: 'x' });
    for (const skip of [1, 2, 63, 64, 65, 128, 200]) {
      expect(sobolSequence(300 - skip, 7, { seed: 'x', skip })).toEqual(whole.slice(skip * 7));
    }
  });

  test('handles the end of the 2^32-point sequence: the last point is the XOR of all 32 direction numbers picked by its Gray code', () => {
    const last = sobolSequence(1, 1, { skip: 2 ** 32 - 1 });
    // Gray code of 2^32 − 1 is 2^31: the single direction number v_32 = 2^−32 of dimension 1.
    expect(last[0]).toBe(2 ** -32);
    expect(sobolSequence(2, 1, { skip: 2 ** 32 - 2 })[1]).toBe(2 ** -32);
  });

  test('rejects bad counts, dimensions, skips, seeds and unknown options, naming the field', () => {
    expect(sobolSequence(0, 3).length).toBe(0);
    expect(() => sobolSequence(-1, 2)).toThrow(/sobolSequence: count must be an integer/);
    expect(() => sobolSequence(2.5, 2)).toThrow(InvalidInputError);
    expect(() => sobolSequence(4, 0)).toThrow(/sobolSequence: dimensions must be an integer in \[1, 161\]/);
    expect(() => sobolSequence(4, 162)).toThrow(/dimensions/);
    expect(() => sobolSequence(4, 2, { skip: -1 })).toThrow(/options.skip/);
    expect(() => sobolSequence(4, 2, { skip: 2 ** 32 - 2 })).toThrow(/sobolSequence: count must be at most 2\^32 − skip/);
    expect(() => sobolSequence(4, 2, { seed: Number.NaN })).toThrow(/sobolSequence: options.seed must be a string, a finite number or an Rng, got NaN/);
    expect(() => sobolSequence(4, 2, { scramble: true } as never)).toThrow(/sobolSequence: unknown option `scramble`/);
    expect(() => sobolSequence(2 ** 29, 4)).toThrow(/× dimensions/);
  });
});
