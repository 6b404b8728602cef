/**
 * Percentile bootstrap intervals of means over groups (Efron & Tibshirani,
 * An Introduction to the Bootstrap, 1993, ch. 13): the interval of a mean
 * over simulated residents when each resident contributes several correlated
 * rows (their person-days). The groups, not the rows, are resampled with
 * replacement, so the correlation between a resident's days is kept.
 *
 * The statistic of a column is Σ values / Σ weights over the rows of the
 * groups drawn (every weight 1 by default: the plain mean over rows). Several
 * columns resampled with the same draws of groups cost one set of draws.
 */
import { InvalidInputError } from './errors.js';
import type { Interval } from './poisson-interval.js';
import { toRng, type Rng, type Seed } from './random.js';

/** Defaults of {@link bootstrapMeanInterval} and {@link bootstrapMeanIntervals}. */
export const BOOTSTRAP_DEFAULTS = {
  /**
   * Resamples. 2,000 keep the Monte Carlo error of a 90 % percentile bound
   * below about 2 % of the interval's width for a near-normal mean (Efron &
   * Tibshirani 1993, §19.3, recommend at least 1,000 for percentile intervals).
   */
  resamples: 2000,
  /** 90 % intervals, the level every interval of a sightline run uses. */
  level: 0.9,
  /** Rows per group: one row per resident. */
  rowsPerGroup: 1,
} as const;

/** One column to bootstrap: the statistic is Σ values / Σ weights over the rows of the drawn groups. */
export interface BootstrapColumn {
  /** One value per row (finite). */
  values: Float64Array;
  /** One weight per row (finite, ≥ 0); default every weight 1, i.e. the plain mean over rows. */
  weights?: Float64Array;
}

/** Options of {@link bootstrapMeanInterval} and {@link bootstrapMeanIntervals}. */
export interface BootstrapOptions {
  /** Seed or stream of the resampling (required: the interval is reproducible). A stream given is drawn from. */
  seed: Seed | Rng;
  /** Rows per group: group g holds rows g·rowsPerGroup … (g + 1)·rowsPerGroup − 1 (default 1). */
  rowsPerGroup?: number;
  /** Resamples, an integer in [100, 1,000,000] (default 2,000). */
  resamples?: number;
  /** Level of the interval, in (0, 1) (default 0.9). */
  level?: number;
}

/** A bootstrap interval with the estimate it brackets and how it was made. */
export interface BootstrapInterval extends Interval {
  /** The statistic on the whole sample (Σ values / Σ weights, summed in row order). */
  estimate: number;
  /** Groups (e.g. residents) resampled. */
  numGroups: number;
  resamples: number;
  /** Seed of the stream the draws came from. */
  seed: string;
}

const ONE = 'bootstrapMeanInterval';
const MANY = 'bootstrapMeanIntervals';

/**
 * Percentile bootstrap interval of a mean over groups of rows.
 *
 * Each resample draws `numGroups` groups uniformly with replacement
 * (`floor(rng.next() · numGroups)`, resample by resample, in order) and
 * computes Σ values / Σ weights over every row of the groups drawn (0 when
 * the weights drawn sum to 0); the interval is the type-7 quantiles at
 * (1 − level)/2 and (1 + level)/2 of the resampled statistics (as
 * simple-statistics' `quantileSorted`).
 *
 * @param values - one value per row, rows grouped contiguously (length a multiple of rowsPerGroup, ≥ one group)
 * @param options - `seed` (required), `rowsPerGroup` (1), `resamples` (2,000), `level` (0.9); and `weights`
 *   (per row, default 1) for a ratio mean such as a mean over the person-days that qualify
 * @returns `{ lo, hi, level, method, estimate, numGroups, resamples, seed }`
 * @throws {InvalidInputError} values not a Float64Array, empty, of a length not a multiple of rowsPerGroup,
 *   or holding a non-finite value; weights not a Float64Array of the same length, negative, non-finite or
 *   summing to 0; rowsPerGroup, resamples or level out of range; a bad seed
 * @example
 * // 10,000 residents × 3 days, person-major rows: the interval of the mean per person-day, residents resampled.
 * const i = bootstrapMeanInterval(sightings, { rowsPerGroup: 3, seed: rng.stream('bootstrap/sightings') });
 * i.lo; i.hi; // 90 % percentile interval
 *
 * Complexity: O(rows) once, then O(resamples · numGroups); no allocation per resample.
 */
export function bootstrapMeanInterval(values: Float64Array, options: BootstrapOptions & { weights?: Float64Array }): BootstrapInterval {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ONE, 'options', 'must be an object', options);
  return intervals(ONE, [{ values, weights: options.weights }], options, 'values', 'options.weights')[0];
}

/**
 * {@link bootstrapMeanInterval} for several columns over the same groups,
 * with the same draws of groups for every column (one set of draws: the
 * cost of the random numbers is shared, and the columns' intervals come
 * from the same resampled populations). Column c's interval equals
 * bootstrapMeanInterval(columns[c].values, …) with the same seed.
 *
 * @param columns - `{ values, weights? }` per column, every column of the same length
 * @param options - `seed` (required), `rowsPerGroup` (1), `resamples` (2,000), `level` (0.9)
 * @returns one {@link BootstrapInterval} per column, in order
 * @throws {InvalidInputError} as bootstrapMeanInterval, naming `columns[c].values` / `columns[c].weights`;
 *   columns not a non-empty array or of different lengths
 * @example
 * const [s, p] = bootstrapMeanIntervals([{ values: sightings }, { values: pIdentified }], { rowsPerGroup: numDays, seed: rng.stream('bootstrap/exposure') });
 *
 * Complexity: O(columns · rows) once, then O(resamples · numGroups · (1 + columns)); no allocation per resample.
 */
