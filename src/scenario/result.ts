/**
 * The result of a scenario run: one JSON-serialisable object holding the
 * inputs, the seed, the library version, timings and every metric. Each
 * part's metrics are typed in its folder (model/result.ts,
 * coverage/result.ts, …), derived from the library's own result types;
 * {@link ScenarioMetrics} assembles them.
 */
import type { AssumptionRange } from './assumption-registry.js';
import type { Interval, SourceId } from '../core/index.js';
import type { ScenarioSpec } from './schema.js';
import type { ModelPartMetrics } from './model/result.js';
import type { CoveragePartMetrics } from './coverage/result.js';
import type { NetworkPartMetrics } from './network/result.js';
import type { ExposurePartMetrics } from './exposure/result.js';
import type { RetentionPartMetrics } from './retention/result.js';
import type { TimelinePartMetrics } from './timeline/result.js';

/** One assumption or fact behind the numbers, with where it comes from. */
export interface Assumption {
  /** What it is about, e.g. `DORI identify`. */
  topic: string;
  /** The value used, as text. */
  value: string;
  /** Where it comes from, in words; "assumption" and its reasoning when it is one. */
  source: string;
  /** Bibliography entries the row rests on (ids of SOURCES, listed in the report); a `sourced` row has at least one. */
  sources?: SourceId[];
  /** `sourced` (a cited fact), `assumption`, `synthetic` (generated) or `real` (imported data). */
  kind: 'sourced' | 'assumption' | 'synthetic' | 'real';
  /** The ASSUMPTION_REGISTRY entry the row shows, when it shows one (the scenario's `assumptions` section sets it by this name). */
  name?: string;
  /** The entry's plausible range, and the value the run used when the scenario changed it (`used`). */
  range?: AssumptionRange;
}

/**
 * A metric whose input is missing (street coverage in a city without
 * streets, the district table of a city without districts) is not a number:
 * its value fields are `null` and its object carries `reason`, e.g.
 * `no street data: street coverage not computed`; its headline keys are
 * absent (never 0 % of 0). The reason reads `no <input>: <metric> not computed`.
 */
export interface NotComputed {
  /** Why the metric has no value, e.g. `no street data: street coverage not computed`. */
  reason: string;
}

/** Timing of one step. */
export interface StepTiming {
  id: string;
  label: string;
  /** Wall-clock milliseconds. */
  ms: number;
  /** True when the step's outputs came from a StageCache (ms is then 0). */
  cached?: boolean;
}

/** A histogram for the report's charts: counts[i] values in [binEdges[i], binEdges[i + 1]) (the last bin closed). */
export interface Histogram {
  binEdges: number[];
  counts: number[];
}

/**
 * Every metric of a run, one key per analysis: `city`, `cameras` (model),
 * `coverage`, `streetCoverage`, `districts`, `raster` (coverage), `network`,
 * `exposure`, `retention`. An analysis's key is present when it ran. Each
 * part declares its keys in its result.ts.
 */
export interface ScenarioMetrics extends ModelPartMetrics, CoveragePartMetrics, NetworkPartMetrics, ExposurePartMetrics, RetentionPartMetrics, TimelinePartMetrics {}

/** The result of {@link runScenario}. */
export interface ScenarioResult {
  format: 'sightline-result';
  formatVersion: 1;
  /** sightline's version that produced it. */
  libraryVersion: string;
  name: string;
  /** The seed of every random choice. */
  seed: string | number;
  /** The validated scenario (defaults applied): run it again to reproduce this result. */
  inputs: ScenarioSpec;
  /** Headline numbers, flat, for tables and {@link compareScenarios}. */
  headline: Record<string, number>;
  /**
   * Intervals of the headline numbers that depend on sampling, by headline key
   * (`{ lo, hi, level, method }`; the method says how each was computed).
   */
  intervals?: Record<string, Interval>;
  metrics: ScenarioMetrics;
  /** Every assumption and fact behind the numbers, with its source. */
  assumptions: Assumption[];
  /**
   * What the reader must know about the numbers, as sentences: an option that
   * could not take effect (the exposure analysis's default `occlusion` in a
   * city without buildings). Shown by the command and at the top of the
   * report. Always present in a result of this version (empty when there is
   * nothing to say); absent in results.json files written before it.
   */
  warnings?: string[];
  /** Per step and total wall-clock milliseconds (the only part that differs between identical runs; left out of results.json, so absent in a result read back from one). */
  timings: { totalMs: number; steps: StepTiming[] };
}
