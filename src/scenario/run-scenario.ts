/**
 * Running a scenario: validate, build the city and cameras, run the
 * analyses, and return one JSON-serialisable result.
 */
import { InvalidInputError, createRng } from '../core/index.js';
import { type City } from '../city/index.js';
import { type CameraSet } from '../cameras/index.js';
import { type CoverageRaster } from '../coverage/index.js';
import { type CommandNetwork } from '../network/index.js';
import { parseScenario, type ScenarioSpec } from './schema.js';
import type { ScenarioMetrics, ScenarioResult, StepTiming } from './result.js';
import { SCENARIO_STEPS, type ScenarioArtefacts, type ScenarioContext, type ScenarioStep } from './steps.js';
import { throwIfAborted, type ScenarioAbortError } from './scenario-error.js';
import { SIGHTLINE_VERSION } from './version.js';
import { StageCache, applyDelta, diffContext, snapshotContext, stageKey } from './stage-cache.js';
import { checkOptions, optionKeys } from '../core/internal.js';
import { runTimeline } from './timeline/run-timeline.js';

/** A progress event of a run. */
export interface ScenarioProgress {
  /** `start` and `end` of a step, or `progress` within it. */
  phase: 'start' | 'progress' | 'end';
  /** Step id (`city`, `cameras`, `coverage`, …). */
  step: string;
  label: string;
  /** 0-based index of the step among the steps that run, and their number. */
  index: number;
  total: number;
  /** Fraction of the current step done, [0, 1]. */
  fraction: number;
  /** Extra detail (e.g. `level identify`). */
  detail?: string;
  /** Milliseconds the step took (on `end`). */
  ms?: number;
}

/** Options of {@link runScenario}. */
export interface RunScenarioOptions {
  /** Called at the start and end of each step and within long steps. */
  onProgress?: (event: ScenarioProgress) => void;
  /**
   * Stops the run between steps (and between items of a step where that is
   * cheap) with a {@link ScenarioAbortError} (`name === 'AbortError'`). A
   * step already running its inner computation finishes it first.
   */
  signal?: AbortSignal;
  /** Directory that file paths in the scenario are resolved against (default: the current directory). */
  baseDir?: string;
  /**
   * Reuse the outputs of steps whose inputs are unchanged since an earlier run
   * with the same cache (see {@link StageCache}); the result is the same as
   * without it. A restored step's timing is 0 and marked `cached`.
   */
  cache?: StageCache;
  /**
   * Compute the bootstrap intervals over residents (default true). `false`
   * skips them — the only costly intervals (a few hundred ms at Almaty scale),
   * so a sweep, which keeps only headline numbers, runs faster; every headline
   * number and every other interval is the same.
   */
  bootstrap?: boolean;
}

/** A run with the objects it built, for the outputs (maps, GeoJSON). Not JSON-serialisable. */
export interface ScenarioRun {
  result: ScenarioResult;
  city: City;
  cameras: CameraSet;
  raster: CoverageRaster | null;
  /** The command network, when the scenario has one. */
  network: CommandNetwork | null;
  /** Per resident and day exposure of the residents sample, when the exposure analysis simulated residents. */
  exposure: NonNullable<ScenarioArtefacts['exposure']> | null;
}

const ORIGIN = 'runScenario';

/** Lets pending events (a SIGINT, an abort from a timer) be delivered between steps. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The options runScenarioDetailed knows (its unknown options are refused). */
const RUN_SCENARIO_DETAILED_OPTION_KEYS = optionKeys<RunScenarioOptions>()({}, ['onProgress', 'signal', 'baseDir', 'cache', 'bootstrap']);

/**
 * Runs a scenario and returns its result with the city, cameras and raster
 * it built (what {@link writeScenarioOutputs} needs to draw maps).
 *
 * @param scenario - a scenario (validated here; a spec from parseScenario is accepted as is)
 * @param options - `onProgress`, `signal`, `baseDir`
 * @returns the result and the built objects
 * @throws {ScenarioError} when the scenario does not validate
 * @throws {ScenarioAbortError} when the signal aborts the run
 * @throws {InvalidInputError} when a step rejects its inputs (unreadable file, city without buildings for facades, …)
 * @example
 * const run = await runScenarioDetailed({ city: { preset: 'almaty' }, cameras: [{ from: 'preset', name: 'almaty', count: 2000 }] });
 * run.cameras.numCameras // 2000
 */