export function bootstrapMeanIntervals(columns: readonly BootstrapColumn[], options: BootstrapOptions): BootstrapInterval[] {
  if (!Array.isArray(columns) || columns.length === 0) throw new InvalidInputError(MANY, 'columns', 'must be a non-empty array of { values, weights? }', columns);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(MANY, 'options', 'must be an object', options);
  columns.forEach((c, i) => {
    if (typeof c !== 'object' || c === null) throw new InvalidInputError(MANY, `columns[${i}]`, 'must be an object { values, weights? }', c);
  });
  return intervals(MANY, columns, options, 'columns[#].values', 'columns[#].weights');
}

function intervals(origin: string, columns: readonly BootstrapColumn[], options: BootstrapOptions, valuesField: string, weightsField: string): BootstrapInterval[] {
  const rowsPerGroup = options.rowsPerGroup ?? BOOTSTRAP_DEFAULTS.rowsPerGroup;
  if (typeof rowsPerGroup !== 'number' || !Number.isInteger(rowsPerGroup) || rowsPerGroup < 1) throw new InvalidInputError(origin, 'options.rowsPerGroup', 'must be an integer >= 1', rowsPerGroup);
  const resamples = options.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  if (typeof resamples !== 'number' || !Number.isInteger(resamples) || resamples < 100 || resamples > 1_000_000) throw new InvalidInputError(origin, 'options.resamples', 'must be an integer in [100, 1000000]', resamples);
  const level = options.level ?? BOOTSTRAP_DEFAULTS.level;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new InvalidInputError(origin, 'options.level', 'must be a number in (0, 1)', level);
  if (options.seed === undefined) throw new InvalidInputError(origin, 'options.seed', 'is required (a string, a finite number or an Rng)', options.seed);
  const rng = toRng(options.seed, origin, 'options.seed');

  // Check every column once, and sum its rows per group.
  const nc = columns.length;
  let rows = -1;
  const groupSum: Float64Array[] = [];
  const groupWeight: (Float64Array | null)[] = [];
  const estimate = new Float64Array(nc);
  for (let c = 0; c < nc; c++) {
    const vf = valuesField.replace('#', String(c));
    const wf = weightsField.replace('#', String(c));
    const v = columns[c].values;
    const w = columns[c].weights;
    if (!(v instanceof Float64Array)) throw new InvalidInputError(origin, vf, 'must be a Float64Array', v);
    if (rows === -1) {
      rows = v.length;
      if (rows === 0 || rows % rowsPerGroup !== 0) throw new InvalidInputError(origin, `${vf}.length`, `must be a positive multiple of options.rowsPerGroup (${rowsPerGroup})`, rows);
    } else if (v.length !== rows) throw new InvalidInputError(origin, `${vf}.length`, `must equal the first column's length (${rows})`, v.length);
    if (w !== undefined && (!(w instanceof Float64Array) || w.length !== rows)) throw new InvalidInputError(origin, wf, `must be a Float64Array of length ${rows}`, w);
    const ng = rows / rowsPerGroup;
    const gs = new Float64Array(ng);
    const gw = w === undefined ? null : new Float64Array(ng);
    let total = 0;
    let totalW = 0;
    for (let r = 0; r < rows; r++) {
      const x = v[r];
      if (!Number.isFinite(x)) throw new InvalidInputError(origin, `${vf}[${r}]`, 'must be a finite number', x);
      gs[(r / rowsPerGroup) | 0] += x;
      total += x;
      if (w !== undefined) {
        const y = w[r];
        if (!(y >= 0 && y < Infinity)) throw new InvalidInputError(origin, `${wf}[${r}]`, 'must be a finite number >= 0', y);
        gw![(r / rowsPerGroup) | 0] += y;
        totalW += y;
      }
    }
    if (w !== undefined && !(totalW > 0)) throw new InvalidInputError(origin, wf, 'must have a positive sum (the statistic is Σ values / Σ weights)', totalW);
    estimate[c] = total / (w === undefined ? rows : totalW);
    groupSum.push(gs);
    groupWeight.push(gw);
  }

  const ng = rows / rowsPerGroup;
  const drawn = new Uint32Array(ng);
  const stats: Float64Array[] = [];
  for (let c = 0; c < nc; c++) stats.push(new Float64Array(resamples));
  const plainDen = ng * rowsPerGroup;
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < ng; j++) drawn[j] = Math.floor(rng.next() * ng);
    for (let c = 0; c < nc; c++) {
      const gs = groupSum[c];
      const gw = groupWeight[c];
      let s = 0;
      if (gw === null) {
        for (let j = 0; j < ng; j++) s += gs[drawn[j]];
        stats[c][b] = s / plainDen;
      } else {
        let sw = 0;
        for (let j = 0; j < ng; j++) {
          const g = drawn[j];
          s += gs[g];
          sw += gw[g];
        }
        stats[c][b] = sw > 0 ? s / sw : 0;
      }
    }
  }

  const alpha = (1 - level) / 2;
  const groups = `${ng.toLocaleString('en-US')} ${rowsPerGroup > 1 ? `groups of ${rowsPerGroup} rows` : 'rows'}`;
  const method = `percentile bootstrap, ${resamples.toLocaleString('en-US')} resamples of ${groups} with replacement`;
  return stats.map((st, c) => {
    st.sort();
    return { lo: quantileSorted7(st, alpha), hi: quantileSorted7(st, 1 - alpha), level, method, estimate: estimate[c], numGroups: ng, resamples, seed: rng.seed };
  });
}

/** Type-7 quantile of sorted values (linear interpolation between order statistics, as simple-statistics' quantileSorted). */
function quantileSorted7(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  if (i + 1 >= n) return sorted[n - 1];
  return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
}
