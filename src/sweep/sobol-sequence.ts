/**
 * The Sobol sequence: a quasi-random, low-discrepancy sequence in the unit
 * cube, built in base 2 from direction numbers (I. M. Sobol', USSR Comput.
 * Math. Math. Phys. 7(4):86–112, 1967), here Joe and Kuo's
 * `new-joe-kuo-6.21201` set (S. Joe and F. Y. Kuo, "Constructing Sobol
 * sequences with better two-dimensional projections", SIAM J. Sci. Comput.
 * 30, 2635–2654 (2008), https://web.maths.unsw.edu.au/~fkuo/sobol/), in the
 * Gray-code order of Antonov and Saleev (USSR Comput. Math. Math. Phys.
 * 19(1):252–256, 1979) with 32-bit direction numbers.
 *
 * Every prefix of 2^k points (counted from point 0) puts exactly one point in
 * each of the 2^k equal intervals of every one-dimensional projection. An
 * optional seeded random digital shift (each coordinate's 32 bits XOR-ed with
 * one seeded 32-bit integer per dimension) randomises the sequence and keeps
 * that property, so results depend on the seed and repeated seeds give
 * independent replicates (P. L'Ecuyer and C. Lemieux, "Recent advances in
 * randomized quasi-Monte Carlo methods", in Modeling Uncertainty, Kluwer,
 * 2002, §4).
 */
import { InvalidInputError } from '../core/index.js';
import type { Rng, Seed } from '../core/index.js';
import { requireInteger, requireKnownKeys, requireObject, toRng } from '../core/internal.js';
import { JOE_KUO_DIRECTIONS } from './joe-kuo-directions.js';

/** Bits of each coordinate (and number of direction numbers per dimension). */
const BITS = 32;
/** 2^32, the scale of a 32-bit coordinate. */
const TWO_32 = 4294967296;

/** The largest number of dimensions {@link sobolSequence} supports (van der Corput plus the 160 embedded Joe–Kuo rows). */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO_DIRECTIONS.length + 1;

/** The largest number of values (points × dimensions) one call returns: 2^30 (8 GiB of Float64Array). */
export const SOBOL_MAX_VALUES = 2 ** 30;

/** Options of {@link sobolSequence}. */
export interface SobolSequenceOptions {
  /**
   * Seed (or stream) of the random digital shift. Absent: the plain,
   * unscrambled sequence, whose point 0 is the origin.
   */
  seed?: Seed | Rng;
  /** Index of the first point returned (default 0): `skip` lets a long sequence be generated in pieces. */
  skip?: number;
}

/** Direction numbers, row-major `[dimension * 32 + bit]`, built once on first use. */
let directions: Uint32Array | null = null;

/**
 * The 32-bit direction numbers v_(j,1..32) of every supported dimension, by the
 * Bratley–Fox recurrence v_i = v_(i−s) ⊕ (v_(i−s) >> s) ⊕ (⊕_k c_k v_(i−k)).
 */
function directionNumbers(): Uint32Array {
  if (directions !== null) return directions;
  const v = new Uint32Array(SOBOL_MAX_DIMENSIONS * BITS);
  // Dimension 1: van der Corput, v_i = 2^(32 − i) (all m_i = 1).
  for (let i = 0; i < BITS; i++) v[i] = 2 ** (BITS - 1 - i);
  for (let d = 1; d < SOBOL_MAX_DIMENSIONS; d++) {
    const [s, a, m] = JOE_KUO_DIRECTIONS[d - 1];
    const base = d * BITS;
    for (let i = 0; i < BITS; i++) {
      if (i < s) {
        v[base + i] = (m[i] * 2 ** (BITS - 1 - i)) >>> 0;
        continue;
      }
      let x = v[base + i - s] ^ (v[base + i - s] >>> s);
      for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[base + i - k];
      v[base + i] = x >>> 0;
    }
  }
  directions = v;
  return v;
}

