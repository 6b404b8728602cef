/**
 * Seeded random streams. All randomness in sightline comes from here
 * (seedrandom's Alea generator underneath); the global unseeded generator is never used.
 *
 * A stream is made from a seed; named sub-streams are derived from the
 * parent's seed and the name only, never from how many numbers the parent has
 * drawn, so adding a draw in one part of a model never shifts the numbers of
 * another part.
 */
import seedrandom from 'seedrandom';
import { InvalidInputError } from './errors.js';

/** A seed: any string or finite number. */
export type Seed = string | number;

/** A seeded random stream. */
export interface Rng {
  /** The seed this stream was made from (the full derived path for sub-streams). */
  readonly seed: string;
  /** Uniform float in [0, 1). */
  next(): number;
  /**
   * Uniform float in [min, max).
   * @throws {InvalidInputError} unless min and max are finite, min <= max and max − min is finite
   */
  uniform(min: number, max: number): number;
  /**
   * Uniform integer in [0, n).
   * @throws {InvalidInputError} unless n is an integer >= 1 (and at most 2^53 − 1)
   */
  int(n: number): number;
  /** Standard normal deviate (Box–Muller, no caching: one pair drawn per call). */
  normal(): number;
  /** A named sub-stream derived from this stream's seed and `name`. */
  stream(name: string): Rng;
}

class AleaRng implements Rng {
  readonly seed: string;
  private readonly prng: () => number;
  constructor(seed: string) {
    this.seed = seed;
    this.prng = seedrandom.alea(seed);
  }
  next(): number {
    return this.prng();
  }
  uniform(min: number, max: number): number {
    const d = max - min;
    // One comparison pair on the fast path: NaN, ±Infinity, min > max and an overflowing span all fail it.
    if (!(d >= 0 && d <= Number.MAX_VALUE)) throwBadUniform(min, max);
    return min + d * this.prng();
  }
  int(n: number): number {
    if (!(n >= 1 && n <= Number.MAX_SAFE_INTEGER) || Math.floor(n) !== n) {
      throw new InvalidInputError('Rng.int', 'n', 'must be an integer >= 1 (draws are in [0, n))', n);
    }
    return Math.floor(this.prng() * n);
  }
  normal(): number {
    // 1 - u keeps the argument of log in (0, 1].
    const u = 1 - this.prng();
    const v = this.prng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  stream(name: string): Rng {
    return new AleaRng(`${this.seed}/${name}`);
  }
}

/** Slow path of {@link Rng.uniform}'s check: names the offending bound. */
function throwBadUniform(min: number, max: number): never {
  if (typeof min !== 'number' || !Number.isFinite(min)) throw new InvalidInputError('Rng.uniform', 'min', 'must be a finite number', min);
  if (typeof max !== 'number' || !Number.isFinite(max)) throw new InvalidInputError('Rng.uniform', 'max', 'must be a finite number', max);
  if (!(min <= max)) throw new InvalidInputError('Rng.uniform', 'max', `must be >= min (${min})`, max);
  throw new InvalidInputError('Rng.uniform', 'max', `must be within Number.MAX_VALUE of min (${min}) so that max − min is finite`, max);
}

/**
 * Creates a seeded random stream.
 *
 * Seeds are compared as strings: a number is turned into its decimal string
 * first, so `createRng(1)` and `createRng('1')` give the same stream (by
 * design: a seed read back from JSON or a command line as text reproduces the
 * run). Use distinct strings when two streams must differ.
 *
 * @param seed - any string or finite number; the same seed gives the same numbers
 *   (`1` and `'1'` are the same seed)
 * @returns a stream with `next`, `uniform`, `int`, `normal` and named sub-streams
 * @throws {InvalidInputError} if the seed is not a string or a finite number
 * @example
 * const rng = createRng(42);
 * const placement = rng.stream('placement'); // independent of rng's own draws
 */
export function createRng(seed: Seed): Rng {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new InvalidInputError('createRng', 'seed', 'must be a string or a finite number', seed);
    return new AleaRng(String(seed));
  }
  if (typeof seed !== 'string') throw new InvalidInputError('createRng', 'seed', 'must be a string or a finite number', seed);
  return new AleaRng(seed);
}

/** Accepts a seed or an existing stream (used by every sampling function). */
export function toRng(seedOrRng: Seed | Rng, origin: string, field = 'seed'): Rng {
  if (typeof seedOrRng === 'object' && seedOrRng !== null && typeof (seedOrRng as Rng).next === 'function' && typeof (seedOrRng as Rng).stream === 'function') {
    return seedOrRng as Rng;
  }
  if (typeof seedOrRng === 'string' || (typeof seedOrRng === 'number' && Number.isFinite(seedOrRng))) {
    return createRng(seedOrRng);
  }
  throw new InvalidInputError(origin, field, 'must be a string, a finite number or an Rng', seedOrRng);
}
