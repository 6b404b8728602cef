/**
 * The 90 % intervals of a run's sampled headline numbers (results.json
 * `intervals.<headline key>`), made here for every step so that each kind of
 * figure gets one method, stated in words a reader can check:
 *
 * - means over simulated residents: percentile bootstrap over residents
 *   (a resident's days resampled together), {@link residentMeanIntervals};
 * - shares of sampled people (unicity): Wilson score interval,
 *   {@link wilsonShareInterval};
 * - means over Monte Carlo trials: confidence interval of the mean,
 *   {@link trialMeanInterval}; a quantile over trials: distribution-free
 *   order-statistic interval, {@link trialQuantileInterval};
 * - rare counts: exact Poisson (the watchlist, in the exposure step).
 *
 * And the one formatter the CLI summary and the report print them with,
 * {@link formatWithInterval}.
 */
import { bootstrapMeanIntervals, BOOTSTRAP_DEFAULTS, type Interval, type Rng } from '../core/index.js';
import { wilsonInterval } from '../exposure/index.js';

/** Level of every interval of a run. */
export const INTERVAL_LEVEL = 0.9;

/** Standard normal quantile at 0.95: the half-width factor of a two-sided 90 % normal interval. */
const Z90 = 1.6448536269514722;

/**
 * `value (90 %: lo–hi)` with `fmt` applied to all three; just `fmt(value)`
 * when there is no interval. The one formatter of intervals in the CLI
 * summary and the HTML report.
 *
 * @param value - the headline number
 * @param interval - its interval (results.json `intervals[key]`), if any
 * @param fmt - how a number is printed (e.g. a percentage with one decimal)
 * @returns e.g. `50.4 (90 %: 38.0–63.1)`
 * @example formatWithInterval(0.705, { lo: 0.696, hi: 0.714, level: 0.9, method: '…' }, pct) // '70.5% (90 %: 69.6%–71.4%)'
 */
export function formatWithInterval(value: number | null | undefined, interval: Interval | undefined, fmt: (x: number) => string): string {
  const v = value === null || value === undefined ? '–' : fmt(value);
  if (!interval) return v;
  return `${v} (${Math.round(interval.level * 100)} %: ${fmt(interval.lo)}–${fmt(interval.hi)})`;
}

/** The interval with lo and hi widened to take in `value` where the rounding of a differently ordered sum puts it an ulp outside. */
function bracket(value: number, i: Interval): Interval {
  return { lo: Math.min(i.lo, value), hi: Math.max(i.hi, value), level: i.level, method: i.method };
}

/** One headline mean over residents to bootstrap: Σ values / Σ weights over its rows (weights default 1). */
export interface ResidentMean {
  key: string;
  values: Float64Array;
  weights?: Float64Array;
  /** What the mean is over, for the method text (e.g. `person-days`, `person-days with walk trips and no car trip`). */
  over?: string;
}

/**
 * Resamples of the bootstrap over `numResidents` residents: 2,000 (the
 * library's default), fewer for samples beyond 20,000 residents so that the
 * draws stay near 4·10⁷ (under a second), but never fewer than 500 (a large
 * sample's bootstrap means are close to normal, so 500 place the 5th and
 * 95th percentiles within a few per cent of the interval's width).
 */
export function residentResamples(numResidents: number): number {
  return Math.max(500, Math.min(BOOTSTRAP_DEFAULTS.resamples, Math.floor(4e7 / Math.max(1, numResidents))));
}

/**
 * 90 % percentile-bootstrap intervals of means over simulated residents,
 * written to `intervals[key]` for each mean whose headline number exists.
 * Residents, not rows, are resampled with replacement (a resident's days are
 * correlated), every column with the same draws, from the one stream given.
 *
 * @param headline - the run's headline numbers (a key absent there gets no interval)
 * @param intervals - where the intervals go
 * @param means - the columns, rows person-major (resident r's rows r·rowsPerResident …)
 * @param rowsPerResident - rows per resident (the simulated days, or 1)
 * @param rng - the dedicated stream (e.g. `ctx.rng.stream('bootstrap/exposure')`)
 */
