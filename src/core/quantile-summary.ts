/**
 * One quantile summary for the whole library: mean, extremes and type-7
 * quantiles of a column of numbers.
 *
 * Quantiles are R / numpy type 7 ("linear"): for probability p over n sorted
 * values x, idx = (n − 1)·p and the quantile is `x[⌊idx⌋] + (idx − ⌊idx⌋)·
 * (x[⌈idx⌉] − x[⌊idx⌋])`, exactly simple-statistics' `quantileSorted`
 * (p = 0 gives the minimum, p = 1 the maximum). How the order statistics are
 * found and how the mean is summed are options, because the callers differ
 * and each keeps its numbers bit for bit:
 *
 * - `method: 'sort'` sorts a copy (Float64Array order, −0 before +0) and sums
 *   the sorted values, so the result does not depend on the input order (the
 *   exposure layer's per-person columns, summarised on any thread);
 * - `method: 'select'` leaves the column unsorted: min and max by one scan,
 *   the mean summed in input order, and only the needed ranks found by
 *   selection (./select.ts) — no O(n log n) sort of a million values (the
 *   retention layer's per-person histories);
 * - `method: 'presorted'`: the caller passes values already in ascending order;
 * - `sum: 'compensated'` sums with simple-statistics' `sum` (Neumaier
 *   compensation; the network layer's trial summaries), `'plain'` (default)
 *   with an ordinary running sum.
 *
 * Unchecked (for the layers' internals): values must be finite numbers and
 * probabilities in [0, 1]; the public functions that call these validate.
 */
import { quantileSorted, sum as compensatedSum } from 'simple-statistics';
import { orderStatistics } from './select.js';

/** Mean, extremes and quantiles of one column (plain data). */
export interface QuantileSummary {
  mean: number;
  min: number;
  max: number;
  /** Type-7 quantiles keyed by the probability as a string: `{ '0.5': median, … }`. */
  quantiles: Record<string, number>;
}

/** How {@link quantileSummaryInto} finds order statistics (see the module documentation). */
export type QuantileSummaryMethod = 'sort' | 'select' | 'presorted';

/** Options of {@link quantileSummaryInto} and {@link quantileSummary}. */
export interface QuantileSummaryOptions {
  /** `sort` (default), `select` or `presorted`. */
  method?: QuantileSummaryMethod;
  /** `plain` (default) running sum, or `compensated` (simple-statistics' Neumaier `sum`). */
  sum?: 'plain' | 'compensated';
}

/** Defaults of {@link quantileSummaryInto}. */
export const QUANTILE_SUMMARY_DEFAULTS = {
  /** Sort a copy: the result is independent of the input order. */
  method: 'sort' as QuantileSummaryMethod,
  /** An ordinary running sum. */
  sum: 'plain' as 'plain' | 'compensated',
} as const;

function meanOf(values: ArrayLike<number>, compensated: boolean): number {
  const n = values.length;
  if (compensated) return compensatedSum(values as number[]) / n;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  return s / n;
}

/**
 * Writes the summary of `values` as one flat row `[mean, min, max, q…]`
 * (3 + probabilities.length numbers) into `out` from index `at`; all zeros
 * for no values. The flat form travels between worker threads as one
 * Float64Array; {@link quantileSummaryFromRow} turns a row into a
 * {@link QuantileSummary}.
 *
 * @param values - the column (not modified); ascending when `method` is `presorted`
 * @param probabilities - quantile probabilities in [0, 1]
 * @param out - receives the row
 * @param at - index of the row's first number (the mean) in `out`
 * @param options - method (`sort` default, `select`, `presorted`) and sum (`plain` default, `compensated`)
 * @returns nothing; `out[at … at + 2 + probabilities.length]` is written
 * @example
 * const row = new Float64Array(4);
 * quantileSummaryInto(Float64Array.of(3, 1, 2, 4), [0.5], row, 0); // row = [2.5, 1, 4, 2.5]
 * @remarks O(n log n) for `sort`; O(n) (non-negative columns) or expected O(n log #probabilities) for `select`; O(n) for `presorted`.
 */
