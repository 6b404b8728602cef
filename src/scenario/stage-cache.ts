/**
 * A cache of scenario steps' outputs, keyed by exactly the inputs each step
 * reads, so that a sweep whose variants differ only in late inputs
 * (retention, recognition) rebuilds nothing before them.
 *
 * Keys chain: step i's key hashes step i − 1's key, the step id and the
 * parts of the scenario the step reads ({@link stageInputs}). A change to
 * anything an earlier step read therefore misses every later step too, and a
 * step can read whatever earlier steps left in the context. A hit restores
 * what the step added to the context (metrics, headline numbers, intervals,
 * assumptions, artefacts, the built city, cameras and network) by reference:
 * the restored run is the same as a fresh one, which the sweep tests check
 * byte for byte on results.json.
 *
 * Every random stream of a run is derived from the seed by name
 * (`ctx.rng.stream('exposure')`), never by drawing from a shared stream, so a
 * skipped step does not shift the draws of the next.
 */
import { InvalidInputError } from '../core/index.js';
import { checkOptions } from '../core/internal.js';
import type { ScenarioSpec } from './schema.js';
import type { ScenarioContext } from './steps.js';
import { nodeCrypto } from '../core/internal.js';

/**
 * The parts of the scenario each step reads, by step id. Deliberately
 * generous (a whole section where a step reads some of it): a too-wide key
 * only costs a cache miss, a too-narrow one would give a wrong result. A step
 * missing here is keyed on the whole scenario.
 */
const STEP_INPUTS: Record<string, (spec: ScenarioSpec) => unknown> = {
  city: (s) => [s.seed, s.city, s.cameras ?? null],
  cameras: (s) => [s.cameras ?? null],
  'timeline-year': (s) => [s.timeline ?? null, s.timelineYear ?? null],
  coverage: (s) => [s.analyses.coverage ?? null, s.analyses.streetCoverage ?? null],
  streetCoverage: (s) => [s.analyses.streetCoverage ?? null],
  districts: (s) => [s.analyses.districts ?? null],
  raster: (s) => [s.analyses.raster ?? null],
  coverageByHour: (s) => [s.analyses.coverageByHour ?? null],
  fullView: (s) => [s.analyses.fullView ?? null],
  'coverage-assumptions': (s) => Object.keys(s.analyses).length > 0,
  network: (s) => [s.network ?? null],
  'network-metrics': (s) => [s.analyses.network ?? null],
  spof: (s) => [s.analyses.spof ?? null],
  outages: (s) => [s.analyses.outages ?? null],
  damage: (s) => [s.analyses.damage ?? null],
  uptime: (s) => [s.analyses.uptime ?? null, s.analyses.network ?? null],
  trips: (s) => [s.residents ?? null, s.trips ?? null, tripInputs(s.analyses.exposure), nightTripInputs(s.analyses.exposureByHour)],
  exposure: (s) => [s.analyses.exposure ?? null, s.residents ?? null, s.trips ?? null, s.recognition ?? null, s.analyses.exposureByHour ?? null],
  retention: (s) => [s.retention ?? null],
};

/** The exposure section without the recognition parameters (what routing and sightings read). */
function tripInputs(e: ScenarioSpec['analyses']['exposure']): unknown {
  if (e === undefined) return null;
  const { watchlistSize: _w, plateReadRate: _p, crowds: _c, ...rest } = e as Record<string, unknown>;
  return rest;
}

/** What the night trips read of exposureByHour: the night ranges (the recognition factors are read by the exposure step). */
function nightTripInputs(e: ScenarioSpec['analyses']['exposureByHour']): unknown {
  if (e === undefined) return null;
  return { nightRange: e.nightRange ?? null, nightRangeByKind: e.nightRangeByKind ?? null };
}

/**
 * The inputs a step reads, as plain data (what its cache key hashes).
 *
 * @param stepId - a step id of SCENARIO_STEPS
 * @param spec - the validated scenario
 * @returns plain data; the whole spec for a step without a declared list
 */
export function stageInputs(stepId: string, spec: ScenarioSpec): unknown {
  const f = STEP_INPUTS[stepId];
  return f ? f(spec) : spec;
}

/** JSON with object keys sorted, so equal data hashes equal whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = (v as Record<string, unknown>)[k];
    return out;
  });
}

/** The chained key of a step: hash of the previous key, the step id, the base directory and the step's inputs. */
export function stageKey(previous: string, stepId: string, spec: ScenarioSpec, baseDir: string): string {
  return nodeCrypto.createHash('sha256').update(previous).update('\0').update(stepId).update('\0').update(baseDir).update('\0').update(stableJson(stageInputs(stepId, spec))).digest('hex');
}

/** What a step added to or changed in the context. */
export interface StageDelta {
  metrics: [string, unknown][];
  headline: [string, number][];
  intervals: [string, unknown][];
  artefacts: [string, unknown][];
  assumptions: unknown[];
  objects: [string, unknown][];
}

/** Context fields holding built objects (set by steps, compared by reference). */
const OBJECT_FIELDS = ['city', 'cameras', 'network', 'damage'] as const;

/** The state of a context before a step, to diff against after it. */
export interface StageSnapshot {
  metrics: Map<string, unknown>;
  headline: Map<string, number>;
  intervals: Map<string, unknown>;
  artefacts: Map<string, unknown>;
  numAssumptions: number;
  objects: Map<string, unknown>;
}

