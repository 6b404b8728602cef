/**
 * Boundary checks. Each throws an {@link InvalidInputError} that names the
 * function, the field and the value. Call them once at a public boundary,
 * never per item inside a hot loop.
 */
import { checkOptions } from './check-options.js';
import { InvalidInputError } from './errors.js';

/** Throws unless `value` is a finite number; returns it. */
export function requireFinite(origin: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidInputError(origin, field, 'must be a finite number', value);
  }
  return value;
}

/** Throws unless `value` is a finite number > 0. */
export function requirePositive(origin: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidInputError(origin, field, 'must be a finite number > 0', value);
  }
  return value;
}

/** Throws unless `value` is a finite number >= 0. */
export function requireNonNegative(origin: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidInputError(origin, field, 'must be a finite number >= 0', value);
  }
  return value;
}

/** Throws unless `value` is a probability in [0, 1]. */
export function requireProbability(origin: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new InvalidInputError(origin, field, 'must be a probability in [0, 1]', value);
  }
  return value;
}

/** Throws unless `value` is an integer in [min, max]. */
export function requireInteger(origin: string, field: string, value: unknown, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? (min === -Infinity ? '' : ` >= ${min}`) : ` in [${min}, ${max}]`;
    throw new InvalidInputError(origin, field, `must be an integer${range}`, value);
  }
  return value;
}

/** Throws unless `value` is in (lo, hi]. */
export function requireInRangeExclusiveLow(origin: string, field: string, value: unknown, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= lo || value > hi) {
    throw new InvalidInputError(origin, field, `must be in (${lo}, ${hi}]`, value);
  }
  return value;
}

/** Throws unless `value` is one of `allowed`. */
export function requireOneOf<T extends string>(origin: string, field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidInputError(origin, field, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
  }
  return value as T;
}

/** Throws unless `value` is a plain object (not null, not an array). */
export function requireObject(origin: string, field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError(origin, field, 'must be an object', value);
  }
  return value as Record<string, unknown>;
}

/** Bounds `[minX, minY, maxX, maxY]` in metres. */
export type Bounds = readonly [minX: number, minY: number, maxX: number, maxY: number];

/** Throws unless `value` is `[minX, minY, maxX, maxY]` with finite values and min < max. */
export function requireBounds(origin: string, field: string, value: unknown): Bounds {
  if (!Array.isArray(value) || value.length !== 4) {
    throw new InvalidInputError(origin, field, 'must be [minX, minY, maxX, maxY]', value);
  }
  for (let i = 0; i < 4; i++) requireFinite(origin, `${field}[${i}]`, value[i]);
  if (!(value[0] < value[2]) || !(value[1] < value[3])) {
    throw new InvalidInputError(origin, field, 'must have minX < maxX and minY < maxY', value);
  }
  return value as unknown as Bounds;
}

/**
 * Throws unless every key of `obj` is in `allowed`: a misspelt option is an
 * error, never silently ignored (`personHistory: options.lookback is not an
 * option (operatingDays, lookbackDays, …), got 7`).
 */
export function requireKnownKeys(origin: string, field: string, obj: Record<string, unknown>, allowed: readonly string[]): void {
  // The strict-options rule: an unknown key is an UnknownOptionError naming it and the nearest known key.
  checkOptions(origin, obj, allowed, field);
}
