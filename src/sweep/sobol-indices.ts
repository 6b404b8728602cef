/**
 * Variance-based global sensitivity: first-order and total Sobol' indices.
 *
 * For a model Y = f(X_1, …, X_d) of independent inputs, the first-order index
 * S_i = V[E(Y | X_i)] / V(Y) is the share of the output variance that X_i
 * explains alone, and the total index S_Ti = E[V(Y | X_~i)] / V(Y) the share
 * it takes part in, interactions included (S_i ≤ S_Ti; Σ S_i ≤ 1 ≤ Σ S_Ti).
 * From the outputs f_A, f_B, f_ABi of a {@link saltelliDesign}:
 *
 * - first order, Saltelli et al. 2010 (Table 2 (b)):
 *   S_i = mean_j( (f_B − m)·(f_ABi − f_A) ) / V
 * - total, Jansen 1999 (Saltelli et al. 2010, Table 2 (f)):
 *   S_Ti = mean_j( (f_A − f_ABi)² ) / 2 / V
 *
 * where V is the (population) variance and m the mean of the 2N outputs of A
 * and B together. Subtracting m from f_B does not change the estimator's
 * expectation (E[f_ABi − f_A] = 0) and makes the estimate invariant to adding
 * a constant to the model, which otherwise inflates its error at finite N.
 *
 * A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto and S. Tarantola,
 * "Variance based sensitivity analysis of model output. Design and estimator
 * for the total sensitivity index", Computer Physics Communications
 * 181(2):259–270, 2010, doi:10.1016/j.cpc.2009.09.018.
 * M. J. W. Jansen, "Analysis of variance designs for model output", Computer
 * Physics Communications 117:35–43, 1999, doi:10.1016/S0010-4655(98)00154-4.
 *
 * Intervals are percentile bootstrap intervals (B. Efron and R. J. Tibshirani,
 * An Introduction to the Bootstrap, Chapman & Hall, 1993, ch. 13): the N base
 * rows (each with its A, B and AB_i outputs) are resampled with replacement
 * from a seeded stream and every index is recomputed; the interval's ends are
 * the (1 − level)/2 and (1 + level)/2 quantiles of the replicates
 * (linear interpolation, type 7, simple-statistics' quantileSorted).
 */
import { quantileSorted } from 'simple-statistics';
import { InvalidInputError } from '../core/index.js';
import type { Interval, Seed } from '../core/index.js';
import { requireInteger, requireKnownKeys, requireObject, toRng } from '../core/internal.js';
import { checkValues, evaluateSequentially, requireModel } from './parameter-ranges.js';
import type { SweepModel } from './parameter-ranges.js';
import { buildSaltelliDesign, requireSeed, SALTELLI_DESIGN_DEFAULTS } from './saltelli-design.js';
import type { SaltelliDesign } from './saltelli-design.js';

/** Defaults of {@link sobolIndices} and {@link sobolFromEvaluations}. */
export const SOBOL_DEFAULTS = {
  /** Base samples N, rounded up to a power of two; the model runs N·(d + 2) times. */
  samples: SALTELLI_DESIGN_DEFAULTS.samples,
  /** Bootstrap resamples per interval (0: no intervals). 1000 is Efron and Tibshirani's (1993, §13.3) advice for percentile intervals. */
  bootstrap: 1000,
  /** 90 % intervals, the level every interval of a sightline run uses. */
  level: 0.9,
  /** Seed of the design's scrambling and of the bootstrap. */
  seed: SALTELLI_DESIGN_DEFAULTS.seed,
} as const;

/** The largest bootstrap count accepted. */
export const SOBOL_MAX_BOOTSTRAP = 100_000;

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  /** Base samples N (integer ≥ 2, rounded up to a power of two; default 4096). */
  samples?: number;
  /** Seed of the design and of the bootstrap (default 0). */
  seed?: number | string;
  /** Bootstrap resamples (integer ≥ 0, default 1000; 0 leaves the intervals out). */
  bootstrap?: number;
  /** Level of the intervals, in (0, 1) (default 0.9). */
  level?: number;
}

