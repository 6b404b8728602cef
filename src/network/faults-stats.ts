/**
 * Summaries of Monte Carlo trial outcomes: mean, spread, quantiles and a
 * confidence interval on the mean (simple-statistics).
 */
import { quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { InvalidInputError, type Rng, type Seed } from '../core/index.js';
import { quantileSummaryInto, toRng, checkOptions, optionKeys } from '../core/internal.js';

/** How the confidence interval on the mean is made. */
export type ConfidenceMethod = 'normal' | 'bootstrap';
export const CONFIDENCE_METHODS: readonly ConfidenceMethod[] = ['normal', 'bootstrap'];

/** Options of {@link summariseTrials}. */
export interface TrialSummaryOptions {
  /** Confidence level of the interval on the mean, in (0, 1) (default 0.95). */
  confidence?: number;
  /**
   * `normal` (default): mean ± z·s/√n, z = Φ⁻¹((1 + confidence)/2) (Acklam), s the
   * sample standard deviation (normal approximation, central limit theorem).
   * `bootstrap`: percentile bootstrap of the mean with `resamples` seeded resamples.
   */
  ci?: ConfidenceMethod;
  /** Bootstrap resamples (integer ≥ 100, default 1,000). */
  resamples?: number;
  /** Seed (or stream) of the bootstrap (default 1). */
  seed?: Seed | Rng;
}

/** Defaults of {@link summariseTrials}. */
export const TRIAL_SUMMARY_DEFAULTS = {
  confidence: 0.95,
  ci: 'normal' as ConfidenceMethod,
  resamples: 1000,
  seed: 1 as Seed,
} as const;

/** The options summariseTrials knows (its unknown options are refused). */
const SUMMARISE_TRIALS_OPTION_KEYS = optionKeys<TrialSummaryOptions>()(TRIAL_SUMMARY_DEFAULTS, []);

/** Distribution of one outcome over trials (plain data). */
export interface TrialSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (0 for one trial). */
  sd: number;
  min: number;
  max: number;
  /** Quantiles (linear interpolation, R type 7; computed by the core layer's quantile summary). */
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  /** Interval on the MEAN (not a prediction interval for one trial). */
  ci: { method: ConfidenceMethod; level: number; low: number; high: number; resamples: number | null; seed: string | null };
}

/**
 * Quantile of the standard normal distribution (Acklam's rational
 * approximation, relative error below 1.2e-9; simple-statistics' `probit`
 * is only good to about 1e-3 at 0.975).
 * @internal
 */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** The probabilities of TrialSummary's p05 … p95, in that order. */
const TRIAL_QUANTILES: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];

/** Resolved summary options. @internal */
export interface ResolvedSummaryOptions {
  confidence: number;
  ci: ConfidenceMethod;
  resamples: number;
  rng: Rng;
}

/** Validates summary options once. @internal */
export function resolveSummaryOptions(origin: string, o: TrialSummaryOptions, field = 'options'): ResolvedSummaryOptions {
  const D = TRIAL_SUMMARY_DEFAULTS;
  const confidence = o.confidence ?? D.confidence;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) throw new InvalidInputError(origin, `${field}.confidence`, 'must be a number in (0, 1)', confidence);
  const ci = o.ci ?? D.ci;
  if (!CONFIDENCE_METHODS.includes(ci)) throw new InvalidInputError(origin, `${field}.ci`, 'must be "normal" or "bootstrap"', ci);
  const resamples = o.resamples ?? D.resamples;
  if (!Number.isInteger(resamples) || resamples < 100 || resamples > 1_000_000) throw new InvalidInputError(origin, `${field}.resamples`, 'must be an integer in [100, 1000000]', resamples);
  const rng = toRng(o.seed ?? D.seed, origin);
  return { confidence, ci, resamples, rng };
}

/** Summary with resolved options (no validation). @internal */
export function summariseResolved(values: ArrayLike<number>, r: ResolvedSummaryOptions, streamName: string): TrialSummary {
  const n = values.length;
  const sorted = Array.from(values).sort((a, b) => a - b);
  // Mean (compensated sum, as simple-statistics' mean), extremes and p05 … p95 from the core summary.
  const row = new Float64Array(3 + TRIAL_QUANTILES.length);
  quantileSummaryInto(sorted, TRIAL_QUANTILES, row, 0, { method: 'presorted', sum: 'compensated' });
  const m = row[0];
  const sd = n > 1 ? sampleStandardDeviation(sorted) : 0;
  let low: number;
  let high: number;
  let seed: string | null = null;
  if (r.ci === 'normal' || n === 1) {
    const z = normalQuantile((1 + r.confidence) / 2);
    const half = (z * sd) / Math.sqrt(n);
    low = m - half;
    high = m + half;
  } else {
    const rng = r.rng.stream(`bootstrap/${streamName}`);
    seed = rng.seed;
    const means = new Array<number>(r.resamples);
    for (let b = 0; b < r.resamples; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += sorted[Math.floor(rng.next() * n)];
      means[b] = s / n;
    }
    means.sort((a, b) => a - b);
    const alpha = (1 - r.confidence) / 2;
    low = quantileSorted(means, alpha);
    high = quantileSorted(means, 1 - alpha);
  }
  return {
    n,
    mean: m,
    sd,
    min: row[1],
    max: row[2],
    p05: row[3],
    p25: row[4],
    p50: row[5],
    p75: row[6],
    p95: row[7],
    ci: { method: r.ci === 'normal' || n === 1 ? 'normal' : 'bootstrap', level: r.confidence, low, high, resamples: r.ci === 'bootstrap' && n > 1 ? r.resamples : null, seed },
  };
}

/**
 * Summarises trial outcomes: mean, sample standard deviation, quantiles and a
 * confidence interval on the mean.
 *
 * @param values - one outcome per trial (at least one, all finite)
 * @param options - confidence (default 0.95), ci (`normal` default, or `bootstrap`),
 *   resamples (default 1,000), seed (bootstrap; default 1)
 * @returns the summary (plain data; records the bootstrap seed)
 * @throws {InvalidInputError} on an empty or non-finite sample or a bad option
 * @example
 * summariseTrials([0.41, 0.40, 0.39]).ci // { method: 'normal', level: 0.95, low: …, high: … }
 *
 * Complexity: O(n log n), plus O(resamples · n) for the bootstrap.
 */
export function summariseTrials(values: ArrayLike<number>, options: TrialSummaryOptions = {}): TrialSummary {
  checkOptions('summariseTrials', options, SUMMARISE_TRIALS_OPTION_KEYS);
  const origin = 'summariseTrials';
  if (typeof values !== 'object' || values === null || typeof values.length !== 'number') throw new InvalidInputError(origin, 'values', 'must be an array of numbers', values);
  if (values.length === 0) throw new InvalidInputError(origin, 'values.length', 'must be >= 1', 0);
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== 'number' || !Number.isFinite(values[i])) throw new InvalidInputError(origin, `values[${i}]`, 'must be a finite number', values[i]);
  }
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  return summariseResolved(values, resolveSummaryOptions(origin, options), 'values');
}
