/**
 * The camera store: a struct of arrays, one typed-array column per field,
 * indexed by integer camera id 0 … numCameras − 1.
 *
 * Build it from friendly objects with {@link createCameraSet}, or, in
 * generators, with a {@link CameraSetBuilder} (`add` then `finish`, like
 * flatbush), which validates each value once as it is added.
 */
import { InvalidInputError, UsageError } from '../core/index.js';
import { formatValue } from '../core/internal.js';
import { doriDistanceUnchecked, DORI_PX_PER_M } from './optics.js';

/** Kind of camera housing/motion. */
export type CameraKind = 'fixed' | 'dome' | 'panning' | 'ptz';
/** Who operates the camera. */
export type CameraOperator = 'public' | 'private' | 'unknown';
/** Analytics a camera feeds. */
export type CameraCapability = 'face' | 'plate';

export const CAMERA_KINDS: readonly CameraKind[] = ['fixed', 'dome', 'panning', 'ptz'];
export const CAMERA_OPERATORS: readonly CameraOperator[] = ['public', 'private', 'unknown'];

/** Capability bit flags stored in {@link CameraSet.capabilities}. */
export const CAPABILITY_FACE = 1;
export const CAPABILITY_PLATE = 2;

/** `nodeId` value of a camera that reports to no command node. */
export const NO_NODE = 0xffffffff;

/**
 * Defaults applied when a field is missing.
 * Each stands for a fact or a stated assumption; see the comments.
 */
/** The largest finite 32-bit float: the `height`, `tilt` and `resolutionPx` columns are Float32Arrays. */
const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Largest values {@link createCameraSet} accepts. A bigger value is refused
 * with an InvalidInputError naming the camera and field, never stored as
 * Infinity or left to make a later sum NaN.
 */
export const CAMERA_LIMITS = {
  /** Metres: the largest finite Float32 (the `height` column is a Float32Array). */
  height: FLOAT32_MAX,
  /** Pixels: the largest finite Float32 (the `resolutionPx` column is a Float32Array). */
  resolutionPx: FLOAT32_MAX,
  /**
   * Metres, given or derived from the DORI detect distance: 10,000 km, a
   * quarter of the Earth's circumference. The local plane the library works
   * in stops meaning anything long before; the bound keeps squared ranges
   * (areas) finite.
   */
  range: 1e7,
} as const;

export const CAMERA_DEFAULTS = {
  /** Mount height in metres. Assumption: a typical pole/facade mount (plausible 2.2–8 m; Almaty's face-recognition cameras are to be mounted at about 2.2 m, SOURCES['halyq-uni-2023']). */
  height: 5,
  /** Tilt below the horizon in degrees. Assumption: a common downward tilt of street cameras (plausible 5–30°). */
  tilt: 15,
  /**
   * Horizontal resolution in pixels. Assumption, not a measured fact: 1920 px
   * (Full HD, 1080p), the common baseline resolution of current IP CCTV cameras.
   */
  resolutionPx: 1920,
  kind: 'fixed' as CameraKind,
  operator: 'unknown' as CameraOperator,
  /** Whether the camera streams live to a command node (false: records locally only). */
  live: false,
} as const;

/** A camera as a friendly object (the edge of the API). */
export interface CameraInput {
  /** Metres east in the local plane. */
  x: number;
  /** Metres north in the local plane. */
  y: number;
  /** Degrees clockwise from north (any finite value; normalised to [0, 360)). */
  heading: number;
  /** Horizontal opening angle in degrees, (0, 360]; 360 means omnidirectional. */
  fov: number;
  /**
   * Farthest distance in metres the camera sees anything (> 0). When omitted,
   * the DORI "detect" distance (25 px/m) from `resolutionPx` and `fov`.
   */
  range?: number;
  /** Mount height in metres (default 5). */
  height?: number;
  /** Tilt below the horizon in degrees, [-90, 90] (default 15). */
  tilt?: number;
  /** Horizontal sensor resolution in pixels (default 1920). */
  resolutionPx?: number;
  kind?: CameraKind;
  /** Analytics the camera feeds: face recognition, plate reading. */
  capabilities?: readonly CameraCapability[];
  operator?: CameraOperator;
  /** Streams live to its command node (default false). */
  live?: boolean;
  /** Integer id of the command node it reports to. */
  nodeId?: number;
  /** An external identifier (for example `node/123` from OSM), kept for export. */
  sourceId?: string;
}

