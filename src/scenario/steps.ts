/**
 * The steps of a scenario run, in order: the extension point of the
 * scenario layer. A step reads the validated spec and what earlier steps put
 * in the {@link ScenarioContext}, and writes its metrics, headline numbers,
 * assumptions and (for the outputs) artefacts.
 *
 * A layer adds: its schema section (schema.ts / schema-analyses.ts, e.g.
 * schema-network.ts, schema-exposure.ts), one `step-<layer>.ts` exporting
 * its steps (step-network.ts, step-exposure.ts), and one spread in
 * {@link SCENARIO_STEPS} below. The retention step runs last: it reads the exposure step's trips and crowds. The runner, the
 * result format, compareScenarios (generic over headline and district
 * numbers) and the CLI need no change; the outputs add a file or a report
 * section when the layer has something to draw.
 */
import { type Rng } from '../core/index.js';
import { type City } from '../city/index.js';
import { type CameraSet } from '../cameras/index.js';
import { type CoverageRaster } from '../coverage/index.js';
import type { CommandNetwork, FaultScenario } from '../network/index.js';
import type { PersonDayMetrics, TripMetrics, CrowdExposureOptions, CrowdInput } from '../exposure/index.js';
import { type SyntheticResidents } from '../mobility/index.js';
import type { Assumption, ScenarioMetrics } from './result.js';
import type { ScenarioSpec } from './schema.js';
import { MODEL_STEPS } from './step-model.js';
import { COVERAGE_STEPS } from './step-coverage.js';
import { NETWORK_STEPS } from './step-network.js';
import { EXPOSURE_STEPS } from './step-exposure.js';
import { RETENTION_STEPS } from './step-retention.js';

/** What the steps share during a run. */
export interface ScenarioContext {
  readonly spec: ScenarioSpec;
  /** The scenario's root random stream (steps take named sub-streams). */
  readonly rng: Rng;
  /** Directory that file paths in the scenario are resolved against. */
  readonly baseDir: string;
  readonly signal?: AbortSignal;
  /** Set by the `city` step. */
  city?: City;
  /** Set by the `cameras` step. */
  cameras?: CameraSet;
  /** Metrics so far (city and cameras are set by the model steps). */
  metrics: Partial<ScenarioMetrics>;
  /** Headline numbers (flat, numeric). */
  headline: Record<string, number>;
  assumptions: Assumption[];
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
  exposure?: { persons: PersonDayMetrics; residents: SyntheticResidents; trips: TripMetrics; numResidents: number; numDays: number };
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
export const SCENARIO_STEPS: readonly ScenarioStep[] = [...MODEL_STEPS, ...COVERAGE_STEPS, ...NETWORK_STEPS, ...EXPOSURE_STEPS, ...RETENTION_STEPS];