/** Options of {@link sobolFromEvaluations}. */
export interface SobolFromEvaluationsOptions {
  /** Seed of the bootstrap (default: the design's seed). */
  seed?: Seed;
  /** Bootstrap resamples (integer ≥ 0, default 1000; 0 leaves the intervals out). */
  bootstrap?: number;
  /** Level of the intervals, in (0, 1) (default 0.9). */
  level?: number;
}

/** What produced a set of indices: enough to reproduce it. */
export interface SobolParams {
  /** The parameter ranges, in order. */
  parameters: Record<string, [low: number, high: number]>;
  /** Base samples asked for (the result's `samples` is the power of two used). */
  samples: number;
  /** Seed of the design's scrambling. */
  seed: Seed;
  /** Seed of the bootstrap. */
  bootstrapSeed: Seed;
  /** Bootstrap resamples. */
  bootstrap: number;
  /** Interval level. */
  level: number;
  /** The estimators. */
  method: string;
}

/** Fields of every result of {@link sobolIndices} and {@link sobolFromEvaluations}. */
interface SobolCommon {
  /** Model evaluations, N·(d + 2). */
  evaluations: number;
  /** Base samples N used (a power of two). */
  samples: number;
  /** Variance of the 2N outputs of A and B (population variance). */
  variance: number;
  /** What produced the result. */
  params: SobolParams;
}

/** Indices that could be estimated. */
export interface SobolIndicesDefined extends SobolCommon {
  /** First-order index of each parameter (Saltelli et al. 2010). */
  first: Record<string, number>;
  /** Total index of each parameter (Jansen 1999). */
  total: Record<string, number>;
  /** Bootstrap interval of each first-order index; null when `bootstrap` is 0. */
  firstInterval: Record<string, Interval> | null;
  /** Bootstrap interval of each total index; null when `bootstrap` is 0. */
  totalInterval: Record<string, Interval> | null;
  /** Null: the indices are defined. */
  reason: null;
}

/** Indices that are undefined because the output does not vary. */
export interface SobolIndicesUndefined extends SobolCommon {
  first: null;
  total: null;
  firstInterval: null;
  totalInterval: null;
  /** Why there are no indices. */
  reason: string;
}

/** First-order and total Sobol' indices with their intervals, or null with the reason. */
export type SobolIndices = SobolIndicesDefined | SobolIndicesUndefined;

const METHOD = 'first order: Saltelli et al. 2010 (centred); total: Jansen 1999; design: Saltelli 2010 on a scrambled Sobol sequence';

/** Checked `bootstrap` and `level` options. */
interface BootstrapOptions {
  bootstrap: number;
  level: number;
}

function checkBootstrapOptions(origin: string, opts: Record<string, unknown>): BootstrapOptions {
  const bootstrap = opts.bootstrap ?? SOBOL_DEFAULTS.bootstrap;
  requireInteger(origin, 'options.bootstrap', bootstrap, 0, SOBOL_MAX_BOOTSTRAP);
  const level = opts.level ?? SOBOL_DEFAULTS.level;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new InvalidInputError(origin, 'options.level', 'must be a number in (0, 1)', level);
  return { bootstrap: bootstrap as number, level };
}

