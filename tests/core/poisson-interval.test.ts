import { describe, expect, test } from 'vitest';
import { poissonInterval } from '../../src/core/poisson-interval.js';
import { InvalidInputError } from '../../src/core/errors.js';

/** P(X ≤ c) for X ~ Poisson(mu), summed term by term (an independent oracle). */
function poissonCdf(c: number, mu: number): number {
  let term = Math.exp(-mu);
  let sum = term;
  for (let k = 1; k <= c; k++) {
    term *= mu / k;
    sum += term;
  }
  return sum;
}

describe('poissonInterval (exact, Garwood)', () => {
  test('matches chi-square table values: 90 % for counts 0, 1 and 10', () => {
    // hi = χ²(0.95; 2c + 2) / 2, lo = χ²(0.05; 2c) / 2 (e.g. NIST/SEMATECH e-Handbook chi-square table):
    // c = 0: hi = −ln 0.05 = 2.99573; c = 1: 0.051293 – 4.74386; c = 10: 5.42540 – 16.96222.
    const z = poissonInterval(0);
    expect(z.lo).toBe(0);
    expect(z.hi).toBeCloseTo(-Math.log(0.05), 6);
    const one = poissonInterval(1);
    expect(one.lo).toBeCloseTo(0.051293, 5);
    expect(one.hi).toBeCloseTo(4.743865, 5);
    const ten = poissonInterval(10);
    expect(ten.lo).toBeCloseTo(5.4254, 3);
    expect(ten.hi).toBeCloseTo(16.9622, 3);
    expect(ten).toMatchObject({ level: 0.9, method: 'exact Poisson (Garwood)' });
  });

  test('puts α/2 in each tail of the Poisson distribution, for integer counts up to 500 and other levels', () => {
    for (const level of [0.8, 0.9, 0.95, 0.99]) {
      const a = (1 - level) / 2;
      for (const c of [1, 2, 3, 7, 20, 84, 500]) {
        const { lo, hi } = poissonInterval(c, { level });
        expect(poissonCdf(c, hi), `c ${c}, level ${level}, upper`).toBeCloseTo(a, 8);
        expect(1 - poissonCdf(c - 1, lo), `c ${c}, level ${level}, lower`).toBeCloseTo(a, 8);
        expect(lo).toBeLessThan(c);
        expect(hi).toBeGreaterThan(c);
      }
    }
  });

  test('is monotone in a non-integer count (an expected number of events)', () => {
    let last = poissonInterval(0.5);
    for (let c = 1; c < 50; c += 0.7) {
      const next = poissonInterval(c);
      expect(next.lo).toBeGreaterThan(last.lo);
      expect(next.hi).toBeGreaterThan(last.hi);
      last = next;
    }
  });

  test('rejects a negative or non-finite count and a level outside (0, 1), naming the field', () => {
    expect(() => poissonInterval(-1)).toThrow(InvalidInputError);
    expect(() => poissonInterval(Number.NaN)).toThrow(/poissonInterval: count must be a finite number >= 0/);
    expect(() => poissonInterval(Infinity)).toThrow(InvalidInputError);
    expect(() => poissonInterval(3, { level: 1 })).toThrow(/poissonInterval: options.level must be a number in \(0, 1\)/);
  });
});