/**
 * How a camera set was made, so that a saved result can be reproduced
 * (every result records the seed and parameters). Plain data:
 * `JSON.stringify` keeps all of it.
 */
export interface CameraProvenance {
  /** The function that made the set, e.g. `placeUniform`, `importOsmCameras`, `almatyCameras`, `subset`, `concat`. */
  generator: string;
  /** The seed used (an Rng's seed path when a stream was given), or null when no randomness was involved. */
  seed: string | number | null;
  /** The options used, as JSON-safe values (large inputs such as polygons are summarised). */
  params: Record<string, unknown>;
  /** Provenance of the sets this one was derived from (subset, concat, presets), in order; null where unknown. */
  sources?: (CameraProvenance | null)[];
}

/** A camera set: columns of typed arrays. Treat the arrays as read-only. */
export class CameraSet {
  readonly numCameras: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Degrees clockwise from north, in [0, 360). */
  readonly heading: Float64Array;
  /** Degrees, (0, 360]. */
  readonly fov: Float64Array;
  /** Metres: the farthest distance the camera sees anything. */
  readonly range: Float64Array;
  readonly height: Float32Array;
  readonly tilt: Float32Array;
  readonly resolutionPx: Float32Array;
  /** Index into {@link CAMERA_KINDS}. */
  readonly kind: Uint8Array;
  /** Bit flags {@link CAPABILITY_FACE} | {@link CAPABILITY_PLATE}. */
  readonly capabilities: Uint8Array;
  /** Index into {@link CAMERA_OPERATORS}. */
  readonly operator: Uint8Array;
  /** 1 if the camera streams live to its node, else 0. */
  readonly live: Uint8Array;
  /** Command node id, or {@link NO_NODE}. */
  readonly nodeId: Uint32Array;
  /** External ids (empty strings where none), or null when no camera had one. */
  readonly sourceId: readonly string[] | null;
  /**
   * How the set was made: set by the placement strategies, the presets and
   * the OSM importer; null for sets built by hand ({@link createCameraSet}).
   * Kept by {@link CameraSet.subset} and {@link concatCameraSets} as
   * `{ generator: 'subset' | 'concat', sources: [...] }`. Mutable: callers
   * may record their own.
   */
  provenance: CameraProvenance | null = null;

  /** @internal Use {@link createCameraSet} or {@link CameraSetBuilder}. */
  constructor(numCameras: number, columns?: Partial<CameraColumns>, sourceId?: string[] | null) {
    this.numCameras = numCameras;
    this.x = columns?.x ?? new Float64Array(numCameras);
    this.y = columns?.y ?? new Float64Array(numCameras);
    this.heading = columns?.heading ?? new Float64Array(numCameras);
    this.fov = columns?.fov ?? new Float64Array(numCameras);
    this.range = columns?.range ?? new Float64Array(numCameras);
    this.height = columns?.height ?? new Float32Array(numCameras);
    this.tilt = columns?.tilt ?? new Float32Array(numCameras);
    this.resolutionPx = columns?.resolutionPx ?? new Float32Array(numCameras);
    this.kind = columns?.kind ?? new Uint8Array(numCameras);
    this.capabilities = columns?.capabilities ?? new Uint8Array(numCameras);
    this.operator = columns?.operator ?? new Uint8Array(numCameras);
    this.live = columns?.live ?? new Uint8Array(numCameras);
    this.nodeId = columns?.nodeId ?? new Uint32Array(numCameras).fill(NO_NODE);
    this.sourceId = sourceId ?? null;
  }

  /** The camera with id `id` as a friendly object (for display and export, not for loops). */
  getCamera(id: number): Required<Omit<CameraInput, 'nodeId' | 'sourceId'>> & { id: number; nodeId: number | null; sourceId: string | null } {
    if (!Number.isInteger(id) || id < 0 || id >= this.numCameras) {
      throw new InvalidInputError('CameraSet.getCamera', 'id', `must be an integer in [0, ${this.numCameras - 1}]`, id);
    }
    const caps: CameraCapability[] = [];
    if (this.capabilities[id] & CAPABILITY_FACE) caps.push('face');
    if (this.capabilities[id] & CAPABILITY_PLATE) caps.push('plate');
    return {
      id,
      x: this.x[id],
      y: this.y[id],
      heading: this.heading[id],
      fov: this.fov[id],
      range: this.range[id],
      height: this.height[id],
      tilt: this.tilt[id],
      resolutionPx: this.resolutionPx[id],
      kind: CAMERA_KINDS[this.kind[id]],
      capabilities: caps,
      operator: CAMERA_OPERATORS[this.operator[id]],
      live: this.live[id] === 1,
      nodeId: this.nodeId[id] === NO_NODE ? null : this.nodeId[id],
      sourceId: this.sourceId ? this.sourceId[id] || null : null,
    };
  }