/**
 * First-order and total Sobol' indices of a model, estimated on a Saltelli
 * design built from a scrambled Sobol sequence, with percentile bootstrap
 * intervals. A thin wrapper on {@link saltelliDesign} then
 * {@link sobolFromEvaluations}: the model is called N·(d + 2) times, one call
 * at a time (each awaited before the next), in the design's order, so the
 * result is deterministic for a deterministic model.
 *
 * Inputs are taken as independent and uniform on their ranges.
 *
 * @param model - `(x) => number | Promise<number>`, x holding one value per parameter name
 *   (a fresh object each call)
 * @param parameters - `{ name: [low, high] }` (finite, low < high), in key order
 * @param options - `samples` (default 4096, rounded up to a power of two), `seed` (default 0),
 *   `bootstrap` (default 1000; 0 for no intervals), `level` (default 0.9); see {@link SOBOL_DEFAULTS}
 * @returns `{ first, total, firstInterval, totalInterval, reason, evaluations, samples, variance, params }`;
 *   when the output has zero variance over the design the four index fields are null and
 *   `reason` says why (never NaN)
 * @throws {InvalidInputError} for a bad parameter range or option (an unknown option is named),
 *   or when the model returns anything but a finite number (the message names sobolIndices,
 *   the point and the value); an error the model throws is passed on unchanged
 * @example
 * const r = await sobolIndices(({ a, b }) => a + 2 * b, { a: [0, 1], b: [0, 1] }, { samples: 1024 });
 * r.first; // { a: ≈0.2, b: ≈0.8 }
 *
 * Complexity: N·(d + 2) model calls; O(N·d·(1 + bootstrap)) time besides, O(N·d²) memory for the design.
 */
export async function sobolIndices(
  model: (x: Record<string, number>) => number | Promise<number>,
  parameters: Record<string, [low: number, high: number]>,
  options: SobolIndicesOptions = {},
): Promise<SobolIndices> {
  const origin = 'sobolIndices';
  requireModel(origin, model);
  const opts = requireObject(origin, 'options', options);
  requireKnownKeys(origin, 'options', opts, ['samples', 'seed', 'bootstrap', 'level']);
  // Every option is checked before the first model call: a bad option never wastes a long run.
  const boot = checkBootstrapOptions(origin, opts);
  const design = buildSaltelliDesign(origin, parameters, { samples: opts.samples, seed: opts.seed });
  const values = await evaluateSequentially(origin, model as SweepModel, design.points);
  return estimateSobol(design, values, design.seed, boot);
}

/**
 * First-order (Saltelli et al. 2010) and total (Jansen 1999) Sobol' indices
 * from the outputs of a {@link saltelliDesign}'s points, computed elsewhere
 * (another process, a cluster, a cache). With the same design and outputs
 * this returns exactly what {@link sobolIndices} returns.
 *
 * @param design - the design whose points were evaluated, as returned (or read back from JSON)
 * @param values - one finite output per point, in `design.points` order
 * @param options - `seed` of the bootstrap (default: the design's seed), `bootstrap` resamples
 *   (default 1000; 0 for no intervals), `level` (default 0.9)
 * @returns the indices with their intervals, or null indices with a `reason` when the
 *   outputs of A and B have zero variance
 * @throws {InvalidInputError} when the design is malformed, `values` does not hold one finite
 *   number per point, or an option is bad or unknown
 * @example
 * const design = saltelliDesign({ a: [0, 1], b: [0, 1] }, { samples: 1024, seed: 3 });
 * const values = design.points.map(({ a, b }) => a + 2 * b);
 * sobolFromEvaluations(design, values).total; // { a: ≈0.2, b: ≈0.8 }
 *
 * Complexity: O(N·d·(1 + bootstrap)) time, O(d·bootstrap + N) memory.
 */
export function sobolFromEvaluations(design: SaltelliDesign, values: ArrayLike<number>, options: SobolFromEvaluationsOptions = {}): SobolIndices {
  const origin = 'sobolFromEvaluations';
  checkDesign(origin, design);
  const opts = requireObject(origin, 'options', options);
  requireKnownKeys(origin, 'options', opts, ['seed', 'bootstrap', 'level']);
  const boot = checkBootstrapOptions(origin, opts);
  const seed = requireSeed(origin, 'options.seed', opts.seed ?? design.seed);
  const checked = checkValues(origin, values, design.points.length);
  return estimateSobol(design, checked, seed, boot);
}

