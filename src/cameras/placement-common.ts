/**
 * Shared pieces of the placement strategies: the camera attribute options
 * every strategy accepts, their validation (once, at the boundary) and a
 * column writer that fills a {@link CameraSet} directly, without one object
 * per camera.
 */
import { InvalidInputError, RAD_TO_DEG, type Rng, type Seed } from '../core/index.js';
import { toRng, warnDeprecated } from '../core/internal.js';
import { type City, type StreetClass, STREET_CLASSES } from '../city/index.js';
import {
  CameraSet,
  CameraSetBuilder,
  type CameraCapability,
  type CameraKind,
  type CameraOperator,
} from './camera-set.js';

/**
 * Attributes given to every camera a placement strategy creates. Omitted
 * fields take the defaults of {@link PLACEMENT_DEFAULTS} and
 * `CAMERA_DEFAULTS` (camera-set.ts).
 */
export interface CameraAttributeOptions {
  /** Horizontal field of view in degrees, (0, 360]. Default {@link PLACEMENT_DEFAULTS}.fov. */
  fov?: number;
  /**
   * Farthest distance seen, metres (> 0). When omitted, the DORI "detect"
   * distance (25 px/m) computed from `resolutionPx` and `fov`.
   */
  range?: number;
  /** Horizontal sensor resolution in pixels (> 0). Default 1920. */
  resolutionPx?: number;
  /** Mount height in metres (>= 0). Default 5. */
  height?: number;
  /** Tilt below the horizon in degrees, [-90, 90]. Default 15. */
  tilt?: number;
  /** Housing/motion kind. Default `fixed`. */
  kind?: CameraKind;
  /** Analytics the cameras feed (`face`, `plate`). Default none. */
  capabilities?: readonly CameraCapability[];
  /** Who operates the cameras. Default `unknown`. */
  operator?: CameraOperator;
  /** Whether the cameras stream live to a command node. Default false. */
  live?: boolean;
  /** Command node the cameras report to (integer id). Default none. */
  nodeId?: number;
}

/** Options shared by every placement strategy. */
export interface PlacementBaseOptions extends CameraAttributeOptions {
  /** Seed or random stream; the same seed gives identical cameras. Default {@link PLACEMENT_DEFAULTS}.seed. */
  seed?: Seed | Rng;
}

/**
 * Largest number of cameras one placement call creates. 50 million cameras
 * take 3 GB in a {@link CameraSet} (60 bytes per camera in its columns), beyond a laptop's memory for the analyses that follow, and 390
 * times the 128,000 of the Almaty reference case. A choice of
 * this library, not a fact about the world. Counts are checked against it
 * before anything is allocated; spacing-based strategies first compute the
 * count their spacing gives.
 */
export const MAX_CAMERAS = 50_000_000;

/** Defaults shared by the placement strategies. */
export const PLACEMENT_DEFAULTS = {
  /**
   * Horizontal field of view in degrees. Assumption, not a measured fact: 90°
   * is typical of the 2.8–4 mm fixed lenses of general-purpose CCTV cameras.
   */
  fov: 90,
  /** Seed used when none is given (any fixed value would do; recorded so results can be reproduced). */
  seed: 1 as Seed,
} as const;

/** Validated attributes, ready to be written into columns. */
export interface ResolvedAttributes {
  fov: number;
  range: number;
  height: number;
  tilt: number;
  resolutionPx: number;
  kind: number;
  capabilities: number;
  operator: number;
  live: number;
  nodeId: number;
}

/**
 * Validates the attribute options once (using the camera store's own checks,
 * so errors read `placeX: options.fov must be in (0, 360], got 400`) and
 * returns them as column values.
 * @internal
 */
export function resolveAttributes(origin: string, options: CameraAttributeOptions): ResolvedAttributes {
  const probe = new CameraSetBuilder(1, origin);
  probe.add(
    {
      x: 0,
      y: 0,
      heading: 0,
      fov: options.fov ?? PLACEMENT_DEFAULTS.fov,
      range: options.range,
      resolutionPx: options.resolutionPx,
      height: options.height,
      tilt: options.tilt,
      kind: options.kind,
      capabilities: options.capabilities,
      operator: options.operator,
      live: options.live,
      nodeId: options.nodeId,
    },
    'options',
  );
  const s = probe.finish();
  return {
    fov: s.fov[0],
    range: s.range[0],
    height: s.height[0],
    tilt: s.tilt[0],
    resolutionPx: s.resolutionPx[0],
    kind: s.kind[0],
    capabilities: s.capabilities[0],
    operator: s.operator[0],
    live: s.live[0],
    nodeId: s.nodeId[0],
  };
}

/**
 * Allocates a camera set of `n` cameras whose attribute columns are filled
 * with `attrs`; the caller writes x, y and heading (heading in [0, 360)).
 * Writing the columns directly is much faster than `CameraSetBuilder.add`
 * with one object per camera (figures in benchmarks/README.md); the
 * attributes are validated once by {@link resolveAttributes} instead of per camera.
 * @internal
 */
