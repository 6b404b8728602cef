/**
 * A sweep's plan: the base scenario, the varied inputs with their values, the
 * variants the design picks, and the runs (variant × seed) in canonical
 * order. The plan is a pure function of the sweep file (and the scenario file
 * it names), so every shard of a sweep, on any machine, numbers the runs the
 * same way.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkOptions } from '../core/internal.js';
import { parseScenario, scenarioPreset, type ScenarioPresetName } from '../scenario/index.js';
import { stableJson, closestName } from '../scenario/internal.js';
import { getPath, pathSegments, setPath, writeOutRetentionPreset } from './scenario-path.js';
import { ScenarioError, ASSUMPTION_REGISTRY, type AssumptionEntry } from '../scenario/index.js';
import { parseSweep, SweepError, SWEEP_DEFAULTS, type SweepSpec } from './sweep-schema.js';
import { saltelliDesign, type SaltelliDesign } from './saltelli-design.js';
import { oneAtATimePoints, type OneAtATimeParameters } from './one-at-a-time.js';

/** The one-at-a-time levels of the parameters (their low, central and high values). */
export function oneAtATimeLevels(parameters: readonly SweepParameter[]): OneAtATimeParameters {
  return Object.fromEntries(parameters.map((p) => [p.key, { low: p.low, central: p.central, high: p.high }]));
}

/** One varied input. */
export interface SweepParameter {
  /** The key as the sweep file writes it. */
  key: string;
  /** The dotted path into the scenario it sets. */
  path: string;
  low: number;
  central: number;
  high: number;
  /** Values a grid takes (in order). */
  values: number[];
  /** Values are rounded to integers. */
  integer: boolean;
}

/** One run: a variant with a seed. */
export interface SweepRun {
  /** 0-based, canonical order: seed-major (every variant of the first seed, then of the second, …), so runs that share a seed's expensive stages are adjacent. */
  id: number;
  variant: number;
  seed: string | number;
}

/** The plan of a sweep. */
export interface SweepPlan {
  /** SHA-256 of the sweep with its scenario written inline: shards of one sweep share it. */
  hash: string;
  name: string;
  design: SweepSpec['design'];
  /** The sweep as validated, with `scenario` replaced by the scenario document it names. */
  sweep: SweepSpec & { scenario: Record<string, unknown> };
  /** Directory the scenario's own relative paths are resolved against. */
  scenarioBaseDir: string;
  seeds: (string | number)[];
  parameters: SweepParameter[];
  /** Per variant, the value of each parameter (parameter order). */
  variants: number[][];
  runs: SweepRun[];
  /** The sobol design's structure (for the indices), when design is sobol. */
  sobol: SaltelliDesign | null;
}

/** Options of {@link planSweep}. */
export interface PlanSweepOptions {
  /** Directory a scenario path in the sweep is relative to (the sweep file's; default the current directory). */
  baseDir?: string;
}

const round = (x: number, integer: boolean) => (integer ? Math.round(x) : x);

/**
 * Plans a sweep: reads its scenario, resolves each varied input to a path
 * and its values, lists the variants of the design and the runs.
 *
 * @param sweep - a sweep file (object or JSON text; validated here)
 * @param options - `baseDir`
 * @returns the plan
 * @throws {SweepError} on a bad sweep, an unreadable scenario, a path that cannot be set, or a variant that is not a valid scenario
 * @example planSweep({ scenario: { preset: 'almaty' }, seeds: 4 }).runs.length // 4
 */