export function residentMeanIntervals(headline: Record<string, number>, intervals: Record<string, Interval>, means: readonly ResidentMean[], rowsPerResident: number, rng: Rng): void {
  const todo = means.filter((m) => headline[m.key] !== undefined && m.values.length > 0);
  if (todo.length === 0) return;
  const resamples = residentResamples(todo[0].values.length / rowsPerResident);
  const out = bootstrapMeanIntervals(todo.map((m) => ({ values: m.values, weights: m.weights })), { seed: rng, rowsPerGroup: rowsPerResident, resamples, level: INTERVAL_LEVEL });
  const n = out[0].numGroups;
  todo.forEach((m, i) => {
    const days = rowsPerResident > 1 ? ` (each resident's ${rowsPerResident} days kept together)` : '';
    const method = `percentile bootstrap over residents: ${resamples.toLocaleString('en-US')} resamples, with replacement, of the ${n.toLocaleString('en-US')} simulated residents${days}; the mean recomputed over ${m.over ?? (rowsPerResident > 1 ? 'their person-days' : 'them')} (seed stream ${out[i].seed}). Covers the sampling of residents and their trips, not the model's rates`;
    intervals[m.key] = bracket(headline[m.key], { lo: out[i].lo, hi: out[i].hi, level: INTERVAL_LEVEL, method });
  });
}

/**
 * 90 % Wilson score interval of a share of sampled people.
 *
 * @param share - the share (unique / sampled)
 * @param unique - people counted
 * @param sampled - people sampled (≥ 1)
 * @param what - what was counted, for the method text
 */
export function wilsonShareInterval(share: number, unique: number, sampled: number, what: string): Interval {
  const [lo, hi] = wilsonInterval(unique, sampled, Z90);
  return bracket(share, { lo, hi, level: INTERVAL_LEVEL, method: `Wilson score interval of ${sampled.toLocaleString('en-US')} sampled residents (${unique.toLocaleString('en-US')} ${what}); covers the choice of residents and points tested, not the simulation of the crowd` });
}

/**
 * 90 % confidence interval of a mean over Monte Carlo trials, mean ± 1.645·sd/√n
 * (normal approximation; sd the trials' sample standard deviation), with the
 * trials' own 5th–95th percentile spread named in the method.
 */
export function trialMeanInterval(s: { n: number; mean: number; sd: number; p05: number; p95: number }, what: string, fmt: (x: number) => string): Interval {
  const half = s.n > 1 ? (Z90 * s.sd) / Math.sqrt(s.n) : 0;
  const method = `90 % confidence interval of the mean over ${s.n.toLocaleString('en-US')} ${what} (mean ± 1.645·sd/√n, normal approximation): the Monte Carlo error of the mean, not the spread between trials, whose 5th–95th percentiles are ${fmt(s.p05)}–${fmt(s.p95)}`;
  return bracket(s.mean, { lo: s.mean - half, hi: s.mean + half, level: INTERVAL_LEVEL, method });
}

/**
 * 90 % distribution-free interval of a quantile q of trials from the order
 * statistics: the ranks floor(nq − 1.645·√(nq(1 − q))) and
 * ceil(nq + 1.645·√(nq(1 − q))) + 1 (1-based, clamped to 1 … n) of the sorted trials, the normal
 * approximation to the binomial count of trials below the quantile
 * (Conover, Practical Nonparametric Statistics, 3rd ed., §3.2).
 */
export function trialQuantileInterval(value: number, trials: ArrayLike<number>, q: number, what: string): Interval {
  const sorted = Float64Array.from(trials).sort();
  const n = sorted.length;
  const sd = Math.sqrt(n * q * (1 - q));
  const r1 = Math.min(n, Math.max(1, Math.floor(n * q - Z90 * sd)));
  const r2 = Math.min(n, Math.max(1, Math.ceil(n * q + Z90 * sd) + 1));
  const method = `order-statistic interval of the ${Math.round(q * 100)}th percentile of ${n.toLocaleString('en-US')} ${what}: the ${r1}th and ${r2}th smallest trials (binomial count of trials below the percentile, normal approximation)`;
  return bracket(value, { lo: sorted[r1 - 1], hi: sorted[r2 - 1], level: INTERVAL_LEVEL, method });
}
