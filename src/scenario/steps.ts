/**
 * The steps of a scenario run, in order: the extension point of the
 * scenario layer. A step reads the validated spec and what earlier steps put
 * in the {@link ScenarioContext}, and writes its metrics, headline numbers,
 * assumptions and (for the outputs) artefacts.
 *
 * Each part of a scenario has its folder, src/scenario/<part>/ (model,
 * coverage, network, exposure, retention), holding its schema section
 * (schema.ts, wired into the root schema.ts), its steps (step.ts, one spread
 * in {@link SCENARIO_STEPS} below), its result types derived from the
 * library's (result.ts, wired into {@link ScenarioMetrics}), its rows of the
 * assumptions table (assumptions.ts) and its report section (report.ts,
 * assembled by src/io/report-html.ts). The retention step runs last: it
 * reads the exposure step's trips and crowds. The runner, the result
 * envelope, compareScenarios (generic over headline and district numbers)
 * and the CLI need no change. docs/guide/contributing.md walks through
 * adding a metric.
 */
import { type Interval, type Rng } from '../core/index.js';
import { type City } from '../city/index.js';
import { type CameraSet } from '../cameras/index.js';
import { type CoverageRaster } from '../coverage/index.js';
import type { CommandNetwork, FaultScenario } from '../network/index.js';
import type { PersonChannelDays } from '../retention/index.js';
import type { PersonDayMetrics, TripMetrics, CrowdExposureOptions, CrowdInput } from '../exposure/index.js';
import { type SyntheticResidents } from '../mobility/index.js';
import type { Assumption, ScenarioMetrics } from './result.js';
import type { ScenarioSpec } from './schema.js';
import { MODEL_STEPS } from './model/step.js';
import { COVERAGE_STEPS } from './coverage/step.js';
import { NETWORK_STEPS } from './network/step.js';
import { EXPOSURE_STEPS } from './exposure/step.js';
import { RETENTION_STEPS } from './retention/step.js';
import { TIMELINE_STEPS } from './timeline/step.js';

/** What the steps share during a run. */
export interface ScenarioContext {
  readonly spec: ScenarioSpec;
  /** The scenario's root random stream (steps take named sub-streams). */
  readonly rng: Rng;
  /** Directory that file paths in the scenario are resolved against. */
  readonly baseDir: string;
  readonly signal?: AbortSignal;
  /** Whether to compute the bootstrap intervals over residents (runScenario's `bootstrap` option). */
  readonly bootstrap: boolean;
  /** Set by the `city` step. */
  city?: City;
  /** Set by the `cameras` step. */
  cameras?: CameraSet;
  /** Metrics so far (city and cameras are set by the model steps). */
  metrics: Partial<ScenarioMetrics>;
  /** Headline numbers (flat, numeric). */
  headline: Record<string, number>;
  /** Intervals of sampled headline numbers, by headline key. */
  intervals: Record<string, Interval>;
  assumptions: Assumption[];
  /** What the user should know about the numbers (e.g. an option that cannot take effect); `result.warnings`. */
  warnings: string[];
  /** Set by the `network` step. */
  network?: CommandNetwork;
  /** Set by the `damage` step: what the damage left working. */
  damage?: FaultScenario;
  /** Non-JSON products kept for the outputs (maps, per-resident table). */
  artefacts: ScenarioArtefacts;
  /** Reports progress within the current step, fraction in [0, 1]. Also checks the signal. */
  progress(fraction: number, detail?: string): void;
}

/** Non-JSON products of a run kept for the outputs. */
export interface ScenarioArtefacts {
  raster?: CoverageRaster;
  /** Per resident and day metrics of the exposure sample, with the residents (homes, districts). */
  exposure?: { persons: PersonDayMetrics; residents: SyntheticResidents; trips: TripMetrics; numResidents: number; numDays: number; channels: PersonChannelDays };
  /** What the exposure layer's `trips` stage leaves for its `exposure` stage (see src/scenario/exposure/step.ts). */
  tripsStage?: unknown;
  /** Crowds as the exposure step modelled them (input and options), for the retention step's retroactive search. */
  crowds?: { name: string; input: CrowdInput; options: CrowdExposureOptions; afterDamage: boolean; durationS: number; retroactive?: { start: number; daysAfter: number[] } }[];
}

/** One step of a run. */
export interface ScenarioStep {
  /** Stable id, used in timings and progress events (`city`, `coverage`, …). */
  id: string;
  /** Human label for progress output. */
  label: string;
  /** Whether the step runs for this spec. */
  enabled(spec: ScenarioSpec): boolean;
  /** Does the work; may be async. Throws to fail the run. */
  run(ctx: ScenarioContext): void | Promise<void>;
}

/** Every step, in run order. */
export const SCENARIO_STEPS: readonly ScenarioStep[] = [...MODEL_STEPS, ...TIMELINE_STEPS, ...COVERAGE_STEPS, ...NETWORK_STEPS, ...EXPOSURE_STEPS, ...RETENTION_STEPS];
