/**
 * Parameter ranges of a sweep, checked once at the boundary, and the model
 * evaluation loop shared by the sweep functions. Internal to src/sweep/.
 */
import { InvalidInputError } from '../core/index.js';
import { formatValue, requireObject } from '../core/internal.js';

/** A parameter's range `[low, high]`, low < high. */
export type ParameterRange = readonly [low: number, high: number];

/** Parameter ranges by name; the object's key order is the parameters' order. */
export type ParameterRanges = Readonly<Record<string, ParameterRange>>;

/** A model of the swept parameters: a number (or a promise of one) for each point. */
export type SweepModel = (x: Record<string, number>) => number | Promise<number>;

/** Names that cannot be keys of a plain result object without touching its prototype. */
const FORBIDDEN_NAMES = new Set(['__proto__']);

/**
 * Checks a parameter name: a non-empty string that a plain object can hold as its own key.
 *
 * @throws {InvalidInputError} naming `origin` and `field`
 */
export function requireParameterName(origin: string, field: string, name: string): void {
  if (name.length === 0) throw new InvalidInputError(origin, field, 'must not have an empty parameter name', name);
  if (FORBIDDEN_NAMES.has(name)) throw new InvalidInputError(origin, `${field}.${name}`, 'is not allowed as a parameter name', name);
}

/**
 * Checks `[low, high]` ranges: at least one parameter, finite bounds, low < high
 * and a finite span.
 *
 * @returns the names in key order and a copy of the ranges
 * @throws {InvalidInputError} naming `origin`, the parameter and the bad value
 */
export function checkParameterRanges(origin: string, parameters: unknown, field = 'parameters'): { names: string[]; ranges: Record<string, [number, number]> } {
  const obj = requireObject(origin, field, parameters);
  const names = Object.keys(obj);
  if (names.length === 0) throw new InvalidInputError(origin, field, 'must name at least one parameter', parameters);
  const ranges: Record<string, [number, number]> = {};
  for (const name of names) {
    requireParameterName(origin, field, name);
    ranges[name] = checkRange(origin, `${field}.${name}`, obj[name]);
  }
  return { names, ranges };
}

/** Checks one `[low, high]` pair. */
export function checkRange(origin: string, field: string, value: unknown): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) throw new InvalidInputError(origin, field, 'must be [low, high]', value);
  const [low, high] = value as unknown[];
  if (typeof low !== 'number' || !Number.isFinite(low)) throw new InvalidInputError(origin, `${field}[0]`, 'must be a finite number (low)', low);
  if (typeof high !== 'number' || !Number.isFinite(high)) throw new InvalidInputError(origin, `${field}[1]`, 'must be a finite number (high)', high);
  if (!(low < high)) throw new InvalidInputError(origin, field, 'must have low < high', value);
  if (!Number.isFinite(high - low)) throw new InvalidInputError(origin, field, 'must have a finite span high − low', value);
  return [low, high];
}

/**
 * Evaluates `model` at every point, one after another (each result awaited
 * before the next call), so a stateful or rate-limited model sees a fixed order.
 *
 * @returns the outputs, in the points' order
 * @throws {InvalidInputError} naming `origin`, the point and the value when the model returns
 *   anything but a finite number; whatever the model itself throws is passed on unchanged
 */
export async function evaluateSequentially(origin: string, model: SweepModel, points: readonly Record<string, number>[]): Promise<Float64Array> {
  const values = new Float64Array(points.length);
  for (let k = 0; k < points.length; k++) {
    // A fresh copy: a model that mutates its argument cannot change the design.
    const y: unknown = await model({ ...points[k] });
    if (typeof y !== 'number' || !Number.isFinite(y)) {
      throw new InvalidInputError(origin, `model(${formatValue(points[k])}) (point ${k})`, 'must return a finite number', y);
    }
    values[k] = y;
  }
  return values;
}

/** Checks that `model` is a function. */
export function requireModel(origin: string, model: unknown): asserts model is SweepModel {
  if (typeof model !== 'function') throw new InvalidInputError(origin, 'model', 'must be a function of the parameters returning a number', model);
}

/**
 * Checks externally computed outputs: an array (or typed array) of `expected`
 * finite numbers.
 *
 * @returns the values as a Float64Array
 */
export function checkValues(origin: string, values: unknown, expected: number, field = 'values'): Float64Array {
  if (!(Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView)))) {
    throw new InvalidInputError(origin, field, 'must be an array of numbers, one per point', values);
  }
  const arr = values as ArrayLike<unknown>;
  if (arr.length !== expected) throw new InvalidInputError(origin, `${field}.length`, `must equal the number of points (${expected})`, arr.length);
  const out = new Float64Array(expected);
  for (let k = 0; k < expected; k++) {
    const v = arr[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidInputError(origin, `${field}[${k}]`, 'must be a finite number', v);
    out[k] = v;
  }
  return out;
}