/**
 * Points of the Sobol sequence in the unit cube [0, 1)^dimensions.
 *
 * Point n is the XOR of the direction numbers selected by the bits of the
 * Gray code n ⊕ (n >> 1), so each point costs one XOR per dimension from the
 * previous one. Coordinates are multiples of 2^−32. Without a seed point 0 is
 * the origin and points 1, 2, 3, 4 of dimension 1 are 0.5, 0.75, 0.25, 0.375
 * (dimension 2: 0.5, 0.25, 0.75, 0.375). With a seed, every coordinate of
 * dimension j is XOR-ed with the j-th 32-bit integer drawn from the seed's
 * stream (a random digital shift): the same seed gives the same shift for a
 * dimension however many dimensions are asked for.
 *
 * @param count - number of points (integer ≥ 0)
 * @param dimensions - number of dimensions, 1 to {@link SOBOL_MAX_DIMENSIONS} (161)
 * @param options - `seed` for the digital shift (absent: unscrambled), `skip` the index of the first point (default 0)
 * @returns a flat Float64Array of `count × dimensions` values, point-major: coordinate j of
 *   the i-th returned point is at `[i * dimensions + j]`
 * @throws {InvalidInputError} when count, dimensions or skip is not an integer in range,
 *   skip + count exceeds 2^32, count × dimensions exceeds {@link SOBOL_MAX_VALUES},
 *   the seed is not a string, finite number or Rng, or an option is unknown
 * @example
 * sobolSequence(4, 2); // Float64Array [0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75]
 * sobolSequence(1024, 6, { seed: 7 }); // scrambled, reproducible from the seed
 *
 * Complexity: O(count × dimensions) time after a one-off O(161 × 32) table; O(count × dimensions) memory.
 */
export function sobolSequence(count: number, dimensions: number, options: SobolSequenceOptions = {}): Float64Array {
  const origin = 'sobolSequence';
  requireInteger(origin, 'count', count, 0, TWO_32);
  requireInteger(origin, 'dimensions', dimensions, 1, SOBOL_MAX_DIMENSIONS);
  requireObject(origin, 'options', options);
  requireKnownKeys(origin, 'options', options as Record<string, unknown>, ['seed', 'skip']);
  const skip = options.skip ?? 0;
  requireInteger(origin, 'options.skip', skip, 0, TWO_32 - 1);
  if (skip + count > TWO_32) {
    throw new InvalidInputError(origin, 'count', `must be at most 2^32 − skip (${TWO_32 - skip}): the sequence has 2^32 points`, count);
  }
  if (count * dimensions > SOBOL_MAX_VALUES) {
    throw new InvalidInputError(origin, 'count', `× dimensions (${dimensions}) must be at most ${SOBOL_MAX_VALUES}`, count);
  }

  const shift = new Uint32Array(dimensions);
  if (options.seed !== undefined) {
    const rng = toRng(options.seed, origin, 'options.seed');
    for (let j = 0; j < dimensions; j++) shift[j] = Math.floor(rng.next() * TWO_32) >>> 0;
  }

  const v = directionNumbers();
  const out = new Float64Array(count * dimensions);
  if (count === 0) return out;

  // State of point `skip`: XOR of the direction numbers picked by its Gray code.
  const x = new Uint32Array(dimensions);
  const gray = (skip ^ Math.floor(skip / 2)) >>> 0;
  for (let bit = 0; bit < BITS; bit++) {
    if (Math.floor(gray / 2 ** bit) % 2 === 1) {
      for (let j = 0; j < dimensions; j++) x[j] ^= v[j * BITS + bit];
    }
  }
  for (let j = 0; j < dimensions; j++) out[j] = ((x[j] ^ shift[j]) >>> 0) / TWO_32;

  for (let i = 1; i < count; i++) {
    const n = skip + i;
    // Gray codes of n − 1 and n differ in bit c, the number of trailing zeros of n.
    const low = n & -n;
    const c = 31 - Math.clz32(low);
    const row = i * dimensions;
    for (let j = 0; j < dimensions; j++) {
      x[j] ^= v[j * BITS + c];
      out[row + j] = ((x[j] ^ shift[j]) >>> 0) / TWO_32;
    }
  }
  return out;
}
