/**
 * Seeded random streams. All randomness in sightline comes from here
 * (seedrandom's Alea generator underneath); `Math.random` is never used.
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
  /** Uniform float in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in [0, n). */
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
    return min + (max - min) * this.prng();
  }
  int(n: number): number {
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

/**
 * Creates a seeded random stream.
 *
 * @param seed - any string or finite number; the same seed gives the same numbers
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
export function toRng(seedOrRng: Seed | Rng, origin: string): Rng {
  if (typeof seedOrRng === 'object' && seedOrRng !== null && typeof (seedOrRng as Rng).next === 'function') {
    return seedOrRng as Rng;
  }
  if (typeof seedOrRng === 'string' || (typeof seedOrRng === 'number' && Number.isFinite(seedOrRng))) {
    return createRng(seedOrRng);
  }
  throw new InvalidInputError(origin, 'seed', 'must be a string, a finite number or an Rng', seedOrRng);
}
