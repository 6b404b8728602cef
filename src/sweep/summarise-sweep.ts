/**
 * `summary.json` of a sweep: per headline number and variant, the median and
 * the 90 % interval over seeds; for a one-at-a-time design the low/high
 * swings of every input (a tornado chart's bars), for a sobol design the
 * first-order and total Sobol indices with bootstrap intervals. A pure
 * function of the plan and the complete rows, so a merged sweep gives the
 * same bytes as an unsharded one.
 */
import { quantileSorted } from 'simple-statistics';
import { SIGHTLINE_VERSION } from '../scenario/index.js';
import type { SweepPlan } from './plan-sweep.js';
import type { SweepRow } from './run-sweep.js';
import { headlineKeys } from './sweep-csv.js';
import { SweepError } from './sweep-schema.js';
import { sobolFromEvaluations } from './sobol-indices.js';
import { oneAtATimeFromEvaluations } from './one-at-a-time.js';
import { oneAtATimeLevels } from './plan-sweep.js';

/** Level of the intervals over seeds. */
export const SWEEP_INTERVAL_LEVEL = 0.9;

/** One headline number of one variant, over its seeds. */
export interface SweepStat {
  median: number;
  /** 5th percentile over seeds (linear interpolation between order statistics). */
  lo: number;
  /** 95th percentile over seeds. */
  hi: number;
  mean: number;
  /** Seeds that gave the number. */
  n: number;
}

/** One input's swing for one headline number. */
export interface SweepSwing {
  parameter: string;
  low: number;
  high: number;
  outputAtLow: number;
  outputAtHigh: number;
  swing: number;
}

/** summary.json. */
export interface SweepSummary {
  format: 'sightline-sweep-summary';
  formatVersion: 1;
  libraryVersion: string;
  sweepHash: string;
  name: string;
  design: SweepPlan['design'];
  seeds: (string | number)[];
  numRuns: number;
  parameters: { key: string; path: string; low: number; central: number; high: number; values: number[] }[];
  interval: { level: number; method: string };
  variants: { variant: number; values: Record<string, number>; headline: Record<string, SweepStat> }[];
  /** One-at-a-time design: per headline number, the base (all inputs central) and each input's swing, largest first. */
  oneAtATime: Record<string, { base: number; swings: SweepSwing[] }> | null;
  /** Sobol design: per headline number, the indices of each input (null when the number does not vary). */
  sobol: {
    samples: number;
    evaluations: number;
    method: string;
    indices: Record<string, { first: Record<string, number>; total: Record<string, number>; firstInterval: Record<string, { lo: number; hi: number }>; totalInterval: Record<string, { lo: number; hi: number }> } | null>;
  } | null;
}

/** Median and 90 % interval of values (sorted copy; simple-statistics quantileSorted). */
function stat(values: number[]): SweepStat {
  const s = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of s) sum += v;
  return { median: quantileSorted(s, 0.5), lo: quantileSorted(s, (1 - SWEEP_INTERVAL_LEVEL) / 2), hi: quantileSorted(s, 1 - (1 - SWEEP_INTERVAL_LEVEL) / 2), mean: sum / s.length, n: s.length };
}

/**
 * Summarises a complete sweep.
 *
 * @param plan - the sweep's plan
 * @param rows - one row per run of the plan, sorted by run id
 * @returns the summary (plain data)
 * @throws {SweepError} when rows are missing or duplicated
 * @example writeFileSync('summary.json', JSON.stringify(summariseSweep(plan, rows), null, 2));
 */
export function summariseSweep(plan: SweepPlan, rows: readonly SweepRow[]): SweepSummary {
  if (rows.length !== plan.runs.length || rows.some((r, i) => r.run !== i)) {
    throw new SweepError('summariseSweep', [{ path: 'rows', message: `must hold every run of the sweep once, in order (${plan.runs.length} runs, got ${rows.length} rows)` }]);
  }
  const keys = headlineKeys(rows);
  const byVariant: SweepRow[][] = plan.variants.map(() => []);
  for (const r of rows) byVariant[r.variant].push(r);
  const variants = plan.variants.map((vals, v) => {
    const headline: Record<string, SweepStat> = {};
    for (const k of keys) {
      const xs = byVariant[v].filter((r) => k in r.headline).map((r) => r.headline[k]);
      if (xs.length > 0) headline[k] = stat(xs);
    }
    return { variant: v, values: Object.fromEntries(plan.parameters.map((p, i) => [p.key, vals[i]])), headline };
  });
  // Keys every variant has (sensitivity needs a value at every point).
  const complete = keys.filter((k) => variants.every((v) => k in v.headline));
  let oneAtATime: SweepSummary['oneAtATime'] = null;
  if (plan.design === 'one-at-a-time') {
    oneAtATime = {};
    const levels = oneAtATimeLevels(plan.parameters);
    for (const k of complete) {
      // The median over seeds at each point of the design (central, then each input's low and high).
      const o = oneAtATimeFromEvaluations(levels, variants.map((v) => v.headline[k].median));
      oneAtATime[k] = { base: o.base, swings: o.swings.map((w) => ({ parameter: w.name, low: w.low, high: w.high, outputAtLow: w.outputAtLow, outputAtHigh: w.outputAtHigh, swing: w.swing })) };
    }
  }
  let sobol: SweepSummary['sobol'] = null;
  if (plan.design === 'sobol' && plan.sobol) {
    const indices: NonNullable<SweepSummary['sobol']>['indices'] = {};
    for (const k of complete) {
      const values = variants.map((v) => v.headline[k].mean);
      const s = sobolFromEvaluations(plan.sobol, values, { seed: plan.sweep.designSeed ?? 0 });
      indices[k] = s.first === null ? null : { first: s.first, total: s.total!, firstInterval: strip(s.firstInterval!), totalInterval: strip(s.totalInterval!) };
    }
    sobol = {
      samples: plan.sobol.samples,
      evaluations: plan.variants.length,
      method: 'Saltelli (2010) first-order and Jansen (1999) total estimators on a scrambled Sobol (Joe–Kuo) design, of the mean over seeds at each point; 90 % percentile bootstrap intervals over the base samples',
      indices,
    };
  }
  return {
    format: 'sightline-sweep-summary',
    formatVersion: 1,
    libraryVersion: SIGHTLINE_VERSION,
    sweepHash: plan.hash,
    name: plan.name,
    design: plan.design,
    seeds: plan.seeds,
    numRuns: plan.runs.length,
    parameters: plan.parameters.map((p) => ({ key: p.key, path: p.path, low: p.low, central: p.central, high: p.high, values: p.values })),
    interval: { level: SWEEP_INTERVAL_LEVEL, method: `5th and 95th percentiles of the ${plan.seeds.length} seeds' values, interpolated linearly between order statistics (simple-statistics quantileSorted)` },
    variants,
    oneAtATime,
    sobol,
  };
}

function strip(r: Record<string, { lo: number; hi: number }>): Record<string, { lo: number; hi: number }> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, { lo: v.lo, hi: v.hi }]));
}
