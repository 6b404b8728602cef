/**
 * The Saltelli design: the model evaluation points from which first-order and
 * total Sobol' indices are estimated (A. Saltelli et al., "Variance based
 * sensitivity analysis of model output. Design and estimator for the total
 * sensitivity index", Computer Physics Communications 181(2):259–270, 2010,
 * doi:10.1016/j.cpc.2009.09.018, §3–4).
 *
 * Two N × d matrices A and B of independent points come from one
 * 2d-dimensional scrambled Sobol sequence (the first d coordinates give A, the
 * next d give B); for each parameter i, AB_i is A with its column i taken from
 * B. The model is evaluated on A, B and every AB_i: N·(d + 2) points. The
 * estimators are in {@link sobolFromEvaluations}.
 */
import { InvalidInputError } from '../core/index.js';
import type { Seed } from '../core/index.js';
import { requireInteger, requireKnownKeys, requireObject, toRng } from '../core/internal.js';
import { checkParameterRanges } from './parameter-ranges.js';
import type { ParameterRanges } from './parameter-ranges.js';
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from './sobol-sequence.js';

/** Defaults of {@link saltelliDesign}. */
export const SALTELLI_DESIGN_DEFAULTS = {
  /**
   * Base samples N, rounded up to a power of two. 4096 gives index errors of
   * about 0.01 on smooth models of a few parameters (Saltelli et al. 2010
   * report convergence from N ≈ 10^3 to 10^4 for their test functions).
   */
  samples: 4096,
  /** Seed of the Sobol sequence's digital shift. */
  seed: 0 as Seed,
} as const;

/** The largest number of base samples N: 2^24 (with d + 2 points per sample). */
export const SALTELLI_MAX_SAMPLES = 2 ** 24;

/** The largest number of parameters: the 2d-dimensional Sobol sequence has at most 161 dimensions. */
export const SALTELLI_MAX_PARAMETERS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/** Options of {@link saltelliDesign}. */
export interface SaltelliDesignOptions {
  /** Base samples N (integer ≥ 2, rounded up to a power of two; default 4096). */
  samples?: number;
  /** Seed of the scrambling (string or finite number; default 0). */
  seed?: Seed;
}

/** Where the rows of A, B and AB_i sit in {@link SaltelliDesign.points}. */
export interface SaltelliIndex {
  /** `a[j]`: position of row j of A. */
  a: number[];
  /** `b[j]`: position of row j of B. */
  b: number[];
  /** `ab[i][j]`: position of row j of AB_i (A with column i from B), i in parameter order. */
  ab: number[][];
}

/** The evaluation points of a Saltelli design, with what is needed to estimate indices from their outputs. */
export interface SaltelliDesign {
  /** Parameter names in order (the parameters object's key order). */
  names: string[];
  /** The ranges the unit-cube points were scaled to. */
  parameters: Record<string, [low: number, high: number]>;
  /** Base samples N actually used (a power of two). */
  samples: number;
  /** Base samples asked for (before rounding up). */
  requestedSamples: number;
  /** The seed of the scrambling. */
  seed: Seed;
  /** The N·(d + 2) points to evaluate, row j of A, B, AB_1 … AB_d at positions j·(d + 2) + 0, 1, 2 … d + 1. */
  points: Record<string, number>[];
  /** Positions of the rows of each matrix in `points`. */
  index: SaltelliIndex;
}

/** Smallest power of two ≥ n (n ≥ 1). */
export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * Checks a seed that a result will record: a string or a finite number.
 *
 * @throws {InvalidInputError} naming `origin` and `field`
 */
export function requireSeed(origin: string, field: string, seed: unknown): Seed {
  if (typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed))) return seed;
  throw new InvalidInputError(origin, field, 'must be a string or a finite number', seed);
}