/** Checks the fields of a design that the estimators read. */
function checkDesign(origin: string, design: unknown): asserts design is SaltelliDesign {
  const obj = requireObject(origin, 'design', design);
  const names = obj.names;
  if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== 'string')) {
    throw new InvalidInputError(origin, 'design.names', 'must be a non-empty array of parameter names', names);
  }
  const d = names.length;
  const n = requireInteger(origin, 'design.samples', obj.samples, 2);
  requireSeed(origin, 'design.seed', obj.seed);
  requireObject(origin, 'design.parameters', obj.parameters);
  if (!Array.isArray(obj.points) || obj.points.length !== n * (d + 2)) {
    throw new InvalidInputError(origin, 'design.points', `must be an array of samples × (d + 2) = ${n * (d + 2)} points`, obj.points);
  }
  const total = obj.points.length;
  const index = requireObject(origin, 'design.index', obj.index);
  const checkPositions = (field: string, arr: unknown): void => {
    if (!Array.isArray(arr) || arr.length !== n) throw new InvalidInputError(origin, field, `must be an array of ${n} point positions`, arr);
    for (let j = 0; j < n; j++) {
      const p = arr[j];
      if (!Number.isInteger(p) || p < 0 || p >= total) throw new InvalidInputError(origin, `${field}[${j}]`, `must be an integer in [0, ${total - 1}]`, p);
    }
  };
  checkPositions('design.index.a', index.a);
  checkPositions('design.index.b', index.b);
  if (!Array.isArray(index.ab) || index.ab.length !== d) throw new InvalidInputError(origin, 'design.index.ab', `must hold one array per parameter (${d})`, index.ab);
  for (let i = 0; i < d; i++) checkPositions(`design.index.ab[${i}]`, index.ab[i]);
}

/**
 * Point estimates of all indices for the base rows `rows` (null: rows 0 … N − 1),
 * written to `first` and `total`.
 *
 * @returns the output variance V over the 2N outputs of A and B (0 when they are all equal)
 */
function estimateInto(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], rows: Int32Array | null, first: Float64Array, total: Float64Array): number {
  const n = fA.length;
  const d = fAB.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const j = rows === null ? k : rows[k];
    const a = fA[j];
    const b = fB[j];
    sum += a + b;
    if (a < min) min = a;
    if (a > max) max = a;
    if (b < min) min = b;
    if (b > max) max = b;
  }
  if (min === max) return 0;
  const mean = sum / (2 * n);
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const j = rows === null ? k : rows[k];
    const da = fA[j] - mean;
    const db = fB[j] - mean;
    ss += da * da + db * db;
  }
  const variance = ss / (2 * n);
  if (!(variance > 0)) return 0;
  for (let i = 0; i < d; i++) {
    const ab = fAB[i];
    let s1 = 0;
    let s2 = 0;
    for (let k = 0; k < n; k++) {
      const j = rows === null ? k : rows[k];
      const diff = ab[j] - fA[j];
      s1 += (fB[j] - mean) * diff;
      s2 += diff * diff;
    }
    first[i] = s1 / n / variance;
    total[i] = s2 / n / 2 / variance;
  }
  return variance;
}