export function quantileSummaryInto(
  values: Float64Array | readonly number[],
  probabilities: readonly number[],
  out: Float64Array,
  at: number,
  options: QuantileSummaryOptions = {},
): void {
  const n = values.length;
  const nq = probabilities.length;
  if (n === 0) {
    out.fill(0, at, at + 3 + nq);
    return;
  }
  const method = options.method ?? QUANTILE_SUMMARY_DEFAULTS.method;
  const compensated = (options.sum ?? QUANTILE_SUMMARY_DEFAULTS.sum) === 'compensated';
  if (method === 'select') {
    selectSummaryInto(values as Float64Array, probabilities, out, at, compensated);
    return;
  }
  const sorted = method === 'sort' ? Float64Array.from(values).sort() : values;
  out[at] = meanOf(sorted, compensated);
  out[at + 1] = sorted[0];
  out[at + 2] = sorted[n - 1];
  // simple-statistics' quantileSorted only indexes its input: a typed array serves (no copy to a plain array).
  const arr = sorted as unknown as number[];
  for (let k = 0; k < nq; k++) out[at + 3 + k] = quantileSorted(arr, probabilities[k]);
}

/** The `select` method: one scan for mean and extremes, selection of the needed ranks only. */
function selectSummaryInto(values: Float64Array, probabilities: readonly number[], out: Float64Array, at: number, compensated: boolean): void {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  out[at] = meanOf(values, compensated);
  out[at + 1] = min;
  out[at + 2] = max;
  // The ranks either side of every quantile's index, ascending and distinct.
  const wanted = new Set<number>();
  for (const p of probabilities) {
    const idx = (n - 1) * p;
    wanted.add(Math.floor(idx));
    wanted.add(Math.ceil(idx));
  }
  const ranks = Float64Array.from(wanted).sort();
  const picked = orderStatistics(values, ranks, min);
  const valueAt = new Map<number, number>();
  for (let j = 0; j < ranks.length; j++) valueAt.set(ranks[j], picked[j]);
  for (let k = 0; k < probabilities.length; k++) {
    const p = probabilities[k];
    let v: number;
    if (p === 1) v = max;
    else if (p === 0) v = min;
    else {
      // The same arithmetic as simple-statistics' quantileSorted.
      const idx = (n - 1) * p;
      const lo = Math.floor(idx);
      if (idx % 1 === 0) v = valueAt.get(lo) as number;
      else {
        const a = valueAt.get(lo) as number;
        v = a + (idx - lo) * ((valueAt.get(Math.ceil(idx)) as number) - a);
      }
    }
    out[at + 3 + k] = v;
  }
}

/**
 * The {@link QuantileSummary} of a flat row written by {@link quantileSummaryInto}.
 *
 * @param row - the rows
 * @param at - index of the row's mean in `row`
 * @param probabilities - the probabilities the row was made with
 * @returns `{ mean, min, max, quantiles: { [String(p)]: q } }`
 * @example
 * quantileSummaryFromRow(Float64Array.of(2.5, 1, 4, 2.5), 0, [0.5]) // { mean: 2.5, min: 1, max: 4, quantiles: { '0.5': 2.5 } }
 */
export function quantileSummaryFromRow(row: Float64Array, at: number, probabilities: readonly number[]): QuantileSummary {
  const quantiles: Record<string, number> = {};
  for (let k = 0; k < probabilities.length; k++) quantiles[String(probabilities[k])] = row[at + 3 + k];
  return { mean: row[at], min: row[at + 1], max: row[at + 2], quantiles };
}

/**
 * Mean, min, max and type-7 quantiles of a column (all zeros for no values).
 *
 * @param values - the column (not modified); ascending when `method` is `presorted`
 * @param probabilities - quantile probabilities in [0, 1]
 * @param options - method (`sort` default, `select`, `presorted`) and sum (`plain` default, `compensated`)
 * @returns a {@link QuantileSummary}
 * @example
 * quantileSummary(Float64Array.of(1, 2, 3, 4), [0.25, 0.5]).quantiles // { '0.25': 1.75, '0.5': 2.5 }
 */
export function quantileSummary(values: Float64Array | readonly number[], probabilities: readonly number[], options: QuantileSummaryOptions = {}): QuantileSummary {
  const row = new Float64Array(3 + probabilities.length);
  quantileSummaryInto(values, probabilities, row, 0, options);
  return quantileSummaryFromRow(row, 0, probabilities);
}
