/**
 * One-at-a-time (local) sensitivity: the model at a central point, then each
 * parameter moved alone to its low and its high value with the others held
 * central. The swing |f(high) − f(low)| of each parameter, sorted, is what a
 * tornado chart draws (e.g. R. T. Clemen and T. Reilly, Making Hard
 * Decisions, Duxbury, 2001, ch. 5). It sees no interactions and depends on
 * the central point: use {@link sobolIndices} for a global view.
 */
import { InvalidInputError } from '../core/index.js';
import { requireObject } from '../core/internal.js';
import { checkRange, checkValues, evaluateSequentially, requireModel, requireParameterName } from './parameter-ranges.js';
import type { SweepModel } from './parameter-ranges.js';

/** A parameter's low, central and high values (low ≤ central ≤ high, low < high). */
export interface OneAtATimeLevels {
  low: number;
  /** Default: the midpoint of low and high. */
  central?: number;
  high: number;
}

/** Parameters of a one-at-a-time sweep: `{ low, central, high }` or `[low, high]` (central = midpoint), in key order. */
export type OneAtATimeParameters = Readonly<Record<string, OneAtATimeLevels | readonly [low: number, high: number]>>;

/** The points of a one-at-a-time sweep and where each sits. */
export interface OneAtATimeDesign {
  /** Parameter names in order. */
  names: string[];
  /** The checked levels, central filled in. */
  parameters: Record<string, Required<OneAtATimeLevels>>;
  /** 1 + 2d points: the central point, then for each parameter in order its low point and its high point. */
  points: Record<string, number>[];
  /** Positions in `points`: `base` (0), `low[i]` = 1 + 2i and `high[i]` = 2 + 2i. */
  index: { base: number; low: number[]; high: number[] };
}

/** One bar of a tornado chart. */
export interface OneAtATimeSwing {
  name: string;
  low: number;
  central: number;
  high: number;
  /** Output with this parameter at low, the others central. */
  outputAtLow: number;
  /** Output with this parameter at high, the others central. */
  outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|. */
  swing: number;
}

/** Result of a one-at-a-time sweep. */
export interface OneAtATimeResult {
  /** Output at the all-central point. */
  base: number;
  /** One entry per parameter, by swing descending, ties by name (code-unit order). */
  swings: OneAtATimeSwing[];
  /** Model evaluations, 1 + 2d. */
  evaluations: number;
  /** The levels used. */
  parameters: Record<string, Required<OneAtATimeLevels>>;
}

/** Checks and normalises the parameters. */
function checkLevels(origin: string, parameters: unknown): { names: string[]; levels: Record<string, Required<OneAtATimeLevels>> } {
  const obj = requireObject(origin, 'parameters', parameters);
  const names = Object.keys(obj);
  if (names.length === 0) throw new InvalidInputError(origin, 'parameters', 'must name at least one parameter', parameters);
  const levels: Record<string, Required<OneAtATimeLevels>> = {};
  for (const name of names) {
    requireParameterName(origin, 'parameters', name);
    const field = `parameters.${name}`;
    const value = obj[name];
    if (Array.isArray(value)) {
      const [low, high] = checkRange(origin, field, value);
      levels[name] = { low, central: low + (high - low) / 2, high };
      continue;
    }
    const spec = requireObject(origin, field, value);
    for (const key of Object.keys(spec)) {
      if (key !== 'low' && key !== 'central' && key !== 'high') throw new InvalidInputError(origin, `${field}.${key}`, 'is not a level (low, central, high)', spec[key]);
    }
    const [low, high] = checkRange(origin, field, [spec.low, spec.high]);
    const central = spec.central ?? low + (high - low) / 2;
    if (typeof central !== 'number' || !Number.isFinite(central)) throw new InvalidInputError(origin, `${field}.central`, 'must be a finite number', central);
    if (!(low <= central && central <= high)) throw new InvalidInputError(origin, `${field}.central`, `must be in [low, high] = [${low}, ${high}]`, central);
    levels[name] = { low, central, high };
  }
  return { names, levels };
}

/**
 * The points of a one-at-a-time sweep, for a runner that evaluates them
 * itself (in other processes, say) and passes the outputs to
 * {@link oneAtATimeFromEvaluations}.
 *
 * @param parameters - `{ name: { low, central, high } }` or `{ name: [low, high] }` (central =
 *   midpoint); finite, low < high, low ≤ central ≤ high
 * @returns `{ names, parameters, points, index }`: 1 + 2d points, the central point first, then
 *   each parameter's low and high points in parameter order (a point equal to the central one,
 *   when central = low or high, is still listed)
 * @throws {InvalidInputError} when there is no parameter or a level is missing, not finite or
 *   out of order (the parameter is named)
 * @example
 * oneAtATimePoints({ a: [0, 2], b: { low: 1, central: 1.5, high: 4 } }).points;
 * // [{ a: 1, b: 1.5 }, { a: 0, b: 1.5 }, { a: 2, b: 1.5 }, { a: 1, b: 1 }, { a: 1, b: 4 }]
 *
 * Complexity: O(d²) time and memory.
 */