  /** Every camera as a friendly object. */
  toArray(): ReturnType<CameraSet['getCamera']>[] {
    const out = new Array(this.numCameras);
    for (let i = 0; i < this.numCameras; i++) out[i] = this.getCamera(i);
    return out;
  }

  /**
   * A new set holding the cameras whose ids are listed, in that order
   * (ids are renumbered 0 … ids.length − 1). Its provenance, when this set
   * has one, is `{ generator: 'subset', seed: null, params: { numCameras, fromNumCameras }, sources: [this.provenance] }`.
   */
  subset(ids: ArrayLike<number>): CameraSet {
    const n = ids.length;
    const out = new CameraSet(n, undefined, this.sourceId ? [] : null);
    for (let k = 0; k < n; k++) {
      const i = ids[k];
      if (!Number.isInteger(i) || i < 0 || i >= this.numCameras) {
        throw new InvalidInputError('CameraSet.subset', `ids[${k}]`, `must be an integer in [0, ${this.numCameras - 1}]`, i);
      }
      copyRow(this, i, out, k);
    }
    if (this.provenance !== null) {
      out.provenance = { generator: 'subset', seed: null, params: { numCameras: n, fromNumCameras: this.numCameras }, sources: [this.provenance] };
    }
    return out;
  }

  /** Ids of the cameras for which `predicate(id)` is true. */
  filterIds(predicate: (id: number, set: CameraSet) => boolean): Uint32Array {
    const keep: number[] = [];
    for (let i = 0; i < this.numCameras; i++) if (predicate(i, this)) keep.push(i);
    return Uint32Array.from(keep);
  }
}

/** The typed-array columns of a {@link CameraSet}. */
export interface CameraColumns {
  x: Float64Array;
  y: Float64Array;
  heading: Float64Array;
  fov: Float64Array;
  range: Float64Array;
  height: Float32Array;
  tilt: Float32Array;
  resolutionPx: Float32Array;
  kind: Uint8Array;
  capabilities: Uint8Array;
  operator: Uint8Array;
  live: Uint8Array;
  nodeId: Uint32Array;
}

function copyRow(from: CameraSet, i: number, to: CameraSet, k: number): void {
  to.x[k] = from.x[i];
  to.y[k] = from.y[i];
  to.heading[k] = from.heading[i];
  to.fov[k] = from.fov[i];
  to.range[k] = from.range[i];
  to.height[k] = from.height[i];
  to.tilt[k] = from.tilt[i];
  to.resolutionPx[k] = from.resolutionPx[i];
  to.kind[k] = from.kind[i];
  to.capabilities[k] = from.capabilities[i];
  to.operator[k] = from.operator[i];
  to.live[k] = from.live[i];
  to.nodeId[k] = from.nodeId[i];
  if (from.sourceId && to.sourceId) (to.sourceId as string[])[k] = from.sourceId[i];
}

/**
 * Builds a {@link CameraSet} of a known size: `add` each camera, then `finish`.
 * Each `add` validates its values and names the camera index in errors.
 */
export class CameraSetBuilder {
  private readonly set: CameraSet;
  private count = 0;
  private readonly origin: string;
  private hasSourceId = false;
  private readonly sourceIds: string[];

  /**
   * @param numCameras - exact number of cameras that will be added
   * @param origin - name of the calling function, used in error messages
   */
  constructor(numCameras: number, origin = 'CameraSetBuilder') {
    if (!Number.isInteger(numCameras) || numCameras < 0) {
      throw new InvalidInputError(origin, 'numCameras', 'must be an integer >= 0', numCameras);
    }
    this.origin = origin;
    this.sourceIds = new Array(numCameras).fill('');
    this.set = new CameraSet(numCameras, undefined, this.sourceIds);
  }