export function allocateCameraSet(n: number, attrs: ResolvedAttributes, origin = 'allocateCameraSet'): CameraSet {
  // Backstop: callers check their own count first and name the option.
  if (!(Number.isInteger(n) && n >= 0 && n <= MAX_CAMERAS)) throw new InvalidInputError(origin, 'number of cameras', `must be an integer in [0, MAX_CAMERAS = ${MAX_CAMERAS}]`, n);
  const set = new CameraSet(n);
  set.fov.fill(attrs.fov);
  set.range.fill(attrs.range);
  set.height.fill(attrs.height);
  set.tilt.fill(attrs.tilt);
  set.resolutionPx.fill(attrs.resolutionPx);
  set.kind.fill(attrs.kind);
  set.capabilities.fill(attrs.capabilities);
  set.operator.fill(attrs.operator);
  set.live.fill(attrs.live);
  set.nodeId.fill(attrs.nodeId);
  return set;
}

/** Checks `options` is an object (or undefined) and returns it. @internal */
export function optionsObject<T extends object>(origin: string, options: T | undefined): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidInputError(origin, 'options', 'must be an object', options);
  }
  return options;
}

/** The random stream of a placement call. @internal */
export function placementRng(origin: string, options: PlacementBaseOptions): Rng {
  return toRng(options.seed ?? PLACEMENT_DEFAULTS.seed, origin);
}

/** Heading in [0, 360) of the direction (dx, dy) (x east, y north). @internal */
export function headingOf(dx: number, dy: number): number {
  let h = Math.atan2(dx, dy) * RAD_TO_DEG + 0; // + 0 turns -0 into 0
  if (h < 0) h += 360;
  return h >= 360 ? 0 : h;
}

/** Validates a street-class filter; returns a lookup by class rank, or null for "all". @internal */
export function streetClassFilter(origin: string, field: string, classes: readonly StreetClass[] | undefined): Uint8Array | null {
  if (classes === undefined) return null;
  if (!Array.isArray(classes) || classes.length === 0) {
    throw new InvalidInputError(origin, field, `must be a non-empty array of ${STREET_CLASSES.join(', ')}`, classes);
  }
  const keep = new Uint8Array(STREET_CLASSES.length);
  for (let i = 0; i < classes.length; i++) {
    const r = STREET_CLASSES.indexOf(classes[i]);
    if (r < 0) throw new InvalidInputError(origin, `${field}[${i}]`, `must be one of ${STREET_CLASSES.join(', ')}`, classes[i]);
    keep[r] = 1;
  }
  return keep;
}

/** Throws unless `city` looks like a {@link City} with the parts a strategy needs. @internal */
export function requireCity(origin: string, city: City, parts: readonly ('streets' | 'buildings' | 'population')[]): void {
  if (typeof city !== 'object' || city === null) throw new InvalidInputError(origin, 'city', 'must be a City object', city);
  for (const p of parts) {
    const v = (city as unknown as Record<string, unknown>)[p];
    if (typeof v !== 'object' || v === null) throw new InvalidInputError(origin, `city.${p}`, 'must be present', v);
  }
}

/**
 * Street segments of a city as flat columns (one per graph edge whose class
 * passes the filter and whose length is > 0), in the graph's edge order.
 * @internal
 */
export interface StreetSegments {
  n: number;
  ax: Float64Array;
  ay: Float64Array;
  bx: Float64Array;
  by: Float64Array;
  width: Float64Array;
  /** Rank of the street class in STREET_CLASSES. */
  classRank: Uint8Array;
}

/** @internal */
export function collectStreetSegments(origin: string, city: Pick<City, 'streets'>, keep: Uint8Array | null): StreetSegments {
  const g = city.streets;
  const m = g.size;
  const ax = new Float64Array(m);
  const ay = new Float64Array(m);
  const bx = new Float64Array(m);
  const by = new Float64Array(m);
  const width = new Float64Array(m);
  const classRank = new Uint8Array(m);
  let n = 0;
  let bad: { field: string; value: unknown; expected: string } | null = null;
  g.forEachEdge((edge, attr, _s, _t, sa, ta) => {
    if (bad) return;
    const rank = STREET_CLASSES.indexOf(attr.streetClass);
    if (rank < 0) {
      bad = { field: `city.streets edge ${edge} streetClass`, value: attr.streetClass, expected: `must be one of ${STREET_CLASSES.join(', ')}` };
      return;
    }
    if (keep !== null && keep[rank] === 0) return;
    if (!Number.isFinite(sa.x) || !Number.isFinite(sa.y) || !Number.isFinite(ta.x) || !Number.isFinite(ta.y)) {
      bad = { field: `city.streets edge ${edge} end coordinates`, value: [sa.x, sa.y, ta.x, ta.y], expected: 'must be finite numbers' };
      return;
    }
    const w = attr.width ?? 0;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      bad = { field: `city.streets edge ${edge} width`, value: w, expected: 'must be a finite number >= 0' };
      return;
    }
    if (sa.x === ta.x && sa.y === ta.y) return;
    ax[n] = sa.x;
    ay[n] = sa.y;
    bx[n] = ta.x;
    by[n] = ta.y;
    width[n] = w;
    classRank[n] = rank;
    n++;
  });
  if (bad !== null) {
    const b = bad as { field: string; value: unknown; expected: string };
    throw new InvalidInputError(origin, b.field, b.expected, b.value);
  }
  return { n, ax, ay, bx, by, width, classRank };
}

