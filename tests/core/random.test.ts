import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { createRng, toRng } from '../../src/core/random.js';
import * as ss from 'simple-statistics';

describe('createRng', () => {
  it('gives the same stream for the same seed, and for a number and its decimal string (documented)', () => {
    const a = createRng(1);
    const b = createRng('1');
    const c = createRng(1);
    for (let i = 0; i < 20; i++) {
      const x = a.next();
      expect(b.next()).toBe(x);
      expect(c.next()).toBe(x);
    }
    expect(createRng(2).next()).not.toBe(createRng(1).next());
  });

  it('rejects a seed that is not a string or a finite number', () => {
    expect(() => createRng(NaN)).toThrow(/createRng: seed must be a string or a finite number, got NaN/);
    expect(() => createRng({} as never)).toThrow(InvalidInputError);
    expect(() => toRng(Infinity, 'f')).toThrow(/f: seed must be a string, a finite number or an Rng, got Infinity/);
  });
});

describe('Rng.int', () => {
  it('draws integers in [0, n) for valid n', () => {
    const rng = createRng('int');
    for (let i = 0; i < 1000; i++) {
      const v = rng.int(7);
      expect(Number.isInteger(v) && v >= 0 && v < 7).toBe(true);
    }
    expect(rng.int(1)).toBe(0);
  });

  it.each([
    ['NaN', NaN],
    ['a negative n', -5],
    ['zero', 0],
    ['a fraction', 2.5],
    ['Infinity', Infinity],
    ['a string', '3'],
  ])('throws a typed error naming n for %s', (_label, n) => {
    const rng = createRng(1);
    expect(() => rng.int(n as number)).toThrow(InvalidInputError);
    expect(() => rng.int(n as number)).toThrow(/Rng\.int: n must be an integer >= 1/);
  });

  it('does not advance the stream when it throws', () => {
    const a = createRng(3);
    const b = createRng(3);
    expect(() => a.int(-1)).toThrow(InvalidInputError);
    expect(a.next()).toBe(b.next());
  });
});

describe('Rng.uniform', () => {
  it('draws in [min, max) and returns min when min equals max', () => {
    const rng = createRng('u');
    for (let i = 0; i < 1000; i++) {
      const v = rng.uniform(-3, 5);
      expect(v >= -3 && v < 5).toBe(true);
    }
    expect(rng.uniform(2, 2)).toBe(2);
  });

  it('throws a typed error naming the bound for NaN, infinite or inverted bounds', () => {
    const rng = createRng(1);
    expect(() => rng.uniform(NaN, 1)).toThrow(/Rng\.uniform: min must be a finite number, got NaN/);
    expect(() => rng.uniform(0, Infinity)).toThrow(/Rng\.uniform: max must be a finite number, got Infinity/);
    expect(() => rng.uniform(-Infinity, 0)).toThrow(/Rng\.uniform: min must be a finite number, got -Infinity/);
    expect(() => rng.uniform(5, 1)).toThrow(/Rng\.uniform: max must be >= min \(5\), got 1/);
    expect(() => rng.uniform(-1.7e308, 1.7e308)).toThrow(/Rng\.uniform: max must be within Number\.MAX_VALUE of min/);
  });
});

describe('named sub-streams', () => {
  it('depend only on the parent seed and the name, not on how much the parent has drawn', () => {
    const a = createRng(42);
    const first = a.stream('placement');
    const b = createRng(42);
    for (let i = 0; i < 1000; i++) b.next();
    const second = b.stream('placement');
    for (let i = 0; i < 100; i++) expect(second.next()).toBe(first.next());
    expect(createRng(42).stream('placement').seed).toBe('42/placement');
  });

  it('differ between names and nest', () => {
    const r = createRng('s');
    expect(r.stream('a').next()).not.toBe(r.stream('b').next());
    expect(r.stream('a').stream('x').seed).toBe('s/a/x');
  });
});

describe('distributions (checked with simple-statistics)', () => {
  it('next() is uniform on [0, 1): mean 1/2 and variance 1/12 within 4 standard errors', () => {
    const r = createRng('uniform');
    const n = 100_000;
    const xs = new Array(n);
    for (let i = 0; i < n; i++) xs[i] = r.next();
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(ss.mean(xs) - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(ss.variance(xs) - 1 / 12)).toBeLessThan(0.002);
  });

  it('normal() has mean 0 and standard deviation 1 (Box–Muller) within 4 standard errors', () => {
    const r = createRng('normal');
    const n = 100_000;
    const xs = new Array(n);
    for (let i = 0; i < n; i++) xs[i] = r.normal();
    expect(Math.abs(ss.mean(xs))).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(ss.standardDeviation(xs) - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
  });
});