  /** Adds one camera; returns its id. */
  add(camera: CameraInput, field = `cameras[${this.count}]`): number {
    const set = this.set;
    const i = this.count;
    if (i >= set.numCameras) throw new UsageError(this.origin, `more than the ${set.numCameras} announced cameras were added`);
    const o = this.origin;
    if (typeof camera !== 'object' || camera === null) throw new InvalidInputError(o, field, 'must be an object', camera);
    const { x, y, heading, fov } = camera;
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidInputError(o, `${field}.x`, 'must be a finite number', x);
    if (typeof y !== 'number' || !Number.isFinite(y)) throw new InvalidInputError(o, `${field}.y`, 'must be a finite number', y);
    if (typeof heading !== 'number' || !Number.isFinite(heading)) throw new InvalidInputError(o, `${field}.heading`, 'must be a finite number (degrees clockwise from north)', heading);
    if (typeof fov !== 'number' || !(fov > 0 && fov <= 360)) throw new InvalidInputError(o, `${field}.fov`, 'must be in (0, 360]', fov);
    const res = camera.resolutionPx ?? CAMERA_DEFAULTS.resolutionPx;
    if (typeof res !== 'number' || !Number.isFinite(res) || res <= 0) throw new InvalidInputError(o, `${field}.resolutionPx`, 'must be a finite number > 0', res);
    if (res > CAMERA_LIMITS.resolutionPx) throw new InvalidInputError(o, `${field}.resolutionPx`, `must be at most ${CAMERA_LIMITS.resolutionPx} (a Float32 column)`, res);
    let range = camera.range;
    if (range === undefined) {
      range = doriDistanceUnchecked(res, fov, DORI_PX_PER_M.detect);
      if (!(range <= CAMERA_LIMITS.range)) {
        throw new InvalidInputError(o, `${field}.fov`, `is too narrow to derive a range from (the DORI detect distance at resolutionPx ${res} would be ${formatValue(range)} m, above ${CAMERA_LIMITS.range} m); give a range`, fov);
      }
    } else if (typeof range !== 'number' || !Number.isFinite(range) || range <= 0) {
      throw new InvalidInputError(o, `${field}.range`, 'must be a finite number > 0', range);
    } else if (range > CAMERA_LIMITS.range) {
      throw new InvalidInputError(o, `${field}.range`, `must be at most ${CAMERA_LIMITS.range} m`, range);
    }
    const height = camera.height ?? CAMERA_DEFAULTS.height;
    if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) throw new InvalidInputError(o, `${field}.height`, 'must be a finite number >= 0', height);
    if (height > CAMERA_LIMITS.height) throw new InvalidInputError(o, `${field}.height`, `must be at most ${CAMERA_LIMITS.height} m (a Float32 column)`, height);
    const tilt = camera.tilt ?? CAMERA_DEFAULTS.tilt;
    if (typeof tilt !== 'number' || !(tilt >= -90 && tilt <= 90)) throw new InvalidInputError(o, `${field}.tilt`, 'must be in [-90, 90]', tilt);
    const kind = camera.kind ?? CAMERA_DEFAULTS.kind;
    const kindIndex = CAMERA_KINDS.indexOf(kind);
    if (kindIndex < 0) throw new InvalidInputError(o, `${field}.kind`, `must be one of ${CAMERA_KINDS.join(', ')}`, kind);
    const operator = camera.operator ?? CAMERA_DEFAULTS.operator;
    const opIndex = CAMERA_OPERATORS.indexOf(operator);
    if (opIndex < 0) throw new InvalidInputError(o, `${field}.operator`, `must be one of ${CAMERA_OPERATORS.join(', ')}`, operator);
    let caps = 0;
    if (camera.capabilities !== undefined) {
      if (!Array.isArray(camera.capabilities)) throw new InvalidInputError(o, `${field}.capabilities`, 'must be an array of "face" | "plate"', camera.capabilities);
      for (let k = 0; k < camera.capabilities.length; k++) {
        const c = camera.capabilities[k];
        if (c === 'face') caps |= CAPABILITY_FACE;
        else if (c === 'plate') caps |= CAPABILITY_PLATE;
        else throw new InvalidInputError(o, `${field}.capabilities[${k}]`, 'must be "face" or "plate"', c);
      }
    }
    const live = camera.live ?? CAMERA_DEFAULTS.live;
    if (typeof live !== 'boolean') throw new InvalidInputError(o, `${field}.live`, 'must be a boolean', live);
    let nodeId = NO_NODE;
    if (camera.nodeId !== undefined) {
      if (!Number.isInteger(camera.nodeId) || camera.nodeId < 0 || camera.nodeId >= NO_NODE) {
        throw new InvalidInputError(o, `${field}.nodeId`, 'must be an integer in [0, 4294967294]', camera.nodeId);
      }
      nodeId = camera.nodeId;
    }
    if (camera.sourceId !== undefined) {
      if (typeof camera.sourceId !== 'string') throw new InvalidInputError(o, `${field}.sourceId`, 'must be a string', camera.sourceId);
      this.sourceIds[i] = camera.sourceId;
      this.hasSourceId = true;
    }
    set.x[i] = x;
    set.y[i] = y;
    set.heading[i] = ((heading % 360) + 360) % 360;
    set.fov[i] = fov;
    set.range[i] = range;
    set.height[i] = height;
    set.tilt[i] = tilt;
    set.resolutionPx[i] = res;
    set.kind[i] = kindIndex;
    set.capabilities[i] = caps;
    set.operator[i] = opIndex;
    set.live[i] = live ? 1 : 0;
    set.nodeId[i] = nodeId;
    this.count = i + 1;
    return i;
  }

  /** Number of cameras added so far. */
  get size(): number {
    return this.count;
  }

  /** Returns the finished set. Throws if fewer cameras were added than announced. */
  finish(): CameraSet {
    if (this.count !== this.set.numCameras) {
      throw new UsageError(this.origin, `${this.count} cameras were added but ${this.set.numCameras} were announced`);
    }
    if (!this.hasSourceId) (this.set as { sourceId: readonly string[] | null }).sourceId = null;
    return this.set;
  }
}