/**
 * Integer `count` in [0, {@link MAX_CAMERAS}] check. @internal
 */
export function requireCount(origin: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidInputError(origin, field, 'must be an integer >= 0', value);
  }
  if (value > MAX_CAMERAS) throw new InvalidInputError(origin, field, `must be at most MAX_CAMERAS = ${MAX_CAMERAS}`, value);
  return value;
}

/**
 * The `numCameras` option of a placement, also read from the option name it
 * replaces (`deprecatedKey`, kept for one release with a DeprecationWarning).
 * Returns -1 when neither is given; throws when both are given and differ.
 * @internal
 */
export function numCamerasOption(origin: string, options: { numCameras?: number }, deprecatedKey: string): number {
  const old = (options as Record<string, unknown>)[deprecatedKey];
  if (old !== undefined) {
    warnDeprecated(`sightline:${origin}-${deprecatedKey}`, `${origin}: options.${deprecatedKey} is deprecated: use options.numCameras`);
    if (options.numCameras !== undefined && options.numCameras !== old) {
      throw new InvalidInputError(origin, `options.${deprecatedKey}`, `is the deprecated name of options.numCameras (${options.numCameras}); give only one`, old);
    }
  }
  const value = options.numCameras ?? old;
  return value === undefined ? -1 : requireCount(origin, options.numCameras !== undefined ? 'options.numCameras' : `options.${deprecatedKey}`, value);
}

/**
 * Throws unless a computed number of cameras `n` is at most {@link MAX_CAMERAS};
 * the error names the option that produced it (`field`, whose value is `value`)
 * and says how many cameras it would give (`why`). @internal
 */
export function requireCameraTotal(origin: string, field: string, value: unknown, n: number, why: string): void {
  if (!(n <= MAX_CAMERAS)) {
    throw new InvalidInputError(origin, field, `gives ${n} cameras (${why}), more than MAX_CAMERAS = ${MAX_CAMERAS}`, value);
  }
}

/**
 * The seed to record in a provenance: the seed given (a string or number), an
 * Rng's seed path, or the default. @internal
 */
export function seedOf(seed: Seed | Rng | undefined, fallback: Seed = PLACEMENT_DEFAULTS.seed): string | number {
  if (seed === undefined) return fallback;
  if (typeof seed === 'object' && seed !== null && typeof (seed as Rng).seed === 'string') return (seed as Rng).seed;
  return seed as Seed;
}

/**
 * A JSON-serialisable copy of an options value for a provenance record:
 * finite numbers, strings, booleans and null as is; non-finite numbers as
 * strings; a random stream as `{ rng: seed }`; typed arrays and arrays longer
 * than 64 items as `{ type, length }`; plain objects copied up to 4 levels
 * deep; functions and undefined left out. Never throws. @internal
 */
export function provenanceValue(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'object') return undefined;
  if (typeof (value as Rng).next === 'function' && typeof (value as Rng).seed === 'string') return { rng: (value as Rng).seed };
  if (ArrayBuffer.isView(value)) return { type: value.constructor.name, length: (value as unknown as ArrayLike<unknown>).length };
  if (Array.isArray(value)) {
    if (value.length > 64 || depth >= 4) return { type: 'Array', length: value.length };
    return value.map((v) => provenanceValue(v, depth + 1) ?? null);
  }
  if (depth >= 4) return { type: 'Object' };
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = provenanceValue((value as Record<string, unknown>)[k], depth + 1);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * The options of a placement call as provenance `params`: every option given
 * (but the seed, recorded apart) as a JSON-safe copy, plus `resolved` values
 * the call chose (defaults applied). @internal
 */
export function provenanceParams(options: object, resolved: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(options)) {
    if (k === 'seed') continue;
    const v = provenanceValue((options as Record<string, unknown>)[k], 1);
    if (v !== undefined) out[k] = v;
  }
  for (const k of Object.keys(resolved)) {
    const v = provenanceValue(resolved[k], 1);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** A short JSON-safe description of a city for provenance records. @internal */
export function cityRef(city: City): Record<string, unknown> {
  const c = city as unknown as { name?: unknown; streets?: { order?: unknown; size?: unknown }; buildings?: { numBuildings?: unknown } };
  return {
    name: typeof c.name === 'string' ? c.name : null,
    streetNodes: typeof c.streets?.order === 'number' ? c.streets.order : null,
    streetEdges: typeof c.streets?.size === 'number' ? c.streets.size : null,
    buildings: typeof c.buildings?.numBuildings === 'number' ? c.buildings.numBuildings : null,
  };
}
