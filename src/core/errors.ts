/**
 * Error classes. Every message names the function, the offending field and
 * the value, e.g. `createCameraSet: cameras[17].fov must be in (0, 360], got 400`.
 */

/** Base class of every error sightline throws on purpose. */
export class SightlineError extends Error {
  /** Name of the public function that detected the problem. */
  readonly origin: string;
  constructor(origin: string, message: string) {
    super(`${origin}: ${message}`);
    this.name = 'SightlineError';
    this.origin = origin;
  }
}

/** An argument, field or file content is invalid. */
export class InvalidInputError extends SightlineError {
  /** Path of the offending field, e.g. `cameras[17].fov`. */
  readonly field: string;
  /** The offending value (as given). */
  readonly value: unknown;
  constructor(origin: string, field: string, expected: string, value: unknown) {
    super(origin, `${field} ${expected}, got ${formatValue(value)}`);
    this.name = 'InvalidInputError';
    this.field = field;
    this.value = value;
  }
}

/** Something that was referred to by name or id does not exist. */
export class NotFoundError extends SightlineError {
  readonly field: string;
  readonly value: unknown;
  constructor(origin: string, field: string, value: unknown, what = 'was not found') {
    super(origin, `${field} ${formatValue(value)} ${what}`);
    this.name = 'NotFoundError';
    this.field = field;
    this.value = value;
  }
}

/** A function was called in a way its contract does not allow (wrong order, missing step). */
export class UsageError extends SightlineError {
  constructor(origin: string, message: string) {
    super(origin, message);
    this.name = 'UsageError';
  }
}

/** Formats a value for an error message: short, unambiguous, never throws. */
export function formatValue(value: unknown): string {
  try {
    return formatValueUnsafe(value);
  } catch {
    // A value whose conversion throws (a Proxy, an object without a prototype and a throwing getter, ...).
    return `a value of type ${typeof value}`;
  }
}

function formatValueUnsafe(value: unknown): string {
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return `a function${value.name ? ` ${value.name}` : ''}`;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '-Infinity';
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? value.slice(0, 77) + '...' : value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return value.length > 6 ? `an array of length ${value.length}` : safeJson(value);
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof value === 'object') return safeJson(value);
  return String(value);
}

/** Marks NaN and ±Infinity inside arrays and objects, which JSON would print as null. */
const NON_FINITE = (_key: string, v: unknown): unknown => (typeof v === 'number' && !Number.isFinite(v) ? `\u0000${v}\u0000` : v);

function safeJson(value: unknown): string {
  try {
    const s = JSON.stringify(value, NON_FINITE)?.replace(/"\\u0000(NaN|-?Infinity)\\u0000"/g, '$1');
    if (s === undefined) return String(value);
    return s.length > 80 ? s.slice(0, 77) + '...' : s;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