/**
 * Creates a camera set from friendly objects.
 *
 * @param cameras - array of {@link CameraInput}; x, y in metres, heading in
 *   degrees clockwise from north, fov in (0, 360], range in metres > 0
 * @returns a {@link CameraSet} (columns of typed arrays)
 * @throws {InvalidInputError} naming the camera and field, e.g.
 *   `createCameraSet: cameras[17].fov must be in (0, 360], got 400`
 * @example
 * const cameras = createCameraSet([{ x: 10, y: 20, heading: 90, fov: 60, range: 40 }]);
 * cameras.numCameras // 1
 */
export function createCameraSet(cameras: readonly CameraInput[]): CameraSet {
  if (!Array.isArray(cameras)) throw new InvalidInputError('createCameraSet', 'cameras', 'must be an array', cameras);
  const b = new CameraSetBuilder(cameras.length, 'createCameraSet');
  for (let i = 0; i < cameras.length; i++) b.add(cameras[i], `cameras[${i}]`);
  return b.finish();
}

/** True when `s` has the shape of a {@link CameraSet} (also across two copies of the library). */
export function isCameraSet(s: unknown): s is CameraSet {
  if (s instanceof CameraSet) return true;
  if (typeof s !== 'object' || s === null) return false;
  const c = s as CameraSet;
  return Number.isInteger(c.numCameras) && c.numCameras >= 0 && c.x instanceof Float64Array && c.x.length >= c.numCameras && c.nodeId instanceof Uint32Array;
}

/**
 * Concatenates camera sets into one (ids follow in order). The result's
 * provenance is `{ generator: 'concat', seed: null, params: { numSets, numCameras }, sources }`
 * with each input's provenance, or null when no input has one.
 *
 * @param sets - an array of CameraSets (possibly empty)
 * @returns a new set with every camera of every input
 * @throws {InvalidInputError} naming `sets` or `sets[i]` when the argument is not an array of CameraSets
 * @example
 * const all = concatCameraSets([placeUniform([0, 0, 100, 100], 5), placeUniform([0, 0, 100, 100], 3, { seed: 2 })]);
 * all.numCameras // 8
 */
export function concatCameraSets(sets: readonly CameraSet[]): CameraSet {
  const origin = 'concatCameraSets';
  if (!Array.isArray(sets)) throw new InvalidInputError(origin, 'sets', 'must be an array of CameraSets', sets);
  let n = 0;
  for (let i = 0; i < sets.length; i++) {
    if (!isCameraSet(sets[i])) throw new InvalidInputError(origin, `sets[${i}]`, 'must be a CameraSet', sets[i]);
    n += sets[i].numCameras;
  }
  const anySource = sets.some((s) => s.sourceId !== null);
  const out = new CameraSet(n, undefined, anySource ? new Array(n).fill('') : null);
  let k = 0;
  for (const s of sets) for (let i = 0; i < s.numCameras; i++) copyRow(s, i, out, k++);
  if (sets.some((s) => s.provenance !== null && s.provenance !== undefined)) {
    out.provenance = { generator: 'concat', seed: null, params: { numSets: sets.length, numCameras: n }, sources: sets.map((s) => s.provenance ?? null) };
  }
  return out;
}