export function oneAtATimePoints(parameters: OneAtATimeParameters): OneAtATimeDesign {
  return buildPoints('oneAtATimePoints', parameters);
}

function buildPoints(origin: string, parameters: unknown): OneAtATimeDesign {
  const { names, levels } = checkLevels(origin, parameters);
  const central: Record<string, number> = {};
  for (const name of names) central[name] = levels[name].central;
  const points: Record<string, number>[] = [{ ...central }];
  const index = { base: 0, low: [] as number[], high: [] as number[] };
  for (const name of names) {
    index.low.push(points.length);
    points.push({ ...central, [name]: levels[name].low });
    index.high.push(points.length);
    points.push({ ...central, [name]: levels[name].high });
  }
  return { names, parameters: levels, points, index };
}

/**
 * The swings of a one-at-a-time sweep from outputs computed elsewhere.
 *
 * @param parameters - the same parameters given to {@link oneAtATimePoints}
 * @param values - one finite output per point, in the order of `oneAtATimePoints(parameters).points`
 * @returns `{ base, swings, evaluations, parameters }`, swings sorted by swing descending then name
 * @throws {InvalidInputError} for bad parameters, or when `values` does not hold 1 + 2d finite numbers
 * @example
 * const p = { a: [0, 2], b: [0, 1] } as const;
 * oneAtATimeFromEvaluations(p, oneAtATimePoints(p).points.map(({ a, b }) => 3 * a + b)).swings[0];
 * // { name: 'a', low: 0, central: 1, high: 2, outputAtLow: 0.5, outputAtHigh: 6.5, swing: 6 }
 *
 * Complexity: O(d log d) after the O(d²) points.
 */
export function oneAtATimeFromEvaluations(parameters: OneAtATimeParameters, values: ArrayLike<number>): OneAtATimeResult {
  const origin = 'oneAtATimeFromEvaluations';
  const design = buildPoints(origin, parameters);
  return swingsOf(design, checkValues(origin, values, design.points.length));
}

function swingsOf(design: OneAtATimeDesign, values: Float64Array): OneAtATimeResult {
  const swings: OneAtATimeSwing[] = design.names.map((name, i) => {
    const { low, central, high } = design.parameters[name];
    const outputAtLow = values[design.index.low[i]];
    const outputAtHigh = values[design.index.high[i]];
    return { name, low, central, high, outputAtLow, outputAtHigh, swing: Math.abs(outputAtHigh - outputAtLow) };
  });
  swings.sort((p, q) => (q.swing - p.swing) || (p.name < q.name ? -1 : p.name > q.name ? 1 : 0));
  return { base: values[design.index.base], swings, evaluations: design.points.length, parameters: design.parameters };
}

/**
 * One-at-a-time sensitivity of a model, for a tornado chart: a thin wrapper
 * on {@link oneAtATimePoints} and {@link oneAtATimeFromEvaluations} that calls
 * the model 1 + 2d times, one call at a time (each awaited before the next).
 *
 * @param model - `(x) => number | Promise<number>`, x holding one value per parameter name
 * @param parameters - `{ name: { low, central, high } }` or `{ name: [low, high] }` (central = midpoint)
 * @returns `{ base, swings, evaluations, parameters }`, swings sorted by |outputAtHigh − outputAtLow|
 *   descending, ties by name
 * @throws {InvalidInputError} for bad parameters, or when the model returns anything but a finite
 *   number (the message names oneAtATime, the point and the value); an error the model throws is
 *   passed on unchanged
 * @example
 * const r = await oneAtATime(({ a, b }) => 2 * a + b * b, { a: { low: 0, central: 1, high: 3 }, b: [-1, 2] });
 * r.base; // 2.25
 * r.swings.map((s) => [s.name, s.swing]); // [['a', 6], ['b', 3]]
 *
 * Complexity: 1 + 2d model calls; O(d²) time and memory besides.
 */
export async function oneAtATime(model: (x: Record<string, number>) => number | Promise<number>, parameters: OneAtATimeParameters): Promise<OneAtATimeResult> {
  const origin = 'oneAtATime';
  requireModel(origin, model);
  const design = buildPoints(origin, parameters);
  const values = await evaluateSequentially(origin, model as SweepModel, design.points);
  return swingsOf(design, values);
}