export async function runScenarioDetailed(scenario: unknown, options: RunScenarioOptions = {}): Promise<ScenarioRun> {
  checkOptions('runScenarioDetailed', options, RUN_SCENARIO_DETAILED_OPTION_KEYS);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const { onProgress, signal } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new InvalidInputError(ORIGIN, 'options.onProgress', 'must be a function', onProgress);
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean')) throw new InvalidInputError(ORIGIN, 'options.signal', 'must be an AbortSignal', signal);
  const baseDir = options.baseDir ?? process.cwd();
  if (typeof baseDir !== 'string') throw new InvalidInputError(ORIGIN, 'options.baseDir', 'must be a string', baseDir);
  const cache = options.cache;
  const bootstrap = options.bootstrap ?? true;
  if (typeof bootstrap !== 'boolean') throw new InvalidInputError(ORIGIN, 'options.bootstrap', 'must be a boolean', bootstrap);
  if (cache !== undefined && !(cache instanceof StageCache)) throw new InvalidInputError(ORIGIN, 'options.cache', 'must be a StageCache', cache);
  const spec: ScenarioSpec = parseScenario(scenario);
  // A timeline runs the scenario once per year (timeline/run-timeline.ts); each year comes back here with its timelineYear.
  if (spec.timeline !== undefined && spec.timelineYear === undefined) return runTimeline(spec, options, runScenarioDetailed);
  const steps = SCENARIO_STEPS.filter((s) => s.enabled(spec));
  let current: ScenarioStep = steps[0];
  let index = 0;
  const emit = (e: Omit<ScenarioProgress, 'step' | 'label' | 'index' | 'total'>) => onProgress?.({ step: current.id, label: current.label, index, total: steps.length, ...e });
  const ctx: ScenarioContext = {
    spec,
    rng: createRng(spec.seed),
    baseDir,
    signal,
    bootstrap,
    metrics: {},
    headline: {},
    intervals: {},
    assumptions: [],
    warnings: [],
    artefacts: {},
    progress(fraction: number, detail?: string) {
      throwIfAborted(signal, ORIGIN, current.id);
      emit({ phase: 'progress', fraction: Math.min(1, Math.max(0, fraction)), detail });
    },
  };
  const timings: StepTiming[] = [];
  const t0 = performance.now();
  // The chain starts from what every step's output depends on besides the scenario: whether bootstrap intervals are computed.
  let key = `bootstrap:${bootstrap}`;
  for (index = 0; index < steps.length; index++) {
    current = steps[index];
    await yieldToEventLoop();
    throwIfAborted(signal, ORIGIN, current.id);
    emit({ phase: 'start', fraction: 0 });
    const ts = performance.now();
    if (cache) {
      key = stageKey(key, current.id, spec, baseDir);
      const hit = cache.get(current.id, key);
      if (hit) {
        applyDelta(ctx, hit);
        cache.hits++;
        timings.push({ id: current.id, label: current.label, ms: 0, cached: true });
        emit({ phase: 'end', fraction: 1, ms: 0 });
        continue;
      }
      const before = snapshotContext(ctx);
      await current.run(ctx);
      cache.set(current.id, key, diffContext(ctx, before, current.id));
      cache.misses++;
    } else {
      await current.run(ctx);
    }
    const ms = performance.now() - ts;
    timings.push({ id: current.id, label: current.label, ms });
    emit({ phase: 'end', fraction: 1, ms });
  }
  await yieldToEventLoop();
  throwIfAborted(signal, ORIGIN, 'finish');
  const result: ScenarioResult = {
    format: 'sightline-result',
    formatVersion: 1,
    libraryVersion: SIGHTLINE_VERSION,
    name: spec.name ?? defaultName(spec),
    seed: spec.seed,
    inputs: spec,
    headline: ctx.headline,
    intervals: ctx.intervals,
    metrics: ctx.metrics as ScenarioMetrics,
    assumptions: ctx.assumptions,
    warnings: ctx.warnings,
    timings: { totalMs: performance.now() - t0, steps: timings },
  };
  return { result, city: ctx.city!, cameras: ctx.cameras!, raster: ctx.artefacts.raster ?? null, network: ctx.network ?? null, exposure: ctx.artefacts.exposure ?? null };
}

/**
 * Runs a scenario: validates it, builds the city and the cameras, runs the
 * analyses it names, and returns one JSON-serialisable result holding the
 * inputs (the validated scenario), the seed, the library version, timings
 * per step, headline numbers, every metric and the table of assumptions.
 * Same scenario and seed give the same result, timings aside.
 * A scenario with a `timeline` runs once per year that has a camera count
 * (src/scenario/timeline/run-timeline.ts): the result is the latest year's,
 * with `metrics.timeline` holding every year's figures.
 *
 * @param scenario - a scenario object or JSON text (see {@link parseScenario})
 * @param options - `onProgress`, `signal` (AbortSignal), `baseDir` for relative file paths
 * @returns the result (plain data: `JSON.stringify` keeps all of it)
 * @throws {ScenarioError} when the scenario does not validate (every problem listed)
 * @throws {ScenarioAbortError} when `signal` aborts the run (`err.name === 'AbortError'`)
 * @throws {InvalidInputError} when a step rejects its inputs
 * @example
 * const r = await runScenario({ city: { preset: 'almaty' }, cameras: [{ from: 'preset', name: 'almaty', count: 2000 }] });
 * r.headline.coveredFraction // share of Almaty seen by at least one camera
 *
 * Time: dominated by the analyses (figures for the full Almaty preset in benchmarks/README.md).
 */
export async function runScenario(scenario: unknown, options: RunScenarioOptions = {}): Promise<ScenarioResult> {
  checkOptions('runScenario', options, RUN_SCENARIO_DETAILED_OPTION_KEYS);
  return (await runScenarioDetailed(scenario, options)).result;
}

function defaultName(spec: ScenarioSpec): string {
  if ('preset' in spec.city) return `${spec.city.preset} (seed ${spec.seed})`;
  return `${spec.city.name ?? 'imported city'} (seed ${spec.seed})`;
}