export function planSweep(sweep: unknown, options: PlanSweepOptions = {}): SweepPlan {
  checkOptions('planSweep', options, ['baseDir']);
  const baseDir = resolve(options.baseDir ?? process.cwd());
  const spec = parseSweep(sweep);
  let scenario: Record<string, unknown>;
  let scenarioBaseDir = baseDir;
  if (typeof spec.scenario === 'string') {
    const file = resolve(baseDir, spec.scenario);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new SweepError('planSweep', [{ path: 'scenario', message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
    }
    try {
      scenario = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      throw new SweepError('planSweep', [{ path: 'scenario', message: `${file} is not valid JSON (${(e as Error).message})` }]);
    }
    scenarioBaseDir = dirname(file);
  } else if ('preset' in spec.scenario && typeof spec.scenario.preset === 'string' && !('city' in spec.scenario)) {
    const { preset, ...o } = spec.scenario as { preset: ScenarioPresetName; numCameras?: number; numResidents?: number; outageTrials?: number };
    scenario = scenarioPreset(preset, o) as unknown as Record<string, unknown>;
  } else {
    scenario = structuredClone(spec.scenario) as Record<string, unknown>;
  }
  // The base scenario must itself be valid (its defaults give the central values).
  const base = parseScenario(scenario) as unknown as Record<string, unknown>;
  const parameters: SweepParameter[] = Object.entries(spec.vary).map(([key, given]) => {
    // A bare name of the assumption registry is set through the scenario's `assumptions` section.
    const entry: AssumptionEntry | undefined = key.includes('.') ? undefined : ASSUMPTION_REGISTRY.find((e) => e.name === key);
    if (!key.includes('.') && !entry) {
      const near = closestName(key);
      throw new SweepError('planSweep', [{ path: `vary.${key}`, message: `is neither a dotted path into the scenario nor an assumption name of the registry${near ? `; did you mean ${JSON.stringify(near)}?` : ''}` }]);
    }
    // An assumption the scenario already sets at its own path is varied there (the `assumptions` section and the
    // path may not both hold it); otherwise through the section, which writes presets out as needed.
    const direct = entry !== undefined && !entry.path.includes('*') && getPath(scenario, entry.path) !== undefined;
    const path = entry && !direct ? `assumptions.${entry.name}` : direct ? entry!.path : key;
    if (given === 'range' && !entry) throw new SweepError('planSweep', [{ path: `vary.${key}`, message: '"range" applies to assumption names only (give low and high)' }]);
    // "range": the registry's low and high; the central value is the one in force (the scenario's, else the registry's).
    const r = given === 'range' ? { low: entry!.low, high: entry!.high } : given;
    const integer = !Array.isArray(r) && r.integer === true;
    const low = Array.isArray(r) ? Math.min(...r) : r.low;
    const high = Array.isArray(r) ? Math.max(...r) : r.high;
    // The value in force at the path: the scenario's, with defaults applied (a preset policy written out first); for an
    // assumption name, the scenario's own override or the registry's central value.
    let own = entry && !direct ? (getPath(scenario, path) ?? entry.central) : getPath(base, path);
    if (own === undefined) {
      const d = structuredClone(scenario);
      writeOutRetentionPreset(d, pathSegments(path));
      try {
        own = getPath(parseScenario(d), path);
      } catch {
        own = undefined;
      }
    }
    const explicit = Array.isArray(r) ? undefined : r.central;
    const central = round(explicit ?? (typeof own === 'number' && Number.isFinite(own) ? own : (low + high) / 2), integer);
    let values: number[];
    if (Array.isArray(r)) values = [...r];
    else {
      const n = ('steps' in r ? r.steps : undefined) ?? SWEEP_DEFAULTS.steps;
      values = Array.from({ length: n }, (_, i) => round(i === n - 1 ? r.high : r.low + ((r.high - r.low) * i) / (n - 1), integer));
    }
    return { key, path, low: round(low, integer), central, high: round(high, integer), values, integer };
  });
  const seeds = typeof spec.seeds === 'number' ? Array.from({ length: spec.seeds }, (_, i) => i + 1) : [...spec.seeds];
  let variants: number[][] = [];
  let sobol: SaltelliDesign | null = null;
  if (spec.design === 'grid') {
    variants = [[]];
    for (const p of parameters) variants = variants.flatMap((v) => p.values.map((x) => [...v, x]));
  } else if (spec.design === 'one-at-a-time') {
    const bad = parameters.filter((p) => !(p.low < p.high && p.low <= p.central && p.central <= p.high));
    if (bad.length) throw new SweepError('planSweep', bad.map((p) => ({ path: `vary.${p.key}`, message: `needs low < high and low ≤ central ≤ high for the one-at-a-time design (got ${p.low}, ${p.central}, ${p.high})` })));
    variants = oneAtATimePoints(oneAtATimeLevels(parameters)).points.map((pt) => parameters.map((p) => pt[p.key]));
  } else {
    const ranges: Record<string, [number, number]> = {};
    for (const p of parameters) {
      if (!(p.low < p.high)) throw new SweepError('planSweep', [{ path: `vary.${p.key}`, message: `needs low < high for the sobol design (got ${p.low} and ${p.high})` }]);
      ranges[p.key] = [p.low, p.high];
    }
    sobol = saltelliDesign(ranges, { samples: spec.samples ?? SWEEP_DEFAULTS.samples, seed: spec.designSeed ?? SWEEP_DEFAULTS.designSeed });
    variants = sobol.points.map((pt) => parameters.map((p) => round(pt[p.key], p.integer)));
  }
  const runs: SweepRun[] = [];
  seeds.forEach((seed, si) => variants.forEach((_, v) => runs.push({ id: si * variants.length + v, variant: v, seed })));
  const resolved = { ...spec, scenario };
  const hash = createHash('sha256').update(stableJson(resolved)).digest('hex');
  const plan: SweepPlan = { hash, name: spec.name ?? String(scenario.name ?? 'sweep'), design: spec.design, sweep: resolved, scenarioBaseDir, seeds, parameters, variants, runs, sobol };
  // Every variant must be a valid scenario: refused here, before any run, with the variant's values named.
  const issues: { path: string; message: string }[] = [];
  variants.forEach((vals, v) => {
    if (issues.length >= 10) return;
    try {
      parseScenario(runScenarioDocument(plan, runs[v]));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      const at = parameters.map((p, i) => `${p.key} = ${vals[i]}`).join(', ');
      for (const i of e.issues) issues.push({ path: `variant ${v}${at ? ` (${at})` : ''}`, message: `is not a valid scenario: ${i.message}` });
    }
  });
  if (issues.length) throw new SweepError('planSweep', issues);
  return plan;
}

/**
 * The scenario document of one run: the base scenario with the run's seed and
 * its variant's values set.
 *
 * @param plan - from planSweep
 * @param run - one of plan.runs
 * @returns a scenario document (validate and run it with runScenario)
 * @throws {SweepError} when a varied path cannot be set
 */
export function runScenarioDocument(plan: SweepPlan, run: SweepRun): Record<string, unknown> {
  const doc = structuredClone(plan.sweep.scenario);
  doc.seed = run.seed;
  const values = plan.variants[run.variant];
  plan.parameters.forEach((p, i) => setPath(doc, p.path, values[i]));
  return doc;
}