/**
 * The evaluation points of a Saltelli (2010) design for first-order and total
 * Sobol' indices.
 *
 * @param parameters - `{ name: [low, high] }`, in key order (note that JavaScript lists
 *   integer-like keys such as `"2"` first); low < high, both finite
 * @param options - `samples` (base samples N, default 4096, rounded up to a power of two)
 *   and `seed` (default 0)
 * @returns `{ names, parameters, samples, requestedSamples, seed, points, index }`: evaluate the
 *   model at every point (in any order, anywhere) and pass the outputs, in the points' order,
 *   to {@link sobolFromEvaluations}
 * @throws {InvalidInputError} when there is no parameter, a range is not finite with low < high,
 *   there are more than {@link SALTELLI_MAX_PARAMETERS} parameters, samples is not an integer in
 *   [2, 2^24], the seed is not a string or finite number, or an option is unknown
 * @example
 * const design = saltelliDesign({ speed: [1, 2], fov: [30, 90] }, { samples: 1024, seed: 1 });
 * design.points.length; // 1024 × (2 + 2) = 4096
 *
 * Complexity: O(N·d²) time and memory (N·(d + 2) points of d numbers).
 */
export function saltelliDesign(parameters: ParameterRanges, options: SaltelliDesignOptions = {}): SaltelliDesign {
  const origin = 'saltelliDesign';
  return buildSaltelliDesign(origin, parameters, options);
}

/** {@link saltelliDesign} with the name of the public function that called it, for error messages. */
export function buildSaltelliDesign(origin: string, parameters: unknown, options: unknown, extraKeys: readonly string[] = []): SaltelliDesign {
  const { names, ranges } = checkParameterRanges(origin, parameters);
  const d = names.length;
  if (d > SALTELLI_MAX_PARAMETERS) {
    throw new InvalidInputError(origin, 'parameters', `must have at most ${SALTELLI_MAX_PARAMETERS} parameters (the Sobol sequence has ${SOBOL_MAX_DIMENSIONS} dimensions)`, `${d} parameters`);
  }
  const opts = requireObject(origin, 'options', options);
  requireKnownKeys(origin, 'options', opts, ['samples', 'seed', ...extraKeys]);
  const requestedSamples = opts.samples ?? SALTELLI_DESIGN_DEFAULTS.samples;
  requireInteger(origin, 'options.samples', requestedSamples, 2, SALTELLI_MAX_SAMPLES);
  const seed = requireSeed(origin, 'options.seed', opts.seed ?? SALTELLI_DESIGN_DEFAULTS.seed);
  const n = nextPowerOfTwo(requestedSamples as number);

  const u = sobolSequence(n, 2 * d, { seed: toRng(seed, origin).stream('saltelliDesign') });
  const low = new Float64Array(d);
  const span = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    low[i] = ranges[names[i]][0];
    span[i] = ranges[names[i]][1] - ranges[names[i]][0];
  }

  const stride = d + 2;
  const points: Record<string, number>[] = new Array(n * stride);
  const index: SaltelliIndex = { a: new Array(n), b: new Array(n), ab: names.map(() => new Array<number>(n)) };
  const rowA = new Float64Array(d);
  const rowB = new Float64Array(d);
  for (let j = 0; j < n; j++) {
    const at = j * 2 * d;
    for (let i = 0; i < d; i++) {
      rowA[i] = low[i] + span[i] * u[at + i];
      rowB[i] = low[i] + span[i] * u[at + d + i];
    }
    const base = j * stride;
    const a: Record<string, number> = {};
    const b: Record<string, number> = {};
    for (let i = 0; i < d; i++) {
      a[names[i]] = rowA[i];
      b[names[i]] = rowB[i];
    }
    points[base] = a;
    points[base + 1] = b;
    index.a[j] = base;
    index.b[j] = base + 1;
    for (let k = 0; k < d; k++) {
      const ab: Record<string, number> = {};
      for (let i = 0; i < d; i++) ab[names[i]] = i === k ? rowB[i] : rowA[i];
      points[base + 2 + k] = ab;
      index.ab[k][j] = base + 2 + k;
    }
  }
  return { names, parameters: ranges, samples: n, requestedSamples: requestedSamples as number, seed, points, index };
}