/** The indices and intervals of a checked design and outputs. */
function estimateSobol(design: SaltelliDesign, values: Float64Array, bootstrapSeed: Seed, boot: BootstrapOptions): SobolIndices {
  const { names } = design;
  const n = design.samples;
  const d = names.length;
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = names.map(() => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    fA[j] = values[design.index.a[j]];
    fB[j] = values[design.index.b[j]];
    for (let i = 0; i < d; i++) fAB[i][j] = values[design.index.ab[i][j]];
  }
  const common = {
    evaluations: design.points.length,
    samples: n,
    params: {
      parameters: design.parameters,
      samples: design.requestedSamples ?? n,
      seed: design.seed,
      bootstrapSeed,
      bootstrap: boot.bootstrap,
      level: boot.level,
      method: METHOD,
    },
  };
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  const variance = estimateInto(fA, fB, fAB, null, first, total);
  const undefinedResult = (reason: string): SobolIndicesUndefined => ({ ...common, variance, first: null, total: null, firstInterval: null, totalInterval: null, reason });
  if (variance === 0) return undefinedResult('the model output does not vary over the design (zero variance), so no share of it can be attributed');
  for (let i = 0; i < d; i++) {
    if (!Number.isFinite(first[i]) || !Number.isFinite(total[i])) {
      return undefinedResult(`the output variance (${variance}) is too small for the indices to be computed in floating point`);
    }
  }

  const firstRec: Record<string, number> = {};
  const totalRec: Record<string, number> = {};
  for (let i = 0; i < d; i++) {
    firstRec[names[i]] = first[i];
    totalRec[names[i]] = total[i];
  }
  let firstInterval: Record<string, Interval> | null = null;
  let totalInterval: Record<string, Interval> | null = null;
  if (boot.bootstrap > 0) {
    const intervals = bootstrapIntervals(fA, fB, fAB, bootstrapSeed, boot);
    if (intervals !== null) {
      firstInterval = {};
      totalInterval = {};
      for (let i = 0; i < d; i++) {
        firstInterval[names[i]] = intervals.first[i];
        totalInterval[names[i]] = intervals.total[i];
      }
    }
  }
  return { ...common, variance, first: firstRec, total: totalRec, firstInterval, totalInterval, reason: null };
}

/**
 * Percentile bootstrap intervals of every index: `bootstrap` resamples of the
 * N base rows with replacement. A resample whose outputs of A and B are all
 * equal has no indices and is left out (the method string says how many).
 *
 * @returns the intervals, or null if every resample was left out
 */
function bootstrapIntervals(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], seed: Seed, boot: BootstrapOptions): { first: Interval[]; total: Interval[] } | null {
  const n = fA.length;
  const d = fAB.length;
  const B = boot.bootstrap;
  const rng = toRng(seed, 'sobolFromEvaluations').stream('sobolBootstrap');
  const rows = new Int32Array(n);
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  // Replicates, index-major: [i * B + kept].
  const firstRep = new Float64Array(d * B);
  const totalRep = new Float64Array(d * B);
  let kept = 0;
  for (let r = 0; r < B; r++) {
    for (let k = 0; k < n; k++) rows[k] = Math.floor(rng.next() * n);
    const v = estimateInto(fA, fB, fAB, rows, first, total);
    if (v === 0) continue;
    let finite = true;
    for (let i = 0; i < d; i++) if (!Number.isFinite(first[i]) || !Number.isFinite(total[i])) finite = false;
    if (!finite) continue;
    for (let i = 0; i < d; i++) {
      firstRep[i * B + kept] = first[i];
      totalRep[i * B + kept] = total[i];
    }
    kept++;
  }
  if (kept === 0) return null;
  const dropped = B - kept;
  const method = `percentile bootstrap, ${B} resamples of the ${n} base rows${dropped > 0 ? ` (${dropped} with zero output variance left out)` : ''}`;
  const pLo = (1 - boot.level) / 2;
  const pHi = (1 + boot.level) / 2;
  const interval = (rep: Float64Array, i: number): Interval => {
    const sorted = Array.from(rep.subarray(i * B, i * B + kept)).sort((x, y) => x - y);
    return { lo: quantileSorted(sorted, pLo), hi: quantileSorted(sorted, pHi), level: boot.level, method };
  };
  const out = { first: [] as Interval[], total: [] as Interval[] };
  for (let i = 0; i < d; i++) {
    out.first.push(interval(firstRep, i));
    out.total.push(interval(totalRep, i));
  }
  return out;
}