/** Takes a snapshot of the context (references only). */
export function snapshotContext(ctx: ScenarioContext): StageSnapshot {
  const c = ctx as unknown as Record<string, unknown>;
  return {
    metrics: new Map(Object.entries(ctx.metrics)),
    headline: new Map(Object.entries(ctx.headline)),
    intervals: new Map(Object.entries(ctx.intervals)),
    artefacts: new Map(Object.entries(ctx.artefacts)),
    numAssumptions: ctx.assumptions.length,
    objects: new Map(OBJECT_FIELDS.map((f) => [f, c[f]])),
  };
}

function changed<T>(now: Record<string, T>, before: Map<string, unknown>): [string, T][] {
  const out: [string, T][] = [];
  for (const [k, v] of Object.entries(now)) if (!before.has(k) || !Object.is(before.get(k), v)) out.push([k, v]);
  return out;
}

/** What the step changed: keys added or replaced, assumptions appended, built objects set. Removed keys are refused (no step removes any). */
export function diffContext(ctx: ScenarioContext, before: StageSnapshot, stepId: string): StageDelta {
  const c = ctx as unknown as Record<string, unknown>;
  for (const [name, map, now] of [['metrics', before.metrics, ctx.metrics], ['headline', before.headline, ctx.headline], ['intervals', before.intervals, ctx.intervals], ['artefacts', before.artefacts, ctx.artefacts]] as const) {
    for (const k of map.keys()) if (!(k in now)) throw new InvalidInputError('runScenario', `cache.${stepId}`, `the step removed ${name}.${k}; a cached step may only add or replace`, k);
  }
  if (ctx.assumptions.length < before.numAssumptions) throw new InvalidInputError('runScenario', `cache.${stepId}`, 'the step removed assumptions; a cached step may only append', ctx.assumptions.length);
  return {
    metrics: changed(ctx.metrics as Record<string, unknown>, before.metrics),
    headline: changed(ctx.headline, before.headline),
    intervals: changed(ctx.intervals as Record<string, unknown>, before.intervals),
    artefacts: changed(ctx.artefacts as Record<string, unknown>, before.artefacts),
    assumptions: ctx.assumptions.slice(before.numAssumptions),
    objects: OBJECT_FIELDS.filter((f) => !Object.is(before.objects.get(f), c[f])).map((f) => [f, c[f]]),
  };
}

/** Applies a cached step's changes to the context, in the order the step made them. */
export function applyDelta(ctx: ScenarioContext, d: StageDelta): void {
  const c = ctx as unknown as Record<string, unknown>;
  for (const [k, v] of d.metrics) (ctx.metrics as Record<string, unknown>)[k] = v;
  for (const [k, v] of d.headline) ctx.headline[k] = v;
  for (const [k, v] of d.intervals) (ctx.intervals as Record<string, unknown>)[k] = v;
  for (const [k, v] of d.artefacts) (ctx.artefacts as Record<string, unknown>)[k] = v;
  ctx.assumptions.push(...(d.assumptions as ScenarioContext['assumptions']));
  for (const [k, v] of d.objects) c[k] = v;
}

/** Options of {@link StageCache}. */
export interface StageCacheOptions {
  /**
   * Cached outputs kept per step (default 1: the last run's). A full Almaty
   * run's outputs take about 0.8 GB, so keep this small and order runs so that
   * those sharing early inputs are adjacent (the sweep runner does).
   */
  maxEntriesPerStep?: number;
}

/**
 * A cache of step outputs for {@link runScenario}'s `cache` option (one per
 * process; a sweep keeps one for all its runs).
 *
 * @example
 * const cache = new StageCache();
 * for (const days of [7, 30, 90]) await runScenario(withVideoDays(base, days), { cache });
 * cache.hits // the city, cameras, coverage, network and trips of the first run were reused twice
 */
export class StageCache {
  /** Steps restored from the cache. */
  hits = 0;
  /** Steps run (and stored). */
  misses = 0;
  readonly maxEntriesPerStep: number;
  private readonly entries = new Map<string, Map<string, StageDelta>>();

  constructor(options: StageCacheOptions = {}) {
    checkOptions('StageCache', options, ['maxEntriesPerStep']);
    const n = options.maxEntriesPerStep ?? 1;
    if (!Number.isInteger(n) || n < 1) throw new InvalidInputError('StageCache', 'options.maxEntriesPerStep', 'must be an integer >= 1', n);
    this.maxEntriesPerStep = n;
  }

  /** The cached changes of a step under its key, or undefined. */
  get(stepId: string, key: string): StageDelta | undefined {
    const m = this.entries.get(stepId);
    const d = m?.get(key);
    if (d !== undefined) {
      // Most recently used last.
      m!.delete(key);
      m!.set(key, d);
    }
    return d;
  }

  /** Stores a step's changes under its key (dropping the least recently used beyond the limit). */
  set(stepId: string, key: string, delta: StageDelta): void {
    let m = this.entries.get(stepId);
    if (!m) this.entries.set(stepId, (m = new Map()));
    m.delete(key);
    m.set(key, delta);
    while (m.size > this.maxEntriesPerStep) m.delete(m.keys().next().value!);
  }

  /** Drops every entry. */
  clear(): void {
    this.entries.clear();
  }
}
